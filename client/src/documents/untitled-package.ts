/**
 * A new, unsaved package editor with a real name: `untitled:<folder>/<name>.sinas.yaml`. The tab
 * reads `<name>.sinas.yaml` (not the first line of the text), and Save proposes that path in the
 * first workspace folder, or just the file name without one. A name whose file already exists gets
 * `-2`, `-3`, … so Save never offers to overwrite it.
 */
import * as vscode from 'vscode';
import { fileStem } from './file-stem';

export async function openUntitledPackage(baseName: string, text: string): Promise<vscode.TextDocument> {
  const uri = await freeUntitledUri(fileStem(baseName));
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  await vscode.workspace.applyEdit(edit);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

async function freeUntitledUri(stem: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  for (let n = 1; ; n++) {
    const fileName = `${stem}${n === 1 ? '' : `-${n}`}.sinas.yaml`;
    const target = folder ? vscode.Uri.joinPath(folder, fileName) : undefined;
    const uri = target ? target.with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: fileName });
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    if (!open && !(target && (await exists(target)))) return uri;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
