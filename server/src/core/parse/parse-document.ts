/**
 * Incremental parsing: the text is cut into chunks (chunk-plan.ts); a chunk that lies wholly
 * outside the region an edit changed is reused. Reusing costs O(1) per chunk: nodes keep offsets
 * relative to their chunk (nodes.ts), so moving a chunk is one assignment. An edit inside one
 * section item — typing — is recognised without planning the text again: that item is re-parsed
 * from its own text and the noted edit, its section's item list is rebuilt, everything else is
 * kept as it is; the document is never read as a whole string then. So is an edit inside one
 * `key: value` entry around the items (the package's version), which stays one.
 * On valid YAML the assembled tree is identical to what parsing the whole text would give. On
 * invalid YAML there is a syntax finding exactly when a whole-text parse has one, but each chunk
 * is parsed on its own, so where the errors are and how they read may differ from one parser
 * recovering across the whole text (test/unit/parse/incremental-parse.test.ts, `npm run fuzz`).
 */
import type { Finding } from '../diagnostics/finding';
import { append } from '../append';
import { commonLength } from '../text/common-length';
import { partitionPoint } from '../text/partition-point';
import type { Span } from '../text/span';
import { ownCopy, textOf, type DocumentText } from '../text/text-source';
import { entryLinesHold, itemLinesHold, planChunks, startsName, type BodyPlan, type ChunkSpan, type EntryPlan } from './chunk-plan';
import { hasUnusualBreaks, yamlBreaks } from './line-breaks';
import { buildLineTable, updateLineTable, type LineTable, type TextWindow } from './line-table';
import { anchored, type Origin } from './nodes';
import { parseRegion } from './parse-region';
import { unreadableEntry } from './unreadable-entry';
import type { YMap, YNode, YPair, YSeq } from './yaml-tree';

/** `unread`: an entry YAML cannot read, not parsed (unreadable-entry.ts). */
type ChunkKind = 'whole' | 'entry' | 'header' | 'item' | 'unread';

/**
 * A shift shared by a run of consecutive chunks: an edit that changes a chunk's length moves the
 * chunks after it in its run one by one and each later run by one addition, not every chunk.
 */
interface Shift {
  by: number;
}

/** The shift of a chunk in no run (never changed). */
const NO_SHIFT: Shift = { by: 0 };
/** Chunks per run. */
const RUN = 64;

/**
 * A piece of text parsed on its own, with its own copy of that text; it is the origin its nodes
 * and findings are relative to.
 */
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
  /** Entry chunks: the layout entry holding them (set by the layout). */
  entry?: { chunk: Chunk };
  /** Derived data other modules keep per chunk (e.g. a resource's schema findings). */
  private memo?: Map<string, unknown>;
  /** The run this chunk moves with, and its start relative to that run's shift. */
  private shift = NO_SHIFT;
  private offset: number;

  constructor(
    readonly kind: ChunkKind,
    /** Start offset in the document (the origin of this chunk's offsets). */
    base: number,
    /** This chunk's text (the document's characters from `base`). */
    readonly text: string,
  ) {
    this.offset = base;
    const parsed = kind === 'unread' ? unreadableEntry(text, this) : parseRegion(text, this);
    this.root = parsed.root;
    this.findings = parsed.findings;
    this.documentCount = parsed.documentCount;
    this.secondDocumentStart = parsed.secondDocumentStart;
  }

  /** Current start offset in the document (the origin of this chunk's offsets). */
  get base(): number {
    return this.offset + this.shift.by;
  }

  set base(base: number) {
    this.offset = base - this.shift.by;
  }

  /** Moves with `shift` from now on, staying where it is. */
  joinRun(shift: Shift): void {
    const base = this.base;
    this.shift = shift;
    this.base = base;
  }

  get length(): number {
    return this.text.length;
  }

  get end(): number {
    return this.base + this.length;
  }

  /**
   * Runs `read` with this chunk's offsets counted from its own start and its own text in place of
   * the document's: work on one item reads only that item's characters, so it never needs the
   * whole document as a string. Spans anchored inside (`anchored`, memoised findings) come out
   * relative to the chunk, right at its real offset afterwards.
   */
  local<T>(read: (text: string) => T): T {
    const base = this.base;
    this.base = 0;
    try {
      return read(this.text);
    } finally {
      this.base = base;
    }
  }

  /** Per-chunk memo of findings, computed on the chunk's own text; their spans move with it. */
  remember(key: string, compute: (text: string) => Finding[]): Finding[] {
    return this.rememberValue(key, () => this.local((text) => compute(text).map((f) => anchorFinding(f, this))));
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
  /**
   * The text has NEL, LS or PS: YAML lines (`lines`) then differ from the editor's, whose line
   * numbers must be counted on the original text.
   */
  editorLinesDiffer: boolean;
  chunked: boolean;
  /** Number of chunks re-parsed for this version (the rest were reused), and the characters parsed (an unreadable entry, unreadable-entry.ts, is not). */
  parsedChunks: number;
  parsedLength: number;
  chunkCount: number;
  /**
   * Set when this version differs from the previous one only inside one section item: the item
   * chunk that was replaced and its replacement (same section body, same index).
   */
  replaced?: ReplacedItem;
  /** Set when this version differs from the previous one only inside one `key: value` entry around the items, which stays one. */
  replacedEntry?: { previous: Chunk; next: Chunk };
}

