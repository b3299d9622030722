// Extension entry: register the instance features (commands, views, lenses: no network awaited),
// then start the language client. Kept small on purpose; features register themselves.
import * as vscode from 'vscode';
import { registerInstanceFeatures } from './instance-features';
import { sendInstanceSnapshots, startLanguageClient, SinasLanguageClient } from './language-client';
import type { TestApi } from './test-api';
import { bridgeRedHatYaml } from './yaml-extension-bridge';

let client: SinasLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<TestApi> {
  const started = performance.now();
  void bridgeRedHatYaml();
  const api = registerInstanceFeatures(context);
  api.deps.log.info(`Instance features registered in ${Math.round(performance.now() - started)} ms.`);
  // Not awaited: commands and views work while the language server starts.
  void startLanguageClient(context).then(
    (started_) => {
      client = started_;
      context.subscriptions.push(sendInstanceSnapshots(started_, api.deps.snapshots));
      api.deps.log.info(`Language server started ${Math.round(performance.now() - started)} ms after activation began.`);
    },
    (error: unknown) => api.deps.log.error(`The Sinas language server did not start: ${String(error)}`),
  );
  api.deps.log.info(`Activated in ${Math.round(performance.now() - started)} ms.`);
  return api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
