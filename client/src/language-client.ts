// Starts dist/server.js over IPC for YAML documents. The server decides by content
// (apiVersion + kind) whether a document is a SinasPackage, so no file-name guessing here.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

export type SinasLanguageClient = LanguageClient;

export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
      { language: 'yaml', scheme: 'vscode-remote' },
    ],
    outputChannelName: 'Sinas Language Server',
  };
  const client = new LanguageClient('sinas', 'Sinas Packages', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(client);
  return client;
}