export interface ReplacedItem {
  previous: Chunk;
  next: Chunk;
  /** When the item list was patched in place of a rebuild: the previous list, the new one and the index that changed. */
  patched?: { previousItems: readonly YNode[]; items: readonly YNode[]; index: number };
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
 * Compares growing blocks with native string equality (common-length.ts): well under a millisecond
 * for a 3 MB text.
 */
export function changedRegion(before: string, after: string): ChangedRegion {
  const max = Math.min(before.length, after.length);
  const prefix = commonLength(max, (from, to) => before.slice(from, to) === after.slice(from, to));
  const suffix = commonLength(max - prefix, (from, to) => before.slice(before.length - to, before.length - from) === after.slice(after.length - to, after.length - from));
  return { prefix, newSuffixStart: after.length - suffix, delta: after.length - before.length };
}

/** A section body split into item chunks; `items` caches their nodes until one of them changes. */
export interface SeqLayout {
  chunks: Chunk[];
  items?: YNode[];
  /** Every chunk holds exactly one item (item i is in chunk i). */
  oneEach?: boolean;
  /** The first and last chunk roots that are sequences (where the assembled sequence starts and ends). */
  first?: YNode;
  last?: YNode;
}

type BodyLayout = { kind: 'map'; entries: EntryLayout[] } | ({ kind: 'seq' } & SeqLayout);
type EntryLayout = { chunk: Chunk } | { header: Chunk; body: BodyLayout };

/** One edit noted since the last parse, in the coordinates of the text it was applied to. */
interface NotedEdit {
  start: number;
  end: number;
  text: string;
}

/** Edits noted since the last parse: the common prefix and suffix they leave, and the length now. */
interface PendingChange {
  prefix: number;
  suffix: number;
  length: number;
  edits: NotedEdit[];
  valid: boolean;
  /**
   * The caller noted its changes. Restored words alone say nothing of what the caller changed
   * (a caller that does not note, comparing texts instead, may have changed anything, even
   * keeping the length): the texts are compared then.
   */
  noted: boolean;
}

/**
 * One per open document. Keeps the chunks of the previous version; `parse` reuses those lying
 * wholly before or after the changed region (their text is then identical).
 */
export class DocumentParser {
  /**
   * The previous version's text when it was available as a string (to find what changed), with
   * PyYAML's line breaks (line-breaks.ts): chunks, lines and regions all count on that text.
   */
  private previousText: string | undefined;
  /**
   * The text may hold `\r`, NEL, LS or PS (from the last whole text read, then over-estimated from
   * the edits' text). Whether a `\r` breaks a line alone depends on the character after it, which
   * an edit note does not show: such texts are compared whole instead of taking the notes.
   */
  private mayHaveCr = false;
  private unusualBreaks = false;
  private previousLength = 0;
  private lines: LineTable | undefined;
  /** Chunked layout of the previous version (undefined when it was parsed whole). */
  private layout: EntryLayout[] | undefined;
  /** Every chunk of the previous version, in document order. */
  private leaves: Chunk[] = [];
  /** The shift of each run of RUN leaves (leaves k·RUN to (k+1)·RUN - 1). */
  private runs: Shift[] = [];
  /** The chunks that have findings, in document order (an edit updates this short list, not a pass over every chunk). */
  private faulty: Chunk[] = [];
  private pending: PendingChange | undefined;
  private generation = 0;
  /**
   * Chunks the readings of this version have dropped, by kind and text: a later reading of the
   * same version (words blanked) plans them again, unchanged, after one where a word merged them.
   */
  private dropped = new Map<string, Chunk>();

