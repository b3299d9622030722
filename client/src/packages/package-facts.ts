/**
 * What the language server said about each open YAML document (`sinas/packageFacts`): whether it
 * is a package, its name and where it is written, its version. The code lens, the editor context
 * key and the Red Hat YAML bridge read these instead of reading and parsing documents themselves.
 */
import * as vscode from 'vscode';
import type { PackageFactsParams } from '../../../server/src/protocol/package-facts';

export type { PackageFactsParams };

/** How long a reader waits for the first facts of a document while the server is analysing it. */
const FIRST_FACTS_MS = 3000;

export class PackageFactsStore implements vscode.Disposable {
  private readonly byUri = new Map<string, PackageFactsParams>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a document's URI when its facts change. */
  readonly onDidChange = this.changed.event;
  /** Whether a language server is running (then facts for every open YAML document will come). */
  serving = false;

  set(facts: PackageFactsParams): void {
    this.byUri.set(facts.uri, facts);
    this.changed.fire(facts.uri);
  }

  get(uri: vscode.Uri | string): PackageFactsParams | undefined {
    return this.byUri.get(uri.toString());
  }

  forget(uri: vscode.Uri | string): void {
    this.byUri.delete(uri.toString());
  }

  /** The facts of a document; while the server has yet to send its first ones, waits for them a little. */
  async when(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<PackageFactsParams | undefined> {
    const known = this.get(uri);
    if (known || !this.serving) return known;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscription.dispose();
        cancel?.dispose();
        resolve(this.get(uri));
      };
      const timer = setTimeout(done, FIRST_FACTS_MS);
      const subscription = this.onDidChange((changed) => changed === uri.toString() && done());
      const cancel = token?.onCancellationRequested(done);
    });
  }

  dispose(): void {
    this.changed.dispose();
    this.byUri.clear();
  }
}
