/**
 * Incremental parsing: the text is cut into chunks (chunk-plan.ts); a chunk that lies wholly
 * outside the region an edit changed is reused. Reusing costs O(1) per chunk: nodes keep offsets
 * relative to their chunk (nodes.ts), so moving a chunk is one assignment. An edit inside one
 * section item — typing — is recognised without planning the text again: that item is re-parsed,
 * its section's item list is rebuilt, everything else is kept as it is.
 * The assembled tree is identical to what parsing the whole text would give.
 */
import type { Finding } from '../diagnostics/finding';
import { itemLinesHold, hasAnchor, planChunks, type BodyPlan, type ChunkSpan, type EntryPlan } from './chunk-plan';
import { buildLineTable, updateLineTable, type LineTable } from './line-table';
import { anchored, type Origin } from './nodes';
import { parseRegion } from './parse-region';
import type { YMap, YNode, YPair, YSeq } from './yaml-tree';

type ChunkKind = 'whole' | 'entry' | 'header' | 'item';

/** A piece of text parsed on its own; it is the origin its nodes and findings are relative to. */
export class Chunk implements Origin {
  readonly root: YNode | null;
  readonly findings: Finding[];
  readonly documentCount: number;
  readonly secondDocumentStart: number | undefined;
  /** Item chunks: the section body holding them and their place in it (set by the layout). */
  seq?: SeqLayout;
  index = 0;
  /** Item chunks: the column of the item's `-`. */
  indent = 0;
  /** Derived data other modules keep per chunk (e.g. a resource's schema findings). */
  private memo?: Map<string, unknown>;

  constructor(
    readonly kind: ChunkKind,
    /** Current start offset in the document (the origin of this chunk's offsets). */
    public base: number,
    readonly length: number,
    text: string,
  ) {
    const parsed = parseRegion(text, this);
    this.root = parsed.root;
    this.findings = parsed.findings;
    this.documentCount = parsed.documentCount;
    this.secondDocumentStart = parsed.secondDocumentStart;
  }

  get end(): number {
    return this.base + this.length;
  }

  /** Per-chunk memo of findings; their spans are kept relative to this chunk, so they move with it. */
  remember(key: string, compute: () => Finding[]): Finding[] {
    return this.rememberValue(key, () => compute().map((f) => anchorFinding(f, this)));
  }

  rememberValue<T>(key: string, compute: () => T): T {
    const memo = (this.memo ??= new Map());
    if (!memo.has(key)) memo.set(key, compute());
    return memo.get(key) as T;
  }

  peekValue<T>(key: string): T | undefined {
    return this.memo?.get(key) as T | undefined;
  }
}

/** A finding whose spans follow `origin` (spans that are nodes or live spans already do). */
export function anchorFinding(f: Finding, origin: Origin): Finding {
  const owned: Finding = { ...f, span: anchored(f.span, origin) };
  if (f.related) owned.related = f.related.map((r) => ({ ...r, span: anchored(r.span, origin) }));
  return owned;
}

export interface ParsedDocument {
  /** Counts the parser's versions: results carried from version n are valid input for n + 1 only. */
  generation: number;
  root: YNode | null;
  findings: Finding[];
  /** Line starts and indentation of the text (kept up to date incrementally). */
  lines: LineTable;
  chunked: boolean;
  /** Number of chunks re-parsed for this version (the rest were reused). */
  parsedChunks: number;
  chunkCount: number;
  /**
   * Set when this version differs from the previous one only inside one section item: the item
   * chunk that was replaced and its replacement (same section body, same index).
   */
  replaced?: { previous: Chunk; next: Chunk };
}

/** Where two versions of a text differ: a common prefix and a common suffix around one region. */
export interface ChangedRegion {
  prefix: number;
  /** Start of the common suffix in the new text. */
  newSuffixStart: number;
  /** newLength - oldLength: how far the suffix moved. */
  delta: number;
}

/**
 * Compares growing blocks with native string equality: linear in the common prefix and suffix
 * (well under a millisecond for a 3 MB text), then a binary search inside the first unequal block.
 */
export function changedRegion(before: string, after: string): ChangedRegion {
  const max = Math.min(before.length, after.length);
  const prefix = commonLength(max, (from, to) => before.slice(from, to) === after.slice(from, to));
  const suffix = commonLength(max - prefix, (from, to) => before.slice(before.length - to, before.length - from) === after.slice(after.length - to, after.length - from));
  return { prefix, newSuffixStart: after.length - suffix, delta: after.length - before.length };
}

