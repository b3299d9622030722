// Extension entry: register the instance features (commands, views, lenses: no network awaited)
// and the language server's launcher, which starts it on the first SinasPackage document. Kept
// small on purpose; features register themselves, and the language client loads only when needed.
import * as vscode from 'vscode';
import { registerInstanceFeatures } from './instance-features';
import { LanguageServerLauncher } from './language-server';
import { PackageFactsStore } from './packages/package-facts';
import type { TestApi } from './test-api';
import { bridgeRedHatYaml } from './yaml-extension-bridge';

let launcher: LanguageServerLauncher | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<TestApi> {
  const started = performance.now();
  const facts = new PackageFactsStore();
  // First: Red Hat YAML must know which documents are ours before it validates any (see the bridge).
  void bridgeRedHatYaml(facts);
  const api = registerInstanceFeatures(context, facts);
  launcher = new LanguageServerLauncher(context, facts, api.deps.snapshots, api.deps.log);
  context.subscriptions.push(facts, launcher);
  api.deps.log.info(`Activated in ${Math.round(performance.now() - started)} ms.`);
  return { ...api, facts, languageServer: launcher };
}

export async function deactivate(): Promise<void> {
  await launcher?.stop();
  launcher = undefined;
}
