/**
 * The answers given to a preview's variable prompts, so that Install right after it sends the
 * same values without asking again (secrets included). Kept in this process's memory only —
 * never in settings, state, secret storage or a file — for one version of one document on one
 * instance, and for a few minutes at most: an edit, closing the file, another instance or the
 * install itself drops them. Pure (no `vscode`): the extension wires the document events.
 */

export interface AnswerScope {
  /** The document's URI, as a string. */
  uri: string;
  version: number;
  connectionId: string;
}

interface Entry extends AnswerScope {
  values: Record<string, unknown>;
  at: number;
}

export const ANSWER_LIFETIME_MS = 10 * 60 * 1000;

export class AnswerMemory {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  remember(scope: AnswerScope, values: Record<string, unknown>): void {
    this.entries.set(scope.uri, { ...scope, values: { ...values }, at: this.now() });
  }

  /** The values entered for exactly this version on this instance, if still fresh. */
  recall(scope: AnswerScope): Record<string, unknown> | undefined {
    const entry = this.entries.get(scope.uri);
    if (!entry) return undefined;
    if (entry.version !== scope.version || entry.connectionId !== scope.connectionId || this.now() - entry.at > ANSWER_LIFETIME_MS) {
      this.entries.delete(scope.uri);
      return undefined;
    }
    return { ...entry.values };
  }

  /** Drops the answers of one document (edited, closed, installed). */
  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  dispose(): void {
    this.clear();
  }
}
