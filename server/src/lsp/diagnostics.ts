/**
 * Publishes diagnostics shortly after edits settle. Analysis is fast, so the delay only coalesces
 * bursts of keystrokes; a result is published only if the document is still at the analysed
 * version, so stale diagnostics never reach the editor. New findings on the line being typed wait
 * for a pause in typing (typing.ts), and are published then.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { EditedDocument } from './edited-document';
import type { Analysis } from '../core/analyze';
import type { AnalysisCache } from './analysis-cache';
import { toDiagnostics, type SeverityOverrides } from './convert';
import { linesOfText, type LineText, type PositionEncoder } from './position-encoding';
import { holdWhileTyping, type TypingTracker } from './typing';

/** A publication waiting to run. */
interface Pending {
  cancel(): void;
}

/**
 * Runs `run` after `delayMs`. Node rounds a zero timeout up to a millisecond, so "no delay" (a
 * document just opened, `delayMs: 0`) runs on the next turn of the event loop instead.
 */
export function after(delayMs: number, run: () => void): Pending {
  if (delayMs <= 0) {
    const handle = setImmediate(run);
    return { cancel: () => clearImmediate(handle) };
  }
  const handle = setTimeout(run, delayMs);
  return { cancel: () => clearTimeout(handle) };
}

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, Pending>();
  /** What was last published per URI (non-empty only), so it can be cleared and compared with. */
  private readonly published = new Map<string, Diagnostic[]>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<EditedDocument>,
    private readonly cache: AnalysisCache,
    private readonly settings: () => { delayMs: number; typingPauseMs: number; severity: SeverityOverrides },
    private readonly positions: PositionEncoder,
    private readonly typing?: TypingTracker,
    /** Told about every version analysed for publishing (the package facts follow it). */
    private readonly analysed: (uri: string, version: number, analysis: Analysis) => void = () => undefined,
  ) {}

  schedule(uri: string, delayMs = this.settings().delayMs): void {
    this.pending.get(uri)?.cancel();
    this.pending.set(
      uri,
      after(delayMs, () => {
        this.pending.delete(uri);
        this.publish(uri);
      }),
    );
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri, 0);
  }

  publish(uri: string): void {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    let analysis;
    try {
      analysis = this.cache.get(document);
    } catch (error) {
      this.connection.console.error(`Analysis failed for ${uri}: ${String(error)}`);
      return;
    }
    if (this.documents.get(uri)?.version !== version) return; // edited meanwhile: a newer run is scheduled
    this.analysed(uri, version, analysis);
    // Findings of a document that is not a package say exactly that (`not-a-package`).
    let found = toDiagnostics(analysis.findings, analysis.lines, uri, this.settings().severity);
    const typing = this.typing?.typing(uri, version, this.settings().typingPauseMs);
    if (typing && found.length) {
      const { now, held } = holdWhileTyping(found, typing.edit.position, this.published.get(uri) ?? []);
      if (held.length) {
        found = now;
        this.schedule(uri, Math.ceil(typing.remainingMs)); // the pause: publish them then
      }
    }
    // The analysed text's lines, read only when a position must be converted (UTF-8 editors).
    let lines: LineText | undefined;
    const diagnostics = this.positions.outgoing(found, uri, (line) => (lines ??= linesOfText(analysis.text, analysis.lines))(line));
    if (diagnostics.length === 0 && !this.published.has(uri) && !analysis.isSinasPackage) return;
    if (diagnostics.length) this.published.set(uri, found); // in UTF-16, as the next run compares
    else this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /**
   * Stops tracking a closed document without clearing what it shows, for workspace diagnostics
   * to take over; returns whether it had published non-empty diagnostics.
   */
  release(uri: string): boolean {
    this.stop(uri);
    return this.published.delete(uri);
  }

  clear(uri: string): void {
    this.stop(uri);
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Cancels the document's waiting publication and forgets its typing. */
  private stop(uri: string): void {
    this.pending.get(uri)?.cancel();
    this.pending.delete(uri);
    this.typing?.forget(uri);
  }
}
