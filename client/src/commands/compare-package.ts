/**
 * Sinas: Compare Installed Version with Local File — `vscode.diff` between the installed export
 * (left, read-only) and the local YAML (right, editable). From a tree node the local file is
 * the open editor of that package, else the first workspace file that declares it.
 */
import * as vscode from 'vscode';
import { looksLikeSinasPackage } from '../../../server/src/core/detect';
import { readPackage } from '../packages/read-package';
import { requireTrust } from '../ui/trust';
import type { Deps } from './deps';
import { loadInstalledCopy } from './export-package';
import { installedPackageRef } from './package-target';

export interface CompareOutcome {
  outcome: 'opened' | 'cancelled' | 'refused' | 'failed';
  left?: vscode.Uri;
  right?: vscode.Uri;
}

export async function comparePackage(deps: Deps, target?: unknown): Promise<CompareOutcome> {
  if (!requireTrust(deps.host)) return { outcome: 'refused' };
  const ref = await installedPackageRef(deps, target, 'Compare');
  if (!ref) return { outcome: 'cancelled' };
  const local = target instanceof vscode.Uri ? target : await findLocalFile(deps, ref.name);
  if (!local) {
    void deps.host.showErrorMessage(`Sinas: no open or workspace file declares package ${ref.name}; open it to compare.`);
    return { outcome: 'refused' };
  }
  const loaded = await loadInstalledCopy(deps, ref, 'Comparing');
  if (loaded.outcome !== 'loaded') return { outcome: loaded.outcome };
  const title = `${ref.name}: installed on ${loaded.instanceName} ↔ ${vscode.workspace.asRelativePath(local)}`;
  await vscode.commands.executeCommand('vscode.diff', loaded.uri, local, title, { preview: true });
  return { outcome: 'opened', left: loaded.uri, right: local };
}

async function findLocalFile(deps: Deps, name: string): Promise<vscode.Uri | undefined> {
  const declares = (document: vscode.TextDocument) => document.uri.scheme !== 'sinas-installed' && looksLikeSinasPackage(document.getText()) && readPackage(document.getText()).name === name;
  const active = deps.host.activeTextEditor?.document;
  if (active && declares(active)) return active.uri;
  const open = vscode.workspace.textDocuments.find(declares);
  if (open) return open.uri;
  for (const uri of await vscode.workspace.findFiles('**/*.{yaml,yml}', '**/node_modules/**', 500)) {
    const bytes = await vscode.workspace.fs.readFile(uri);
    const text = new TextDecoder().decode(bytes);
    if (looksLikeSinasPackage(text) && readPackage(text).name === name) return uri;
  }
  return undefined;
}