/** The largest n <= max with equal(0, n), given equal(a, b) compares the characters [a, b). */
function commonLength(max: number, equal: (from: number, to: number) => boolean): number {
  let done = 0;
  let block = 1024;
  while (done < max) {
    const to = Math.min(max, done + block);
    if (!equal(done, to)) {
      let lo = done;
      let hi = to - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (equal(done, mid)) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }
    done = to;
    if (block < 1 << 16) block *= 2;
  }
  return max;
}

/** A section body split into item chunks; `items` caches their nodes until one of them changes. */
export interface SeqLayout {
  chunks: Chunk[];
  items?: YNode[];
  /** The first and last chunk roots that are sequences (where the assembled sequence starts and ends). */
  first?: YNode;
  last?: YNode;
}

type BodyLayout = { kind: 'map'; entries: EntryLayout[] } | ({ kind: 'seq' } & SeqLayout);
type EntryLayout = { chunk: Chunk } | { header: Chunk; body: BodyLayout };

/** Edits noted since the last parse: the common prefix and suffix they leave, and the length now. */
interface PendingChange {
  prefix: number;
  suffix: number;
  length: number;
}

/**
 * One per open document. Keeps the chunks of the previous version; `parse` reuses those lying
 * wholly before or after the changed region (their text is then identical).
 */
export class DocumentParser {
  private previousText = '';
  private lines: LineTable | undefined;
  /** Chunked layout of the previous version (undefined when it was parsed whole). */
  private layout: EntryLayout[] | undefined;
  /** Every chunk of the previous version, in document order. */
  private leaves: Chunk[] = [];
  private pending: PendingChange | undefined;
  private pendingValid = true;
  private generation = 0;

  /**
   * Says where the text changed since the last parse (an incremental `didChange`): the characters
   * [start, end) of the text as it was then are replaced by `insertedLength` new ones. Several
   * notes accumulate; without any, `parse` finds the change by comparing the texts.
   */
  noteChange(start: number, end: number, insertedLength: number): void {
    const pending = (this.pending ??= { prefix: Infinity, suffix: Infinity, length: this.previousText.length });
    if (!(start >= 0 && start <= end && end <= pending.length)) this.pendingValid = false;
    pending.prefix = Math.min(pending.prefix, start);
    pending.suffix = Math.min(pending.suffix, pending.length - end);
    pending.length += insertedLength - (end - start);
  }

  parse(text: string): ParsedDocument {
    const region = this.regionOf(text);
    const lines = this.lines ? updateLineTable(this.lines, text, region.prefix, region.newSuffixStart, region.delta) : buildLineTable(text);
    this.lines = lines;
    const replaced = this.layout ? this.replaceItem(text, region, lines) : undefined;
    let parsedChunks = 1;
    if (!replaced) parsedChunks = this.relayout(text, region, lines);
    this.previousText = text;

    const findings: Finding[] = [];
    for (const chunk of this.leaves) if (chunk.findings.length) findings.push(...chunk.findings);
    let root: YNode | null;
    if (this.layout) root = assembleMap(this.layout);
    else {
      const whole = this.leaves[0];
      if (whole.documentCount > 1 && whole.secondDocumentStart !== undefined) {
        findings.push({
          code: 'multiple-documents',
          message: 'A package must be a single YAML document; Sinas rejects a second document ("expected a single document").',
          span: { start: whole.secondDocumentStart, end: Math.min(text.length, whole.secondDocumentStart + 3) },
        });
      }
      root = whole.root;
    }
    return { generation: ++this.generation, root, findings, lines, chunked: !!this.layout, parsedChunks, chunkCount: this.leaves.length, replaced };
  }

  private regionOf(text: string): ChangedRegion {
    const pending = this.pending;
    const valid = this.pendingValid && pending !== undefined && pending.length === text.length;
    this.pending = undefined;
    this.pendingValid = true;
    if (!valid) return changedRegion(this.previousText, text);
    const prefix = Math.min(pending.prefix, text.length, this.previousText.length);
    const suffix = Math.min(pending.suffix, text.length - prefix, this.previousText.length - prefix);
    return { prefix, newSuffixStart: text.length - suffix, delta: text.length - this.previousText.length };
  }

