/**
 * Starts the language server when it has something to do: on the first SinasPackage document
 * (detected by content, once per opened document and, debounced, while a YAML document is edited)
 * or `*.sinas.yaml` file, and at once when the workspace holds a `*.sinas.yaml` file and workspace
 * diagnostics are on (the server then reports on packages that are not open). Until then nothing
 * runs for YAML files; afterwards the server reads every YAML document and reports on the packages
 * (facts arrive through `sinas/packageFacts`).
 */
import * as vscode from 'vscode';
import { looksLikeSinasPackage } from '../../server/src/core/detect';
import type * as LanguageClientModule from './language-client';
import type { SinasLanguageClient } from './language-client';
import type { InstanceSnapshots } from './instance/instance-snapshots';
import type { PackageFactsStore } from './packages/package-facts';
import type { Log } from './logging/output';

const SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);
/** Quiet time after an edit before a YAML document is checked for becoming a package. */
const CHECK_DELAY_MS = 500;
/** Files that mark a workspace as holding packages (also the `workspaceContains` activation event). */
const PACKAGE_FILES = '**/*.sinas.{yaml,yml}';

/** Whether the server should start for this document. */
export function isPackageCandidate(document: Pick<vscode.TextDocument, 'languageId' | 'uri' | 'fileName' | 'getText'>): boolean {
  if (document.languageId !== 'yaml' || !SCHEMES.has(document.uri.scheme)) return false;
  return /\.sinas\.ya?ml$/i.test(document.fileName) || looksLikeSinasPackage(document.getText());
}

export class LanguageServerLauncher implements vscode.Disposable {
  private client: Promise<SinasLanguageClient> | undefined;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly facts: PackageFactsStore,
    private readonly snapshots: InstanceSnapshots,
    private readonly log: Log,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.consider(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.considerLater(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => facts.forget(d.uri)),
    );
    for (const document of vscode.workspace.textDocuments) this.consider(document);
    void this.considerWorkspace();
  }

  /** Workspace diagnostics need the server before any package is opened, when the workspace has one. */
  private async considerWorkspace(): Promise<void> {
    if (this.client || !vscode.workspace.getConfiguration('sinas').get<boolean>('workspaceDiagnostics.enabled', true)) return;
    try {
      const found = await vscode.workspace.findFiles(PACKAGE_FILES, '**/node_modules/**', 1);
      if (found.length && !this.client) this.start();
    } catch (error) {
      this.log.warn(`Looking for *.sinas.yaml files in the workspace failed: ${String(error)}`);
    }
  }

  /** The running client, if it was started. */
  get started(): Promise<SinasLanguageClient> | undefined {
    return this.client;
  }

  private considerLater(document: vscode.TextDocument): void {
    if (this.client || document.languageId !== 'yaml') return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.consider(document);
      }, CHECK_DELAY_MS),
    );
  }

  private consider(document: vscode.TextDocument): void {
    if (this.client || !isPackageCandidate(document)) return;
    this.start();
  }

  private start(): void {
    const started = performance.now();
    this.facts.serving = true;
    // A bundle of its own (see esbuild.mjs): loaded only now.
    const { sendInstanceSnapshots, startLanguageClient } = require('./language-client.js') as typeof LanguageClientModule;
    this.client = startLanguageClient(this.context, (facts) => this.facts.set(facts));
    this.client.then(
      (client) => {
        this.context.subscriptions.push(sendInstanceSnapshots(client, this.snapshots));
        this.log.info(`Language server started in ${Math.round(performance.now() - started)} ms.`);
      },
      (error: unknown) => {
        this.facts.serving = false;
        this.log.error(`The Sinas language server did not start: ${String(error)}`);
      },
    );
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  async stop(): Promise<void> {
    const client = await this.client?.catch(() => undefined);
    await client?.stop();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    for (const timer of this.pending.values()) clearTimeout(timer);
  }
}