  /**
   * Says what changed since the last parse (an incremental `didChange`): the characters
   * [start, end) of the text as it was then are replaced by `text`. Several notes accumulate.
   * With notes, an edit inside one item is parsed without reading the rest of the document;
   * without them, `parse` finds the change by comparing the texts.
   */
  noteChange(start: number, end: number, text: string): void {
    const pending = this.pendingChange();
    pending.noted = true;
    if (!(start >= 0 && start <= end && end <= pending.length)) pending.valid = false;
    if (text.includes('\r')) this.mayHaveCr = true;
    if (hasUnusualBreaks(text)) this.unusualBreaks = true;
    pending.prefix = Math.min(pending.prefix, start);
    pending.suffix = Math.min(pending.suffix, pending.length - end);
    pending.length += text.length - (end - start);
    pending.edits.push({ start, end, text });
  }

  /**
   * Says that the characters [start, end) of the text last parsed differ from the document as the
   * notes know it, and hold `text` there in the document (same length): a text parsed with some
   * characters blanked (half-typed keys) is followed by the document itself. Counted before every
   * edit noted since, in the coordinates of the text last parsed.
   */
  noteRestored(start: number, end: number, text: string): void {
    if (text.length !== end - start) throw new RangeError('noteRestored keeps the length');
    const pending = this.pendingChange();
    if (!(start >= 0 && end <= this.previousLength)) pending.valid = false;
    pending.prefix = Math.min(pending.prefix, start);
    pending.suffix = Math.min(pending.suffix, this.previousLength - end);
    pending.edits.unshift({ start, end, text });
  }

  /** The notes since the last parse, begun empty by the first one. */
  private pendingChange(): PendingChange {
    return (this.pending ??= { prefix: Infinity, suffix: Infinity, length: this.previousLength, edits: [], valid: true, noted: false });
  }

  /**
   * Parses this version of the text. `again`: another reading of the same version (the text with
   * some characters blanked); the generation stays, so what follows treats the last reading as
   * the version's, and `composeReplaced` joins the readings' item replacements.
   */
  parse(source: DocumentText, again = false): ParsedDocument {
    const length = source.length;
    if (!again) this.dropped.clear();
    const pending = this.pending?.valid && this.pending.noted && this.pending.length === length && !this.mayHaveCr && !this.unusualBreaks ? this.pending : undefined;
    // The text as PyYAML breaks its lines, one character for one (line-breaks.ts); each scan once.
    // Taken notes say already that there is no `\r`, NEL, LS or PS: not in the previous text, not
    // in what the edits typed. Each scan of a 3 MB text costs a millisecond or two.
    let text: string | undefined;
    const read = (whole: string) => {
      if (pending) return whole;
      this.unusualBreaks = hasUnusualBreaks(whole);
      this.mayHaveCr = whole.includes('\r');
      return this.unusualBreaks || this.mayHaveCr ? yamlBreaks(whole) : whole;
    };
    const full = () => (text ??= read(textOf(source)));
    if (typeof source === 'string') full();
    this.pending = undefined;
    const region = pending ? regionOfNotes(pending, this.previousLength, length) : this.previousText !== undefined ? changedRegion(this.previousText, full()) : everything(this.previousLength, length);

    // An edit inside one item or entry chunk needs that chunk's new text only.
    const candidate = this.layout ? this.editedChunk(region) : undefined;
    const chunkText = candidate && (text !== undefined ? ownCopy(text, candidate.base, candidate.end + region.delta) : pending && applyEdits(candidate, pending.edits));
    const window: TextWindow = candidate && chunkText !== undefined ? { text: chunkText, from: candidate.base } : { text: full(), from: 0 };
    const lines = this.lines ? updateLineTable(this.lines, window, region.prefix, region.newSuffixStart, region.delta) : buildLineTable(full());
    this.lines = lines;

    const replaced = candidate?.kind === 'item' && chunkText !== undefined ? this.replaceItem(candidate, chunkText, region, lines) : undefined;
    const replacedEntry = candidate?.kind === 'entry' && chunkText !== undefined ? this.replaceEntry(candidate, chunkText, region, lines) : undefined;
    let parsedChunks = 1;
    let parsedLength = chunkText?.length ?? 0;
    if (!replaced && !replacedEntry) ({ parsedChunks, parsedLength } = this.relayout(full(), region, lines));
    this.previousText = text;
    this.previousLength = length;

    const findings: Finding[] = [];
    for (const chunk of this.faulty) append(findings, chunk.findings);
    let root: YNode | null;
    if (this.layout) root = assembleMap(this.layout);
    else {
      const whole = this.leaves[0];
      if (whole.documentCount > 1 && whole.secondDocumentStart !== undefined) {
        findings.push({
          code: 'multiple-documents',
          message: 'A package must be a single YAML document; Sinas rejects a second document ("expected a single document").',
          span: { start: whole.secondDocumentStart, end: Math.min(length, whole.secondDocumentStart + 3) },
        });
      }
      root = whole.root;
    }
    return { generation: again ? this.generation : ++this.generation, root, findings, lines, editorLinesDiffer: this.unusualBreaks, chunked: !!this.layout, parsedChunks, parsedLength, chunkCount: this.leaves.length, replaced, replacedEntry };
  }

