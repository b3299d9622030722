/** A resource row of the tree: the installed YAML (read-only) opened at that resource. */
import * as vscode from 'vscode';
import type { ResourceTarget } from '../views/packages/nodes/resource-nodes';
import type { Deps } from './deps';
import { loadInstalledCopy } from './export-package';

export async function openInstalledResource(deps: Deps, target: ResourceTarget): Promise<vscode.TextEditor | undefined> {
  const connection = target && deps.connections.get(target.connectionId);
  if (!connection) return undefined;
  const state = deps.contents.state(connection.id, target.packageName);
  let uri: vscode.Uri;
  let selection: vscode.Range | undefined;
  if (state?.kind === 'loaded') {
    // The text the row was read from, so the resource's span is exact.
    uri = await deps.documents.putInstalled(connection, target.packageName, state.contents.text);
    const document = await vscode.workspace.openTextDocument(uri);
    selection = new vscode.Range(document.positionAt(target.resource.span.start), document.positionAt(target.resource.span.end));
  } else {
    const loaded = await loadInstalledCopy(deps, { connectionId: connection.id, name: target.packageName }, 'Opening');
    if (loaded.outcome !== 'loaded') return undefined;
    uri = loaded.uri;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await deps.host.showTextDocument(document, { preview: true, selection });
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
