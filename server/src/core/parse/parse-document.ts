/**
 * Incremental parsing: the text is cut into chunks (chunk-plan.ts); a chunk that lies wholly
 * outside the region an edit changed is reused — its nodes and findings are only shifted to the
 * new offset — so an edit in a 10,000-line package re-parses a few lines, not the file.
 * On valid YAML the assembled tree is identical to what parsing the whole text would give. On
 * invalid YAML there is a syntax finding exactly when a whole-text parse has one, but each chunk
 * is parsed on its own, so where the errors are and how they read may differ from one parser
 * recovering across the whole text (test/unit/parse/incremental-parse.test.ts, `npm run fuzz`).
 */
import type { Finding } from '../diagnostics/finding';
import type { Span } from '../text/span';
import { planChunks, type BodyPlan, type ChunkSpan, type EntryPlan } from './chunk-plan';
import { hasUnusualBreaks, yamlBreaks } from './line-breaks';
import { buildLineTable, updateLineTable, type LineTable } from './line-table';
import { parseRegion } from './parse-region';
import type { YMap, YNode, YPair, YSeq } from './yaml-tree';

type ChunkKind = 'whole' | 'entry' | 'header' | 'item';

export class Chunk {
  /** Derived data other modules keep per chunk (e.g. a resource's schema findings). */
  private readonly memo = new Map<string, unknown>();
  private readonly spans: Span[] = [];

  constructor(
    readonly kind: ChunkKind,
    readonly length: number,
    public base: number,
    readonly root: YNode | null,
    readonly findings: Finding[],
    readonly documentCount: number,
    readonly secondDocumentStart: number | undefined,
  ) {
    collectSpans(root, this.spans);
    for (const f of findings) this.trackFinding(f);
  }

  /** Moves everything this chunk produced to a new start offset. */
  moveTo(base: number): void {
    const delta = base - this.base;
    if (delta === 0) return;
    for (const s of this.spans) {
      s.start += delta;
      s.end += delta;
    }
    this.base = base;
  }

  /** Per-chunk memo; findings it returns are shifted with the chunk. */
  remember(key: string, compute: () => Finding[]): Finding[] {
    let value = this.memo.get(key) as Finding[] | undefined;
    if (!value) {
      value = compute();
      for (const f of value) this.trackFinding(f);
      this.memo.set(key, value);
    }
    return value;
  }

  rememberValue<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  private trackFinding(f: Finding): void {
    this.spans.push(f.span);
    for (const r of f.related ?? []) this.spans.push(r.span);
  }
}

function collectSpans(node: YNode | null, out: Span[]): void {
  if (!node) return;
  out.push(node);
  if (node.kind === 'map') {
    for (const pair of node.pairs) {
      out.push(pair);
      collectSpans(pair.key, out);
      collectSpans(pair.value, out);
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) collectSpans(item, out);
  }
}

export interface ParsedDocument {
  root: YNode | null;
  findings: Finding[];
  /** The chunk that holds each section item (chunked mode only), for per-item memoisation. */
  itemChunks: Map<YNode, Chunk>;
  /** Line starts and indentation of the text (kept up to date incrementally). */
  lines: LineTable;
  /**
   * The text has NEL, LS or PS: YAML lines (`lines`) then differ from the editor's, whose line
   * numbers must be counted on the original text.
   */
  editorLinesDiffer: boolean;
  chunked: boolean;
  /** Number of chunks re-parsed for this version (the rest were reused). */
  parsedChunks: number;
  chunkCount: number;
}

/** Where two versions of a text differ: a common prefix and a common suffix around one region. */
export interface ChangedRegion {
  prefix: number;
  /** Start of the common suffix in the new text. */
  newSuffixStart: number;
  /** newLength - oldLength: how far the suffix moved. */
  delta: number;
}

/** Binary search with native string equality on slices: ~0.3 ms for a 300 kB text. */
export function changedRegion(before: string, after: string): ChangedRegion {
  const max = Math.min(before.length, after.length);
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (after.slice(0, mid) === before.slice(0, mid)) lo = mid;
    else hi = mid - 1;
  }
  const prefix = lo;
  lo = 0;
  hi = max - prefix;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (after.slice(after.length - mid) === before.slice(before.length - mid)) lo = mid;
    else hi = mid - 1;
  }
  return { prefix, newSuffixStart: after.length - lo, delta: after.length - before.length };
}

/**
 * One per open document. Keeps the chunks of the previous version by start offset; `parse`
 * reuses those lying wholly before or after the changed region (their text is then identical).
 */
export class DocumentParser {
  private previousRaw = '';
  /** The previous version as parsed: with PyYAML's line breaks (see line-breaks.ts). */
  private previousText = '';
  private previousUnusual = false;
  private previous = new Map<number, Chunk>();
  private previousLines: LineTable | undefined;