  /** The chunk holding a plain span wholly, to anchor a span computed from absolute offsets. */
  chunkAround(span: Span): Chunk | undefined {
    const chunk = this.leaves[lastStartingAtOrBefore(this.leaves, span.start)];
    return chunk && span.start >= chunk.base && span.end <= chunk.end ? chunk : undefined;
  }

  /** The item or entry chunk of the previous version that holds the whole changed region, if any. */
  private editedChunk(region: ChangedRegion): Chunk | undefined {
    const oldSuffixStart = region.newSuffixStart - region.delta;
    const chunk = this.leaves[lastStartingAtOrBefore(this.leaves, region.prefix)];
    if (!chunk || !(chunk.kind === 'item' ? chunk.seq : chunk.kind === 'entry' && chunk.entry) || region.prefix >= chunk.end || oldSuffixStart > chunk.end) return undefined;
    return chunk.end + region.delta > chunk.base ? chunk : undefined;
  }

  /**
   * The fast path: the change lies inside one item chunk and leaves it an item of the same section
   * (what the planner would decide again, checked on the changed lines only). Re-parses that chunk
   * alone and moves the chunks after it.
   */
  private replaceItem(previous: Chunk, text: string, region: ChangedRegion, lines: LineTable): ReplacedItem | undefined {
    const start = previous.base;
    const end = start + text.length;
    // The chunk must still end with its line break (the next chunk starts on its own line).
    if (end < lines.length && text.charCodeAt(text.length - 1) !== 10) return undefined;
    if (!itemLinesHold({ text, from: start }, lines, start, end, region.prefix, Math.max(region.prefix, region.newSuffixStart), previous.indent)) return undefined;
    // An anchor or an alias typed in the item may link it to another chunk: the planner decides.
    if (startsName(text, '&') || startsName(text, '*')) return undefined;

    const next = new Chunk('item', start, text);
    next.seq = previous.seq;
    next.index = previous.index;
    next.indent = previous.indent;
    const seq = previous.seq!;
    seq.chunks[previous.index] = next;
    const patched = patchItems(seq, previous.index, next);
    this.swapLeaf(previous, next, region.delta);
    return { previous, next, patched };
  }

