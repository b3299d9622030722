/**
 * Incremental parsing: the text is cut into chunks (chunk-plan.ts); a chunk whose text did not
 * change since the previous version is reused — its nodes and findings are only shifted to the
 * new offset — so an edit in a 10,000-line package re-parses a few lines, not the file.
 * The assembled tree is identical to what parsing the whole text would give.
 */
import type { Finding } from '../diagnostics/finding';
import type { Span } from '../text/span';
import { planChunks, type BodyPlan, type ChunkSpan, type EntryPlan } from './chunk-plan';
import { parseRegion } from './parse-region';
import type { YMap, YNode, YPair, YSeq } from './yaml-tree';

type ChunkKind = 'whole' | 'entry' | 'header' | 'item';

export class Chunk {
  /** Derived data other modules keep per chunk (e.g. a resource's schema findings). */
  private readonly memo = new Map<string, unknown>();
  private readonly spans: Span[] = [];

  constructor(
    readonly kind: ChunkKind,
    readonly text: string,
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
  chunked: boolean;
  /** Number of chunks re-parsed for this version (the rest were reused). */
  parsedChunks: number;
  chunkCount: number;
}

/**
 * One per open document. Keeps the chunks of the previous version; `parse` reuses those whose
 * text is unchanged. Not shared between documents, so identical texts elsewhere cannot interfere.
 */
export class DocumentParser {
  private previous = new Map<string, Chunk[]>();

  parse(text: string): ParsedDocument {
    const plan = planChunks(text);
    const next = new Map<string, Chunk[]>();
    let parsedChunks = 0;
    const take = (kind: ChunkKind, at: ChunkSpan): Chunk => {
      const slice = text.slice(at.start, at.end);
      const key = kind + '\u0000' + slice;
      let chunk = this.previous.get(key)?.pop();
      if (chunk) chunk.moveTo(at.start);
      else {
        const region = parseRegion(slice, at.start);
        chunk = new Chunk(kind, slice, at.start, region.root, region.findings, region.documentCount, region.secondDocumentStart);
        parsedChunks++;
      }
      const list = next.get(key);
      if (list) list.push(chunk);
      else next.set(key, [chunk]);
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
    let chunkCount = 0;
    for (const list of next.values()) chunkCount += list.length;
    return { root, findings, itemChunks, chunked: plan.kind === 'chunked', parsedChunks, chunkCount };
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