  parse(raw: string): ParsedDocument {
    const { text, region, editorLinesDiffer } = this.toYamlText(raw);
    const lines = this.previousLines
      ? updateLineTable(this.previousLines, text, region.prefix, region.newSuffixStart, region.delta)
      : buildLineTable(text);
    const plan = planChunks(text, lines);
    const next = new Map<number, Chunk>();
    let parsedChunks = 0;
    const take = (kind: ChunkKind, at: ChunkSpan): Chunk => {
      const length = at.end - at.start;
      const oldStart = at.end <= region.prefix ? at.start : at.start >= region.newSuffixStart ? at.start - region.delta : -1;
      let chunk = oldStart >= 0 ? this.previous.get(oldStart) : undefined;
      if (chunk && chunk.kind === kind && chunk.length === length) chunk.moveTo(at.start);
      else {
        const parsedRegion = parseRegion(text.slice(at.start, at.end), at.start);
        chunk = new Chunk(kind, length, at.start, parsedRegion.root, parsedRegion.findings, parsedRegion.documentCount, parsedRegion.secondDocumentStart);
        parsedChunks++;
      }
      next.set(at.start, chunk);
      return chunk;
    };

    const findings: Finding[] = [];
    const itemChunks = new Map<YNode, Chunk>();
    let root: YNode | null;
    if (plan.kind === 'whole') {
      const chunk = take('whole', { start: 0, end: text.length });
      findings.push(...chunk.findings);
      if (chunk.documentCount > 1 && chunk.secondDocumentStart !== undefined) {
        findings.push({
          code: 'multiple-documents',
          message: 'A package must be a single YAML document; Sinas rejects a second document ("expected a single document").',
          span: { start: chunk.secondDocumentStart, end: Math.min(text.length, chunk.secondDocumentStart + 3) },
        });
      }
      root = chunk.root;
    } else {
      const assemble = new Assembler(take, findings, itemChunks);
      root = assemble.map(plan.root);
    }
    this.previous = next;
    this.previousRaw = raw;
    this.previousText = text;
    this.previousUnusual = editorLinesDiffer;
    this.previousLines = lines;
    return { root, findings, itemChunks, lines, editorLinesDiffer, chunked: plan.kind === 'chunked', parsedChunks, chunkCount: next.size };
  }

  /**
   * The text with PyYAML's line breaks, rebuilt from the previous one around the edit: a
   * character's break status depends only on itself and the next one, so the region is widened by
   * one character on each side and the rest is copied.
   */
  private toYamlText(raw: string): { text: string; region: ChangedRegion; editorLinesDiffer: boolean } {
    if (!this.previousLines) {
      const text = yamlBreaks(raw);
      return { text, region: { prefix: 0, newSuffixStart: raw.length, delta: raw.length }, editorLinesDiffer: hasUnusualBreaks(raw) };
    }
    const changed = changedRegion(this.previousRaw, raw);
    const oldSuffixStart = changed.newSuffixStart - changed.delta;
    const widen = changed.newSuffixStart < raw.length && oldSuffixStart < this.previousRaw.length ? 1 : 0;
    const region = { prefix: Math.max(0, changed.prefix - 1), newSuffixStart: changed.newSuffixStart + widen, delta: changed.delta };
    const text =
      this.previousText.slice(0, region.prefix) +
      yamlBreaks(raw, region.prefix, region.newSuffixStart) +
      this.previousText.slice(region.newSuffixStart - region.delta);
    const removed = this.previousRaw.slice(changed.prefix, oldSuffixStart);
    const editorLinesDiffer =
      hasUnusualBreaks(raw.slice(changed.prefix, changed.newSuffixStart)) || (this.previousUnusual && (!hasUnusualBreaks(removed) || hasUnusualBreaks(raw)));
    return { text, region, editorLinesDiffer };
  }
}

class Assembler {
  constructor(
    private readonly take: (kind: ChunkKind, at: ChunkSpan) => Chunk,
    private readonly findings: Finding[],
    private readonly itemChunks: Map<YNode, Chunk>,
  ) {}

  map(entries: EntryPlan[]): YMap {
    const pairs: YPair[] = [];
    for (const entry of entries) {
      if (entry.split) {
        const header = this.take('header', entry.split.header);
        this.findings.push(...header.findings);
        const headerPair = header.root?.kind === 'map' ? header.root.pairs[0] : undefined;
        const body = this.body(entry.split.body);
        if (headerPair?.key) pairs.push({ key: headerPair.key, value: body, start: headerPair.key.start, end: body.end });
      } else {
        const chunk = this.take('entry', entry);
        this.findings.push(...chunk.findings);
        if (chunk.root?.kind === 'map') pairs.push(...chunk.root.pairs);
      }
    }
    const start = pairs.length ? pairs[0].start : 0;
    return { kind: 'map', pairs, flow: false, start, end: pairs.length ? pairs[pairs.length - 1].end : start };
  }

  private body(plan: BodyPlan): YMap | YSeq {
    if (plan.kind === 'map') return this.map(plan.entries);
    const items: YNode[] = [];
    let start = -1;
    let end = 0;
    for (const at of plan.items) {
      const chunk = this.take('item', at);
      this.findings.push(...chunk.findings);
      if (chunk.root?.kind !== 'seq') continue;
      // The sequence starts at its first dash, as in a whole-text parse.
      if (start < 0) start = chunk.root.start;
      end = chunk.root.end;
      for (const item of chunk.root.items) {
        items.push(item);
        this.itemChunks.set(item, chunk);
      }
    }
    return { kind: 'seq', items, flow: false, start: Math.max(start, 0), end };
  }
}
