/**
 * What a command acts on, whoever invoked it: a file (explorer, editor title, code lens: a Uri),
 * a tree node (a PackageNode), a `{connectionId, name}` (tests, other commands), or nothing
 * (palette: the active editor, else a pick from the installed packages).
 */
import * as vscode from 'vscode';
import { readPackage, type PackageFile } from '../packages/read-package';
import { connect } from '../ui/connect';
import { isPackageNode, type PackageRef } from '../views/packages/nodes/package-node';
import type { Deps } from './deps';

export interface PackageDocument {
  document: vscode.TextDocument;
  file: PackageFile;
}

/** The SinasPackage document a preview or install reads; explains and returns undefined otherwise. */
export async function packageDocument(deps: Pick<Deps, 'host'>, target: unknown): Promise<PackageDocument | undefined> {
  let document: vscode.TextDocument | undefined;
  if (target instanceof vscode.Uri) document = await vscode.workspace.openTextDocument(target);
  else document = deps.host.activeTextEditor?.document;
  if (!document) {
    void deps.host.showErrorMessage('Sinas: open a SinasPackage YAML file first.');
    return undefined;
  }
  const file = readPackage(document.getText());
  if (!file.isPackage) {
    void deps.host.showErrorMessage(`Sinas: ${vscode.workspace.asRelativePath(document.uri)} is not a SinasPackage (it needs apiVersion: sinas.co/v1 and kind: SinasPackage).`);
    return undefined;
  }
  if (!file.name) {
    void deps.host.showErrorMessage('Sinas: the package has no package.name; add one before talking to an instance.');
    return undefined;
  }
  return { document, file };
}

export function isPackageRef(value: unknown): value is PackageRef {
  return !!value && typeof value === 'object' && typeof (value as PackageRef).connectionId === 'string' && typeof (value as PackageRef).name === 'string';
}

/** An installed package to act on (uninstall, export, compare). */
export async function installedPackageRef(deps: Deps, target: unknown, verb: string): Promise<PackageRef | undefined> {
  if (isPackageNode(target)) return target.ref;
  if (isPackageRef(target)) return target;
  const active = deps.connections.active();
  const fromDocument = (document: vscode.TextDocument | undefined) => {
    const name = document ? readPackage(document.getText()).name : undefined;
    return name && active ? { connectionId: active.id, name } : undefined;
  };
  if (target instanceof vscode.Uri) {
    const ref = fromDocument(await vscode.workspace.openTextDocument(target));
    if (!ref) void deps.host.showErrorMessage('Sinas: this file is not a SinasPackage with a package.name, or no instance is configured.');
    return ref;
  }
  const fromEditor = fromDocument(deps.host.activeTextEditor?.document);
  if (fromEditor) return fromEditor;

  const connected = await connect(deps);
  if (!connected) return undefined;
  const state = await deps.packages.load(connected.connection.id);
  if (state.kind !== 'loaded') {
    void deps.host.showErrorMessage(`Sinas: cannot list the packages of ${connected.connection.name}${state.kind === 'error' ? `: ${state.message}` : '.'}`);
    return undefined;
  }
  if (state.packages.length === 0) {
    void deps.host.showInformationMessage(`Sinas: no packages are installed on ${connected.connection.name}.`);
    return undefined;
  }
  const picked = await deps.host.showQuickPick(
    state.packages.map((p) => ({ label: p.name, description: `v${p.version}`, detail: p.description ?? undefined, name: p.name, version: p.version })),
    { title: `${verb} — packages on ${connected.connection.name}`, placeHolder: 'Choose a package' },
  );
  return picked ? { connectionId: connected.connection.id, name: picked.name, version: picked.version } : undefined;
}
