/**
 * One analysis per document version, shared by every feature (diagnostics, completion, hover…).
 * Each open document keeps its own incremental parser, told every edit since its last analysis,
 * so an edit re-parses only what changed and never needs the whole text.
 */
import { analyze, type Analysis } from '../core/analyze';
import type { InstanceIndex } from '../core/instance/instance-index';
import { DocumentParser } from '../core/parse/parse-document';
import type { EditedDocument } from './edited-document';

interface Entry {
  parser: DocumentParser;
  version: number;
  analysis?: Analysis;
  /** Time the last analysis took, for the status/trace output. */
  millis: number;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limits: () => { maxLength: number; maxFindings: number },
    /** The instance snapshot to check against; a new snapshot means a new analysis of the same version. */
    private readonly instance: () => InstanceIndex | undefined = () => undefined,
  ) {}

  get(document: EditedDocument): Analysis {
    let entry = this.entries.get(document.uri);
    const instance = this.instance();
    if (entry?.analysis && entry.version === document.version && entry.analysis.instance === instance) return entry.analysis;
    const edits = document.takeEdits();
    if (!entry) {
      // A new parser reads the whole text: the edits before it do not concern it.
      entry = { parser: new DocumentParser(), version: -1, millis: 0 };
      this.entries.set(document.uri, entry);
    } else if (edits !== 'replaced') {
      // No edit since the last analysis (settings or the instance snapshot changed): say so, and every chunk is kept.
      if (edits.length === 0) entry.parser.noteChange(0, 0, '');
      for (const edit of edits) entry.parser.noteChange(edit.start, edit.end, edit.text);
    }
    const started = performance.now();
    entry.analysis = analyze(document.snapshot(), { parser: entry.parser, ...this.limits(), instance });
    entry.version = document.version;
    entry.millis = performance.now() - started;
    return entry.analysis;
  }

  lastMillis(uri: string): number | undefined {
    return this.entries.get(uri)?.millis;
  }

  /** Forget everything about a document (closed), or every analysis (settings changed). */
  delete(uri: string): void {
    this.entries.delete(uri);
  }

  invalidateAll(): void {
    for (const entry of this.entries.values()) entry.analysis = undefined;
  }
}
