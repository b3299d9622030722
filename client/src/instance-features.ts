/**
 * Builds everything that talks to a Sinas instance (connections, status bar, tree, lenses,
 * virtual documents, preview diagnostics, commands) and registers it. Nothing here awaits the
 * network: reachability and package lists load in the background after registration.
 */
import * as vscode from 'vscode';
import { PackageCodeLensProvider } from './code-lens/package-code-lens';
import type { Deps } from './commands/deps';
import { CONTEXT, PACKAGES_VIEW } from './commands/ids';
import { registerCommands } from './commands/index';
import { ClientPool } from './connections/client-pool';
import { ConnectionStore } from './connections/connection-store';
import { HealthMonitor } from './connections/health-monitor';
import { registerStatusBar } from './connections/status-bar';
import { InstanceDocuments } from './documents/instance-documents';
import { VirtualDocuments } from './documents/virtual-documents';
import { InstanceSnapshots } from './instance/instance-snapshots';
import { createLog, logExchange } from './logging/output';
import type { PackageFactsStore } from './packages/package-facts';
import { PreviewDiagnostics } from './preview/preview-diagnostics';
import { ReportPanels } from './preview/report-panel';
import { AnswerMemory } from './prompts/answer-memory';
import { looksLikeSinasPackage } from '../../server/src/core/detect';
import type { TestApi } from './test-api';
import { vscodeHost } from './ui/host';
import { PackageContents } from './views/packages/contents';
import { PackagesModel } from './views/packages/model';
import { PackagesTreeProvider } from './views/packages/provider';

const setting = <T>(key: string, fallback: T): T => vscode.workspace.getConfiguration('sinas').get<T>(key, fallback);

export function registerInstanceFeatures(context: vscode.ExtensionContext, facts: PackageFactsStore): Omit<TestApi, 'facts' | 'languageServer'> {
  const log = createLog();
  const connections = new ConnectionStore(context.globalState, context.secrets, process.env);
  const clients = new ClientPool(connections, {
    timeoutMs: () => Math.max(1, setting('connection.requestTimeoutSeconds', 30)) * 1000,
    onExchange: (connection, entry) => logExchange(log, connection, entry),
    userAgent: `sinas-package-tools/${context.extension.packageJSON.version as string} vscode/${vscode.version}`,
  });
  const health = new HealthMonitor(connections, clients, {
    intervalMs: () => Math.max(0, setting('connection.healthCheckIntervalSeconds', 300)) * 1000,
    isFocused: () => vscode.window.state.focused,
    isAllowed: () => vscode.workspace.isTrusted,
  });
  const packages = new PackagesModel(connections, clients);
  const contents = new PackageContents(connections, clients);
  const documents = new VirtualDocuments(async (connectionId, name) => {
    const connection = connections.get(connectionId);
    const result = connection ? await clients.client(connection) : undefined;
    if (result?.kind !== 'ready') throw new Error(`Sinas: cannot read ${name}: its instance is not connected; run "Sinas: Open Installed Version" again.`);
    return result.client.exportPackage(name);
  });
  const diagnostics = new PreviewDiagnostics();
  // The language server's facts when it has reported on the document; else its content (read once per call, never per keystroke).
  const isPackage = (document: vscode.TextDocument) => document.languageId === 'yaml' && (facts.get(document.uri)?.isPackage ?? looksLikeSinasPackage(document.getText()));
  const snapshots = new InstanceSnapshots(connections, clients, {
    enabled: () => setting('instanceChecks.enabled', true),
    ttlMs: () => Math.max(0, setting('instanceChecks.refreshMinutes', 10)) * 60_000,
    isTrusted: () => vscode.workspace.isTrusted,
    hasPackageDocument: () => vscode.workspace.textDocuments.some(isPackage),
    // In the status bar: reading runs in the background and is never waited for.
    withProgress: (title, task) => Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, () => task(new AbortController().signal))),
    log,
  });
  const instanceDocuments = new InstanceDocuments(connections, clients);
  const answers = new AnswerMemory();
  const reports = new ReportPanels(documents);
  const deps: Deps = { context, host: vscodeHost, log, connections, clients, health, packages, contents, documents, diagnostics, answers, reports, snapshots };

  const tree = new PackagesTreeProvider(connections, packages, health, clients, contents);
  const view = vscode.window.createTreeView(PACKAGES_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  const lenses = new PackageCodeLensProvider(connections, packages, facts);
  const statusBar = registerStatusBar(connections, health);
  const updateContext = () => void vscode.commands.executeCommand('setContext', CONTEXT.hasConnections, connections.list().length > 0);
  // From the language server's facts; until it has reported on a newly shown editor, from its
  // content (once, not per keystroke), so the commands are there as soon as the editor is.
  const updateEditorContext = (editor = vscode.window.activeTextEditor) =>
    void vscode.commands.executeCommand('setContext', CONTEXT.isPackageEditor, !!editor && isPackage(editor.document));

  context.subscriptions.push(
    log, connections, clients, health, packages, contents, documents, diagnostics, answers, reports, tree, view, lenses, snapshots, instanceDocuments,
    statusBar,
    registerCommands(deps),
    vscode.languages.registerCodeLensProvider(['file', 'untitled', 'vscode-remote'].map((scheme) => ({ language: 'yaml', scheme })), lenses),
    connections.onDidChange(updateContext),
    context.secrets.onDidChange((e) => connections.notifySecretChanged(e.key)),
    vscode.window.onDidChangeActiveTextEditor((editor) => updateEditorContext(editor)),
    facts.onDidChange((uri) => uri === vscode.window.activeTextEditor?.document.uri.toString() && updateEditorContext()),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && answers.forget(e.document.uri.toString())),
    vscode.workspace.onDidCloseTextDocument((document) => answers.forget(document.uri.toString())),
    connections.onDidChange(() => answers.clear()),
    vscode.window.onDidChangeWindowState((state) => state.focused && health.onFocus()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void health.check();
      snapshots.update();
    }),
    // Instance resources are read once a package is open, not on activation.
    vscode.workspace.onDidOpenTextDocument((document) => isPackage(document) && snapshots.update()),
    vscode.window.onDidChangeWindowState((state) => state.focused && snapshots.update()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sinas.connection.healthCheckIntervalSeconds')) health.start();
      if (e.affectsConfiguration('sinas.instanceChecks')) snapshots.update();
    }),
  );
  updateContext();
  updateEditorContext();
  health.start();
  void health.check();
  snapshots.update();
  return { deps, tree, view, lenses, statusBar: statusBar.item };
}
