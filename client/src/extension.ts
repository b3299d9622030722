// Extension entry: start the language client. Kept small on purpose; features register themselves.
import * as vscode from 'vscode';
import { startLanguageClient, SinasLanguageClient } from './language-client';
import { bridgeRedHatYaml } from './yaml-extension-bridge';

let client: SinasLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = await startLanguageClient(context);
  void bridgeRedHatYaml();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