  /**
   * The fast path: the change lies inside one item chunk and leaves it an item of the same section
   * (what the planner would decide again, checked on the changed lines only). Re-parses that chunk
   * alone and moves the chunks after it.
   */
  private replaceItem(text: string, region: ChangedRegion, lines: LineTable): { previous: Chunk; next: Chunk } | undefined {
    const oldSuffixStart = region.newSuffixStart - region.delta;
    const at = lastStartingAtOrBefore(this.leaves, region.prefix);
    const previous = this.leaves[at];
    if (!previous || previous.kind !== 'item' || !previous.seq || region.prefix >= previous.end || oldSuffixStart > previous.end) return undefined;
    const start = previous.base;
    const end = previous.end + region.delta;
    // The chunk must still end with its line break (the next chunk starts on its own line).
    if (end <= start || (end < text.length && text.charCodeAt(end - 1) !== 10)) return undefined;
    if (!itemLinesHold(text, lines, start, end, region.prefix, Math.max(region.prefix, region.newSuffixStart), previous.indent)) return undefined;
    const slice = text.slice(start, end);
    if (hasAnchor(slice)) return undefined;

    const next = new Chunk('item', start, end - start, slice);
    next.seq = previous.seq;
    next.index = previous.index;
    next.indent = previous.indent;
    const seq = previous.seq;
    seq.chunks[previous.index] = next;
    seq.items = undefined;
    this.leaves[at] = next;
    if (region.delta !== 0) for (let i = at + 1; i < this.leaves.length; i++) this.leaves[i].base += region.delta;
    return { previous, next };
  }

  /** Plans the whole text again, reusing every chunk whose text is unchanged. Returns how many were parsed. */
  private relayout(text: string, region: ChangedRegion, lines: LineTable): number {
    const previous = new Map<number, Chunk>();
    for (const chunk of this.leaves) previous.set(chunk.base, chunk);
    const leaves: Chunk[] = [];
    let parsed = 0;
    const take = (kind: ChunkKind, at: ChunkSpan): Chunk => {
      const length = at.end - at.start;
      const oldStart = at.end <= region.prefix ? at.start : at.start >= region.newSuffixStart ? at.start - region.delta : -1;
      let chunk = oldStart >= 0 ? previous.get(oldStart) : undefined;
      if (chunk && chunk.kind === kind && chunk.length === length) chunk.base = at.start;
      else {
        chunk = new Chunk(kind, at.start, length, text.slice(at.start, at.end));
        parsed++;
      }
      leaves.push(chunk);
      return chunk;
    };
    const plan = planChunks(text, lines);
    if (plan.kind === 'whole') {
      take('whole', { start: 0, end: text.length });
      this.layout = undefined;
    } else {
      this.layout = layoutEntries(plan.root, take);
    }
    this.leaves = leaves;
    return parsed;
  }
}

/** Index of the last chunk starting at or before offset (chunks in document order). */
function lastStartingAtOrBefore(chunks: readonly Chunk[], offset: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].base <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function layoutEntries(entries: EntryPlan[], take: (kind: ChunkKind, at: ChunkSpan) => Chunk): EntryLayout[] {
  return entries.map((entry): EntryLayout => (entry.split ? { header: take('header', entry.split.header), body: layoutBody(entry.split.body, take) } : { chunk: take('entry', entry) }));
}

function layoutBody(plan: BodyPlan, take: (kind: ChunkKind, at: ChunkSpan) => Chunk): BodyLayout {
  if (plan.kind === 'map') return { kind: 'map', entries: layoutEntries(plan.entries, take) };
  const seq: BodyLayout = { kind: 'seq', chunks: [] };
  plan.items.forEach((at, index) => {
    const chunk = take('item', at);
    chunk.seq = seq;
    chunk.index = index;
    chunk.indent = plan.indent;
    seq.chunks.push(chunk);
  });
  return seq;
}

/** The tree of this version: new objects for the root, `spec` and section lists; chunk nodes as they are. */
function assembleMap(entries: EntryLayout[]): YMap {
  const pairs: YPair[] = [];
  for (const entry of entries) {
    if ('chunk' in entry) {
      if (entry.chunk.root?.kind === 'map') pairs.push(...entry.chunk.root.pairs);
      continue;
    }
    const headerPair = entry.header.root?.kind === 'map' ? entry.header.root.pairs[0] : undefined;
    const body = entry.body.kind === 'map' ? assembleMap(entry.body.entries) : assembleSeq(entry.body);
    if (headerPair?.key) pairs.push({ key: headerPair.key, value: body, start: headerPair.key.start, end: body.end });
  }
  const start = pairs.length ? pairs[0].start : 0;
  return { kind: 'map', pairs, flow: false, start, end: pairs.length ? pairs[pairs.length - 1].end : start };
}

function assembleSeq(layout: SeqLayout): YSeq {
  if (!layout.items) {
    // One array per version of this section: unchanged sections keep theirs (models reuse on it).
    const items: YNode[] = [];
    layout.first = layout.last = undefined;
    for (const chunk of layout.chunks) {
      if (chunk.root?.kind !== 'seq') continue;
      layout.first ??= chunk.root;
      layout.last = chunk.root;
      items.push(...chunk.root.items);
    }
    layout.items = items;
  }
  // The sequence starts at its first dash, as in a whole-text parse.
  return { kind: 'seq', items: layout.items, flow: false, start: layout.first ? layout.first.start : 0, end: layout.last ? layout.last.end : 0 };
}
