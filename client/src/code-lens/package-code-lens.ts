/**
 * Lenses on `package.name`: whether this package is installed on the active instance and what to
 * do about it (package-lenses.ts decides which). The position comes from the language core, the
 * state from the installed-packages model; providing lenses never waits for the network (a load
 * is started and the lenses refresh when it lands).
 */
import * as vscode from 'vscode';
import { looksLikeSinasPackage } from '../../../server/src/core/detect';
import { COMMANDS } from '../commands/ids';
import type { ConnectionStore } from '../connections/connection-store';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';
import { readPackage, type PackageFile } from '../packages/read-package';
import { packageLenses } from './package-lenses';
import type { PackagesModel } from '../views/packages/model';

export class PackageCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** Per open document: the last version read, and its own incremental parser (edits re-parse little). */
  private readonly files = new Map<string, { version: number; file: PackageFile; parser: DocumentParser }>();
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly connections: ConnectionStore,
    private readonly model: PackagesModel,
  ) {
    this.subscriptions = [
      model.onDidChange(() => this.changed.fire()),
      connections.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('sinas.codeLens') && this.changed.fire()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
      vscode.workspace.onDidCloseTextDocument((d) => this.files.delete(d.uri.toString())),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted || !vscode.workspace.getConfiguration('sinas').get<boolean>('codeLens.enabled', true)) return [];
    const active = this.connections.active();
    if (!active || !looksLikeSinasPackage(document.getText())) return [];
    const file = this.read(document);
    if (!file.isPackage || !file.name || !file.nameSpan) return [];
    const range = new vscode.Range(document.positionAt(file.nameSpan.start), document.positionAt(file.nameSpan.end));
    const lens = (title: string, command: string, tooltip?: string) => new vscode.CodeLens(range, { title, command, tooltip, arguments: command ? [document.uri] : [] });

    const installed = this.model.installed(active.id, file.name);
    if (installed === undefined) {
      const state = this.model.state(active.id);
      if (state.kind === 'idle') void this.model.ensureLoaded(active.id);
      if (state.kind !== 'error') return [];
      return [lens(`$(warning) Cannot check ${active.name}`, COMMANDS.refreshPackages, state.message)];
    }
    return packageLenses({ instanceName: active.name, packageName: file.name, fileVersion: file.version, installed }).map((spec) => lens(spec.title, spec.command, spec.tooltip));
  }

  private read(document: vscode.TextDocument): PackageFile {
    const key = document.uri.toString();
    const hit = this.files.get(key);
    if (hit?.version === document.version) return hit.file;
    const parser = hit?.parser ?? new DocumentParser();
    const file = readPackage(document.getText(), parser);
    this.files.set(key, { version: document.version, file, parser });
    return file;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.files.clear();
  }
}