  /**
   * The same for an entry chunk (`key: value` around the items) that stays one entry at the same
   * column: re-parsed alone; the tree is assembled again from the layout, as after any edit.
   */
  private replaceEntry(previous: Chunk, text: string, region: ChangedRegion, lines: LineTable): ParsedDocument['replacedEntry'] {
    const start = previous.base;
    const end = start + text.length;
    if (end < lines.length && text.charCodeAt(text.length - 1) !== 10) return undefined;
    const indent = /^ */.exec(previous.text)![0].length;
    if (!entryLinesHold({ text, from: start }, lines, start, end, indent)) return undefined;
    if (startsName(text, '&') || startsName(text, '*')) return undefined;
    const next = new Chunk('entry', start, text);
    next.entry = previous.entry;
    next.entry!.chunk = next;
    this.swapLeaf(previous, next, region.delta);
    return { previous, next };
  }

  /** Puts `next` in the place of `previous` among the leaves and moves the chunks after it by `delta`. */
  private swapLeaf(previous: Chunk, next: Chunk, delta: number): void {
    const start = previous.base;
    const at = this.leaves.indexOf(previous, lastStartingAtOrBefore(this.leaves, start));
    this.leaves[at] = next;
    const run = Math.floor(at / RUN);
    next.joinRun(this.runs[run]);
    if (delta !== 0) {
      // The rest of its run chunk by chunk, later runs by their shift.
      for (let i = at + 1; i < Math.min(this.leaves.length, (run + 1) * RUN); i++) this.leaves[i].base += delta;
      for (let k = run + 1; k < this.runs.length; k++) this.runs[k].by += delta;
    }
    if (previous.findings.length || next.findings.length) {
      const faulty = this.faulty.filter((chunk) => chunk !== previous);
      if (next.findings.length) faulty.splice(partitionPoint(faulty.length, (k) => faulty[k].base < start), 0, next);
      this.faulty = faulty;
    }
  }

