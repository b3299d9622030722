/**
 * Splits a package's text into independently parseable chunks, so an edit re-parses only the
 * chunk it touched. Chunks follow the shape every package has: root entries, the sections
 * under `spec:`, and the items of each section. Anything this line scanner cannot prove safe
 * (anchors, document markers, tabs, flow collections across lines, odd indentation) makes the
 * affected region a single chunk — or the whole text, which is then parsed in one go.
 */

/** A leaf chunk: [start, end) offsets, whole lines. */
export interface ChunkSpan {
  start: number;
  end: number;
}

export interface EntryPlan extends ChunkSpan {
  /** When set, the entry is `key:` on its own line (`header`) and a block body that is split further. */
  split?: { header: ChunkSpan; body: BodyPlan };
}

export type BodyPlan = { kind: 'map'; entries: EntryPlan[] } | { kind: 'seq'; items: ChunkSpan[] };

export type Plan = { kind: 'whole' } | { kind: 'chunked'; root: EntryPlan[] };

interface Line {
  start: number;
  /** Offset after the line break (next line's start). */
  next: number;
  /** Number of leading spaces; -1 for blank and comment-only lines. */
  indent: number;
}

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/;
// An anchor (`&name`) makes aliases in other chunks depend on this one: parse whole.
const ANCHOR = /(?:^|[\s[{,])&[^\s[\]{},]/;
// `key:` where key is a simple plain or quoted scalar.
const KEY_LINE = /^ *(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#'"?:,[\]{}&*!|>%@`-][^\n#]*?|-[^\s\n#][^\n#]*?)\s*:(?:[ \t]|$)/;
const HEADER_ONLY = /:[ \t]*(?:#.*)?$/;
const SEQ_ITEM = /^ *-(?:[ \t]|$)/;

function scanLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    let i = start;
    while (i < nl && text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    let indent = i - start;
    if (i >= nl || c === 13 || c === 35 /* # */) indent = -1;
    else if (c === 9) return undefined; // a tab in indentation: let the real parser judge
    lines.push({ start, next: nl + 1, indent });
    start = nl + 1;
  }
  return lines;
}

function lineText(text: string, line: Line): string {
  const end = Math.min(line.next - 1, text.length);
  return text.slice(line.start, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
}

export function planChunks(text: string): Plan {
  if (ANCHOR.test(text)) return { kind: 'whole' };
  const lines = scanLines(text);
  if (!lines) return { kind: 'whole' };
  for (const line of lines) {
    if (line.indent === 0) {
      const t = lineText(text, line);
      if (DOCUMENT_MARKER.test(t) || t.startsWith('%')) return { kind: 'whole' };
    }
  }
  const root = splitMap(text, lines, 0, lines.length, 0, 0);
  return root ? { kind: 'chunked', root } : { kind: 'whole' };
}

const end = (lines: Line[], to: number, text: string) => (to < lines.length ? lines[to].start : text.length);

/**
 * Entries of a block mapping whose keys sit at `indent`, in lines [from, to). Splits the bodies of
 * the root's and spec's entries (depth 0 and 1); sections' items are leaves.
 */
function splitMap(text: string, lines: Line[], from: number, to: number, indent: number, depth: number): EntryPlan[] | undefined {
  const starts: number[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.indent < 0) continue;
    if (line.indent < indent) return undefined;
    if (line.indent > indent) {
      if (starts.length === 0) return undefined;
      continue;
    }
    const t = lineText(text, line);
    if (KEY_LINE.test(t)) starts.push(i);
    else if (SEQ_ITEM.test(t) && starts.length > 0) continue; // `key:` followed by a same-indent sequence
    else return undefined;
  }
  if (starts.length === 0) return undefined;
  return starts.map((first, k) => {
    const last = k + 1 < starts.length ? starts[k + 1] : to;
    const entry: EntryPlan = { start: k === 0 ? end(lines, from, text) : lines[first].start, end: end(lines, last, text) };
    const header = lineText(text, lines[first]);
    if (depth < 2 && HEADER_ONLY.test(header) && !/^ *["']/.test(header)) {
      const body = splitBody(text, lines, first + 1, last, indent, depth + 1);
      if (body) entry.split = { header: { start: entry.start, end: lines[first].next <= text.length ? lines[first].next : text.length }, body };
    }
    return entry;
  });
}

/** The block body of `key:` at `parentIndent`: a mapping at deeper indent or a sequence. */
function splitBody(text: string, lines: Line[], from: number, to: number, parentIndent: number, depth: number): BodyPlan | undefined {
  let first = from;
  while (first < to && lines[first].indent < 0) first++;
  if (first >= to) return undefined;
  const indent = lines[first].indent;
  const t = lineText(text, lines[first]);
  if (SEQ_ITEM.test(t) && indent >= parentIndent) {
    const items = splitSeq(text, lines, from, to, indent);
    return items ? { kind: 'seq', items } : undefined;
  }
  if (indent > parentIndent && depth < 2) {
    const entries = splitMap(text, lines, from, to, indent, depth);
    return entries ? { kind: 'map', entries } : undefined;
  }
  return undefined;
}

function splitSeq(text: string, lines: Line[], from: number, to: number, indent: number): ChunkSpan[] | undefined {
  const starts: number[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.indent < 0) continue;
    if (line.indent < indent) return undefined;
    if (line.indent > indent) continue;
    if (!SEQ_ITEM.test(lineText(text, line))) return undefined;
    starts.push(i);
  }
  if (starts.length === 0) return undefined;
  return starts.map((first, k) => ({
    start: lines[first].start,
    end: end(lines, k + 1 < starts.length ? starts[k + 1] : to, text),
  }));
}
