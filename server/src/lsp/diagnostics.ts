/**
 * Publishes diagnostics shortly after edits settle. Analysis is fast, so the delay only coalesces
 * bursts of keystrokes; a result is published only if the document is still at the analysed
 * version, so stale diagnostics never reach the editor.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysis-cache';
import { toDiagnostics, type SeverityOverrides } from './convert';
import { linesOfText, type PositionEncoder } from './position-encoding';

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** URIs we published non-empty diagnostics for, so they can be cleared when that changes. */
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: AnalysisCache,
    private readonly settings: () => { delayMs: number; severity: SeverityOverrides },
    private readonly positions: PositionEncoder,
  ) {}

  schedule(uri: string, delayMs = this.settings().delayMs): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.publish(uri);
      }, delayMs),
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
    // Findings of a document that is not a package say exactly that (`not-a-package`).
    const found = toDiagnostics(analysis.findings, analysis.lines, uri, this.settings().severity);
    const diagnostics = this.positions.outgoing(found, uri, linesOfText(analysis.text, analysis.lines));
    if (diagnostics.length === 0 && !this.published.has(uri) && !analysis.isSinasPackage) return;
    if (diagnostics.length) this.published.add(uri);
    else this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /**
   * Stops tracking a closed document without clearing what it shows, for workspace diagnostics
   * to take over; returns whether it had published non-empty diagnostics.
   */
  release(uri: string): boolean {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    return this.published.delete(uri);
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
