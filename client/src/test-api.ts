/**
 * What `activate` returns: the live services, for the in-VS-Code tests (tree contents, model
 * states, diagnostics) and for anyone scripting the extension. Not a stable public API.
 */
import type * as vscode from 'vscode';
import type { PackageCodeLensProvider } from './code-lens/package-code-lens';
import type { Deps } from './commands/deps';
import type { LanguageServerLauncher } from './language-server';
import type { PackageFactsStore } from './packages/package-facts';
import type { PackagesTreeNode, PackagesTreeProvider } from './views/packages/provider';

export interface TestApi {
  deps: Deps;
  tree: PackagesTreeProvider;
  view: vscode.TreeView<PackagesTreeNode>;
  lenses: PackageCodeLensProvider;
  /** What the language server said about each open YAML document. */
  facts: PackageFactsStore;
  /** Starts the language server on the first package document. */
  languageServer: LanguageServerLauncher;
  statusBar: vscode.StatusBarItem;
}
