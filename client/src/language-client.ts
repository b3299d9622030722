// Starts dist/server.js over IPC for YAML documents. The server decides by content
// (apiVersion + kind) whether a document is a SinasPackage, and tells us (sinas/packageFacts).
// Bundled on its own (dist/language-client.js) and loaded only when a package is opened: the
// language client library is most of what the extension would otherwise parse at activation.
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { INSTANCE_SNAPSHOT_NOTIFICATION, type InstanceSnapshot, type InstanceSnapshotParams } from '../../server/src/protocol/instance-snapshot';
import { PACKAGE_FACTS_NOTIFICATION, type PackageFactsParams } from '../../server/src/protocol/package-facts';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/protocol/server-process';
import { isRedHatYamlInstalled } from './yaml-extension-bridge';

export type SinasLanguageClient = LanguageClient;

export async function startLanguageClient(context: vscode.ExtensionContext, onFacts: (facts: PackageFactsParams) => void): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const options = { execArgv: [...SERVER_EXEC_ARGV], env: { ...process.env, ...SERVER_ENV } };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options },
    debug: { module, transport: TransportKind.ipc, options: { ...options, execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
      { language: 'yaml', scheme: 'vscode-remote' },
    ],
    outputChannelName: 'Sinas Language Server',
    middleware: {
      // Red Hat YAML reports YAML syntax errors for every YAML file; ours would repeat them. The
      // server drops them when told `off`, so "auto" is resolved here, where Red Hat YAML is known.
      workspace: {
        async configuration(params, token, next) {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, i) => (item.section === 'sinas' ? resolveAutoSettings(result[i]) : result[i]));
        },
      },
    },
  };
  const client = new LanguageClient('sinas', 'Sinas Packages', serverOptions, clientOptions);
  // Registered before starting, so a window closed while the server starts still stops it.
  context.subscriptions.push(client, client.onNotification(PACKAGE_FACTS_NOTIFICATION, onFacts));
  await client.start();
  // Red Hat YAML installed or removed while we run: the server pulls the settings again, with
  // "auto" resolved anew.
  context.subscriptions.push(
    vscode.extensions.onDidChange(() => void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null })),
  );
  return client;
}

/** `sinas.validation.yamlSyntax: "auto"` shows our YAML syntax errors unless Red Hat YAML already does. */
function resolveAutoSettings(section: unknown): unknown {
  const settings = section as { validation?: { yamlSyntax?: string } } | null;
  const mode = settings?.validation?.yamlSyntax ?? 'auto';
  if (mode !== 'auto') return section;
  return { ...settings, validation: { ...settings?.validation, yamlSyntax: isRedHatYamlInstalled() ? 'off' : 'on' } };
}

/**
 * Keeps the server's instance snapshot current (`sinas/instanceSnapshot`): what is known now, every
 * change after that, and again after the server restarts (a new process starts without one).
 */
export function sendInstanceSnapshots(client: LanguageClient, snapshots: { current: InstanceSnapshot | null; onDidChange(listener: (s: InstanceSnapshot | null) => void): vscode.Disposable }): vscode.Disposable {
  const send = (snapshot: InstanceSnapshot | null) => {
    if (client.state !== State.Running) return;
    const params: InstanceSnapshotParams = { snapshot };
    void client.sendNotification(INSTANCE_SNAPSHOT_NOTIFICATION, params);
  };
  if (snapshots.current) send(snapshots.current);
  return vscode.Disposable.from(
    snapshots.onDidChange(send),
    client.onDidChangeState((e) => e.newState === State.Running && snapshots.current && send(snapshots.current)),
  );
}