  /** Plans the whole text again, reusing every chunk whose text is unchanged. Returns how many were parsed. */
  private relayout(text: string, region: ChangedRegion, lines: LineTable): { parsedChunks: number; parsedLength: number } {
    const previous = new Map<number, Chunk>();
    for (const chunk of this.leaves) previous.set(chunk.base, chunk);
    const leaves: Chunk[] = [];
    let parsed = 0;
    let parsedLength = 0;
    const take = (kind: ChunkKind, at: ChunkSpan): Chunk => {
      const length = at.end - at.start;
      const oldStart = at.end <= region.prefix ? at.start : at.start >= region.newSuffixStart ? at.start - region.delta : -1;
      let chunk = oldStart >= 0 ? previous.get(oldStart) : undefined;
      if (chunk && chunk.kind === kind && chunk.length === length) chunk.base = at.start;
      else {
        // The whole text is this version's own; a chunk's text is copied so that it does not keep the version alive.
        const own = kind === 'whole' ? text : ownCopy(text, at.start, at.end);
        const key = `${kind}\0${own}`;
        // Looked up (the text hashed) only while a reading of this version has dropped chunks: not on a first open.
        chunk = this.dropped.size ? this.dropped.get(key) : undefined;
        if (chunk) {
          this.dropped.delete(key);
          chunk.base = at.start;
        } else {
          chunk = new Chunk(kind, at.start, own);
          parsed++;
          if (kind !== 'unread') parsedLength += own.length;
        }
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
    const kept = new Set(leaves);
    for (const chunk of this.leaves) if (!kept.has(chunk) && chunk.kind !== 'whole') this.dropped.set(`${chunk.kind}\0${chunk.text}`, chunk);
    this.leaves = leaves;
    this.runs = [];
    for (let i = 0; i < leaves.length; i++) {
      if (i % RUN === 0) this.runs.push({ by: 0 });
      leaves[i].joinRun(this.runs[this.runs.length - 1]);
    }
    this.faulty = leaves.filter((chunk) => chunk.findings.length);
    return { parsedChunks: parsed, parsedLength };
  }

  /** The version has been read for the last time: chunks dropped by its readings can go. */
  forgetDropped(): void {
    this.dropped.clear();
  }
}

/**
 * The item replacement of two readings of one version in a row (`first`, then `then`), as one
 * replacement of the previous version's chunk; undefined when the second was not a replacement
 * of the chunk the first put in.
 */
export function composeReplaced(first: ReplacedItem | undefined, then: ReplacedItem | undefined): ReplacedItem | undefined {
  if (!first || !then || then.previous !== first.next) return undefined;
  const a = first.patched;
  const b = then.patched;
  const patched = a && b && a.index === b.index && b.previousItems === a.items ? { previousItems: a.previousItems, items: b.items, index: a.index } : undefined;
  return { previous: first.previous, next: then.next, patched };
}

function regionOfNotes(pending: PendingChange, previousLength: number, length: number): ChangedRegion {
  const prefix = Math.min(pending.prefix, length, previousLength);
  const suffix = Math.min(pending.suffix, length - prefix, previousLength - prefix);
  return { prefix, newSuffixStart: length - suffix, delta: length - previousLength };
}

/** Nothing known in common (no notes, no previous string): every chunk is parsed again. */
function everything(previousLength: number, length: number): ChangedRegion {
  return { prefix: 0, newSuffixStart: length, delta: length - previousLength };
}

/** The chunk's text after the noted edits, which all lie inside it; undefined if one does not. */
function applyEdits(chunk: Chunk, edits: readonly NotedEdit[]): string | undefined {
  let text = chunk.text;
  for (const edit of edits) {
    const start = edit.start - chunk.base;
    const end = edit.end - chunk.base;
    if (start < 0 || end > text.length) return undefined;
    text = text.slice(0, start) + edit.text + text.slice(end);
  }
  return text;
}

/** Index of the last chunk starting at or before offset (chunks in document order). */
function lastStartingAtOrBefore(chunks: readonly Chunk[], offset: number): number {
  return Math.max(0, partitionPoint(chunks.length, (i) => chunks[i].base <= offset) - 1);
}

function layoutEntries(entries: EntryPlan[], take: (kind: ChunkKind, at: ChunkSpan) => Chunk): EntryLayout[] {
  return entries.map((entry): EntryLayout => {
    if (entry.split) return { header: take('header', entry.split.header), body: layoutBody(entry.split.body, take) };
    const layout = { chunk: take(entry.unreadable ? 'unread' : 'entry', entry) };
    if (layout.chunk.kind === 'entry') layout.chunk.entry = layout;
    return layout;
  });
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
      if (entry.chunk.root?.kind === 'map') append(pairs, entry.chunk.root.pairs);
      continue;
    }
    const headerPair = entry.header.root?.kind === 'map' ? entry.header.root.pairs[0] : undefined;
    const body = entry.body.kind === 'map' ? assembleMap(entry.body.entries) : assembleSeq(entry.body);
    if (headerPair?.key) pairs.push({ key: headerPair.key, value: body, start: headerPair.key.start, end: body.end });
  }
  const start = pairs.length ? pairs[0].start : 0;
  return { kind: 'map', pairs, flow: false, start, end: pairs.length ? pairs[pairs.length - 1].end : start };
}

/**
 * A new item list for a section whose chunk `index` was replaced: a copy with one item swapped
 * when every chunk holds one item (and the new one does), else left to be rebuilt.
 */
function patchItems(layout: SeqLayout, index: number, next: Chunk): ReplacedItem['patched'] {
  const previousItems = layout.items;
  const root = next.root;
  if (!previousItems || !layout.oneEach || root?.kind !== 'seq' || root.items.length !== 1) {
    layout.items = undefined;
    return undefined;
  }
  const items = previousItems.slice();
  items[index] = root.items[0];
  layout.items = items;
  if (index === 0) layout.first = root;
  if (index === layout.chunks.length - 1) layout.last = root;
  return { previousItems, items, index };
}

function assembleSeq(layout: SeqLayout): YSeq {
  if (!layout.items) {
    // One array per version of this section: unchanged sections keep theirs (models reuse on it).
    const items: YNode[] = [];
    layout.first = layout.last = undefined;
    let oneEach = true;
    for (const chunk of layout.chunks) {
      if (chunk.root?.kind !== 'seq' || chunk.root.items.length !== 1) oneEach = false;
      if (chunk.root?.kind !== 'seq') continue;
      layout.first ??= chunk.root;
      layout.last = chunk.root;
      append(items, chunk.root.items);
    }
    layout.items = items;
    layout.oneEach = oneEach;
  }
  // The sequence starts at its first dash, as in a whole-text parse.
  return { kind: 'seq', items: layout.items, flow: false, start: layout.first ? layout.first.start : 0, end: layout.last ? layout.last.end : 0 };
}
