/**
 * Lenses on `package.name`: whether this package is installed on the active instance and what to
 * do about it (package-lenses.ts decides which). Name, position and version come from the
 * language server's package facts (this reads and parses no document), the state from the
 * installed-packages model; providing lenses never waits for the network (a load is started and
 * the lenses refresh when it lands).
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import type { ConnectionStore } from '../connections/connection-store';
import type { PackageFactsStore } from '../packages/package-facts';
import { packageLenses } from './package-lenses';
import type { PackagesModel } from '../views/packages/model';

export class PackageCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly connections: ConnectionStore,
    private readonly model: PackagesModel,
    private readonly facts: PackageFactsStore,
  ) {
    this.subscriptions = [
      model.onDidChange(() => this.changed.fire()),
      connections.onDidChange(() => this.changed.fire()),
      facts.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('sinas.codeLens') && this.changed.fire()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.isTrusted || !vscode.workspace.getConfiguration('sinas').get<boolean>('codeLens.enabled', true)) return [];
    const active = this.connections.active();
    if (!active) return [];
    const facts = await this.facts.when(document.uri, token);
    if (!facts?.isPackage || !facts.name || !facts.nameRange) return [];
    const file = { name: facts.name, version: facts.packageVersion };
    const { start, end } = facts.nameRange;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
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

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
