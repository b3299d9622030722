/**
 * Where the user is typing: the position right after the last edit of each document (the cursor,
 * for an edit made by typing), read from the incremental changes the client sends. A finding
 * that appears on that line while the user is still typing is usually about the unfinished token
 * (`${{ vars.` with the name still to come, a key without its `:` yet); the diagnostics publisher
 * holds such new findings back until typing pauses. Findings that were already shown there (the
 * user is fixing them) and findings anywhere else are published at once, so a correction is
 * seen immediately and nothing is hidden for long. Clients that send whole documents give no
 * position, and nothing is held for them.
 */
import type { Diagnostic, Position, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface TypingEdit {
  version: number;
  /** Right after the inserted text, in the new version. */
  position: Position;
  /** performance.now() when the edit arrived. */
  at: number;
}

export class TypingTracker {
  private readonly edits = new Map<string, TypingEdit>();

  /**
   * Wraps a TextDocuments update hook (`apply` may update the document in place): applies the
   * changes and remembers where the last one ended.
   */
  tracking<D extends TextDocument>(apply: (document: D, changes: TextDocumentContentChangeEvent[], version: number) => D) {
    return (document: D, changes: TextDocumentContentChangeEvent[], version: number): D => {
      const [change] = changes;
      // Text before the change's start is unchanged, so its offset holds in the new version.
      const start = changes.length === 1 && 'range' in change ? document.offsetAt(change.range.start) : -1;
      const updated = apply(document, changes, version);
      if (start >= 0) this.edits.set(updated.uri, { version, position: updated.positionAt(start + change.text.length), at: performance.now() });
      else this.edits.delete(updated.uri);
      return updated;
    };
  }

  /** The hook for plain TextDocuments. */
  readonly update = this.tracking<TextDocument>(TextDocument.update);

  /** The edit that made `version`, if it is less than `pauseMs` old: how long until the pause. */
  typing(uri: string, version: number, pauseMs: number): { edit: TypingEdit; remainingMs: number } | undefined {
    const edit = this.edits.get(uri);
    if (!edit || edit.version !== version || pauseMs <= 0) return undefined;
    const remainingMs = edit.at + pauseMs - performance.now();
    return remainingMs > 0 ? { edit, remainingMs } : undefined;
  }

  forget(uri: string): void {
    this.edits.delete(uri);
  }
}

/**
 * Splits `diagnostics` into those to show now and those held until typing pauses: held are the
 * ones starting on the edit's line at or before its position (the token being typed, and what it
 * affects on its own line) that `shown` (the last published set) had no finding of the same code
 * on that line for.
 */
export function holdWhileTyping(diagnostics: Diagnostic[], edit: Position, shown: readonly Diagnostic[]): { now: Diagnostic[]; held: Diagnostic[] } {
  const now: Diagnostic[] = [];
  const held: Diagnostic[] = [];
  const known = new Set(shown.filter((d) => d.range.start.line === edit.line).map((d) => d.code));
  for (const d of diagnostics) {
    const atCursor = d.range.start.line === edit.line && d.range.start.character <= edit.character;
    (atCursor && !known.has(d.code) ? held : now).push(d);
  }
  return { now, held };
}
