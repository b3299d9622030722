/**
 * Splits a package's text into independently parseable chunks, so an edit re-parses only the
 * chunk it touched. Chunks follow the shape every package has: root entries, the sections
 * under `spec:`, and the items of each section. Anything this line scanner cannot prove safe
 * (anchors with aliases, document markers, flow collections across lines, odd indentation) makes the
 * affected region a single chunk — or the whole text, which is then parsed in one go.
 */
import { closingQuote, colonEndsKey, isBlank } from '../text/chars';
import { lineContaining } from '../text/line-index';
import { isKeyLine, keyColon } from './key-line';
import { columnZeroWordEnd } from './stray-words';
import { breaksPlainValue, flowValueBreaksAt, keyWithPlainValue } from './unreadable-entry';
import { BLANK, buildLineTable, TAB_INDENT, type LineTable, type TextWindow } from './line-table';

/** A leaf chunk: [start, end) offsets, whole lines. */
export interface ChunkSpan {
  start: number;
  end: number;
}

export interface EntryPlan extends ChunkSpan {
  /** When set, the entry is `key:` on its own line (`header`) and a block body that is split further. */
  split?: { header: ChunkSpan; body: BodyPlan };
  /** The entry is `key: value` with lines under it that YAML cannot read (unreadable-entry.ts): it is not parsed. */
  unreadable?: true;
}

/** A sequence body's items are leaves; `indent` is the column of their `-`. */
export type BodyPlan = { kind: 'map'; entries: EntryPlan[] } | { kind: 'seq'; items: ChunkSpan[]; indent: number };

export type Plan = { kind: 'whole' } | { kind: 'chunked'; root: EntryPlan[] };

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/;
/** Nothing but blanks and a comment after a key's `:`. */
const NOTHING_AFTER = /^[ \t]*(?:#.*)?$/;
/**
 * A key line with nothing after its `:` (`key:`, whose value is the block below). Not `key: {a: `,
 * which also ends in `: `: its value is a flow collection.
 */
function isHeaderOnly(t: string): boolean {
  const colon = keyColon(t);
  return colon !== -1 && NOTHING_AFTER.test(t.slice(colon + 1));
}
const SEQ_ITEM = /^ *-(?:[ \t]|$)/;

/**
 * Anchors (`&name`) link chunks when an alias (`*name`) in one names an anchor in another, and
 * when two anchors share a name (PyYAML rejects the second): a text with an anchor and an alias,
 * or two anchors, is parsed whole. One anchor and no alias links nothing (it only labels its
 * node), nor do aliases without anchors (an error in any chunk). Over-approximates (a `&` or `*`
 * starting a word in prose also counts), which only costs speed.
 */
export function mayLinkChunks(text: string): boolean {
  const anchors = namesStarted(text, '&', 2);
  return anchors === 2 || (anchors === 1 && namesStarted(text, '*', 1) === 1);
}

/** Whether `text` holds `mark` (`&` or `*`) at the start of a word, followed by a name character. */
export const startsName = (text: string, mark: '&' | '*'): boolean => namesStarted(text, mark, 1) === 1;

/** How many times `mark` starts a name in `text`, counting up to `max`. */
function namesStarted(text: string, mark: '&' | '*', max: number): number {
  let found = 0;
  for (let i = text.indexOf(mark); i !== -1 && found < max; i = text.indexOf(mark, i + 1)) {
    const before = i === 0 ? 32 : text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + 1);
    const boundary = before === 32 || before === 10 || before === 13 || before === 9 || before === 91 || before === 123 || before === 44;
    const nameChar = after > 32 && after !== 91 && after !== 93 && after !== 123 && after !== 125 && after !== 44;
    if (boundary && nameChar) found++;
  }
  return found;
}

/** Line `line` without its line break; `text` holds the document's characters from offset `from` on. */
function lineText(text: string, lines: LineTable, line: number, from = 0): string {
  const start = lines.start.at(line) - from;
  let end = lines.start.at(line + 1) - from;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return text.slice(start, end);
}

/** `lines` is the text's line table (the parser keeps one up to date across edits). */
export function planChunks(text: string, lines: LineTable = buildLineTable(text)): Plan {
  if (mayLinkChunks(text)) return { kind: 'whole' };
  for (let line = 0; line < lines.count; line++) {
    const c = text.charCodeAt(lines.start.at(line));
    // Only `-`, `.` and `%` can begin a document marker or directive.
    if (lines.indent[line] === 0 && (c === 45 || c === 46 || c === 37)) {
      const t = lineText(text, lines, line);
      if (DOCUMENT_MARKER.test(t) || t.startsWith('%')) return { kind: 'whole' };
    }
  }
  const root = splitMap(text, lines, 0, lines.count, 0, 0);
  return root ? { kind: 'chunked', root } : { kind: 'whole' };
}

const end = (lines: LineTable, to: number) => lines.start.at(to);

/** A quote opened after `: ` or `- ` and not closed on the line (escapes and `''` allowed). */
const OPEN_QUOTE = /(?:^|[:-] +)(?:"(?:[^"\\]|\\.)*|'(?:[^']|'')*)$/;
/** A flow collection left open at the end of a line (`tools: [a,`). */
const OPEN_FLOW = /[[{,][ \t]*(?:#.*)?$/;

/**
 * When the last non-blank line before `at` (from `from` on) leaves a quoted scalar open, the line
 * holding its closing quote: PyYAML reads a quoted scalar across lines whatever their indentation
 * (a line break typed inside `"${{ vars.X }}"` leaves ` }}"` at column 0), so the lines up to that
 * one belong to the entry or item being read. Undefined when no quote is left open there; -1 when
 * it is never closed, which PyYAML refuses at the end of the text however the chunks fall (the
 * chunk holding the quote reports it), so the planner splits there as if it were closed. A quote
 * opened on line `kept`, one YAML cannot read where it stands (unreadableHere), is not followed:
 * YAML fails there whatever comes after.
 */
function quoteClosingLine(text: string, lines: LineTable, from: number, at: number, kept: number): number | undefined {
  const last = lastNonBlank(lines, from, at);
  if (last === -1 || last === kept) return undefined;
  const t = lineText(text, lines, last);
  const open = OPEN_QUOTE.exec(t);
  if (!open) return undefined;
  const close = closingQuote(text, lines.start.at(last) + open.index + open[0].search(/["']/), true, true);
  return close === -1 ? -1 : lineContaining(lines, close);
}

/**
 * PyYAML reads flow collections across lines whatever the indentation, so a line that looks like a
 * new entry may continue the last one: such a boundary is not split. (A quoted value is followed
 * to its closing quote instead, before this is asked: quoteClosingLine.) Not when that last line
 * is `kept`, one YAML cannot read where it stands, as for quotes.
 */
function flowContinues(text: string, lines: LineTable, from: number, at: number, kept: number): boolean {
  const last = lastNonBlank(lines, from, at);
  if (last === -1 || last === kept) return false;
  const t = lineText(text, lines, last);
  // A line that ends inside a quote it opened (`description: "Hello ${`) ends in text, not in a
  // bracket: a quote never closed is not followed (quoteClosingLine), and this is not a flow either.
  return OPEN_FLOW.test(t) && !OPEN_QUOTE.test(t);
}

/**
 * Whether YAML fails at the boundary line `i` anyway when the line before it leaves a flow
 * collection open (flowContinues), so the planner may split there: an item's `- ` starts on line
 * `i` (`afterKey`: on the first line after the `key:` on line `i`), and no quote stands in the lines
 * from `from` (the start of the item the flow is in, where nothing was open) to that `- `. Then the
 * `- ` is read in flow context outside any quoted scalar, where PyYAML refuses a block entry, and
 * the chunk ending before it reports the collection left open. With a quote about, the `- ` may be
 * text inside a quoted scalar of the collection: the planner keeps the lines together.
 */
function itemInOpenFlow(text: string, lines: LineTable, from: number, i: number, afterKey: boolean): boolean {
  let dash = i;
  if (afterKey) {
    if (!isHeaderOnly(lineText(text, lines, i))) return false;
    dash = i + 1;
    while (dash < lines.count && lines.indent[dash] < 0) dash++;
    if (dash >= lines.count || !SEQ_ITEM.test(lineText(text, lines, dash))) return false;
  }
  const region = text.slice(lines.start.at(from), lines.start.at(dash + 1));
  return !region.includes('"') && !region.includes("'");
}

/**
 * The start of the last item (a `- ` line deeper than `indent`) among lines [from, at), or `from`:
 * where the entry's body last started something with nothing open.
 */
function lastItemStart(text: string, lines: LineTable, from: number, at: number, indent: number): number {
  for (let line = at - 1; line > from; line--) {
    if (lines.indent[line] > indent && SEQ_ITEM.test(lineText(text, lines, line))) return line;
  }
  return from;
}

/**
 * Whether line `i`, less indented than the entries or items around it (and not inside a quoted
 * value or flow collection, which the planner follows before asking), is one YAML cannot read
 * there: at column 0 when it starts nothing (below); indented between two levels of the structure
 * (` name: X` among items at column 4, under a section key at column 2) always, since it closes
 * the collections deeper than it and no collection of the package sits at its column.
 */
function unreadableHere(text: string, lines: LineTable, i: number): boolean {
  return lines.indent[i] > 0 || startsNothing(lineText(text, lines, i));
}

/**
 * Whether a line at a block mapping's key column (`t`, its indentation taken off: column 0 for the
 * root, a section key's column in `spec`), after the mapping's first entry, can be nothing where it
 * stands: it holds no `:` that could end a key and does not begin an explicit key or value (`? `,
 * `: `), a directive (`%`) or a comment. There such a line is a key without its `:` (PyYAML: a
 * simple key at the mapping's column must end on its line, so a quote, flow collection, anchor,
 * tag or alias running on below fails as well), a block scalar or `-` where no value can start (a
 * `- ` line right under `key:` is that key's sequence: the planner reads it before asking), or a
 * character that starts no token; outside a quoted value or flow collection (which the planner
 * follows) no plain or block value of the entries above runs on at that column. `2396 }}"` left by
 * a line break typed inside a quoted value, or `[`, `- ` or a section's name being typed: YAML fails
 * at it within the lines before it, a whole-text parse as well as a parse of the entry or item
 * above it, so it is kept with that entry or item (always planned again when edited, see
 * itemLinesHold) and the rest of the document keeps its chunks. Words alone at column 0 are read as
 * blank lines instead (stray-words.ts).
 */
function startsNothing(t: string): boolean {
  if (SEQ_ITEM.test(t)) return true; // whatever follows its `- `
  const c = t.charCodeAt(0);
  if (Number.isNaN(c) || isBlank(c) || c === 35 /* # */ || c === 37 /* % */) return false;
  if ((c === 63 /* ? */ || c === 58) /* : */ && (t.length === 1 || isBlank(t.charCodeAt(1)))) return false;
  for (let k = t.indexOf(':', 1); k !== -1; k = t.indexOf(':', k + 1)) if (colonEndsKey(t, k)) return false;
  return true;
}

/** The last line in [from, at) that is not blank, or -1. */
function lastNonBlank(lines: LineTable, from: number, at: number): number {
  let last = at - 1;
  while (last >= from && lines.indent[last] < 0) last--;
  return last < from ? -1 : last;
}

/**
 * Entries of a block mapping whose keys sit at `indent`, in lines [from, to). Splits the bodies of
 * the root's and spec's entries (depth 0 and 1); sections' items are leaves.
 */
function splitMap(text: string, lines: LineTable, from: number, to: number, indent: number, depth: number): EntryPlan[] | undefined {
  const starts: number[] = [];
  let kept = -1; // the last line kept with the entry above as one YAML cannot read there
  for (let i = from; i < to; i++) {
    const lineIndent = lines.indent[i];
    // Blank, a comment, a word alone at column 0, or a tab in the indentation (such a line starts no
    // entry or item: YAML reads it as part of a value above it, or fails at it): read with the lines above.
    if (lineIndent < 0) continue;
    if (lineIndent <= indent && starts.length > 0) {
      const closing = quoteClosingLine(text, lines, from, i, kept);
      if (closing !== undefined && closing >= to) return undefined;
      // Only forward: a quote can close before line i on a line the table reads as a comment or
      // blank (`# c"` inside the quoted value), and going back there would loop for ever.
      if (closing !== undefined && closing >= i) {
        i = closing; // the quoted value's lines are the current entry's
        continue;
      }
    }
    if (lineIndent < indent) {
      if (starts.length === 0 || !unreadableHere(text, lines, i)) return undefined;
      kept = i;
      continue;
    }
    if (lineIndent > indent) {
      if (starts.length === 0) return undefined;
      continue;
    }
    const t = lineText(text, lines, i);
    if (isKeyLine(t)) {
      if (starts.length > 0 && flowContinues(text, lines, from, i, kept) && !itemInOpenFlow(text, lines, lastItemStart(text, lines, starts[starts.length - 1], i, indent), i, true)) return undefined;
      starts.push(i);
    }
    else if (SEQ_ITEM.test(t) && starts.length > 0) continue; // `key:` followed by a same-indent sequence
    else if (starts.length > 0 && startsNothing(t.slice(indent))) kept = i;
    else return undefined;
  }
  if (starts.length === 0) return undefined;
  return starts.map((first, k) => {
    const last = k + 1 < starts.length ? starts[k + 1] : to;
    const entry: EntryPlan = { start: k === 0 ? end(lines, from) : lines.start.at(first), end: end(lines, last) };
    const header = lineText(text, lines, first);
    if (depth < 2 && isHeaderOnly(header) && !/^ *["']/.test(header)) {
      const body = splitBody(text, lines, first + 1, last, indent, depth + 1);
      if (body) entry.split = { header: { start: entry.start, end: lines.start.at(first + 1) }, body };
    } else if (depth < 2 && unreadableUnder(text, lines, first, last, header)) entry.unreadable = true;
    return entry;
  });
}

/**
 * Whether the entry whose key line is `first` (text `header`), ending before line `last`, is
 * `key: value` or `key: [...` followed by a more-indented line that YAML cannot read there
 * (unreadable-entry.ts). `text` holds the document's characters from offset `from` on.
 */
function unreadableUnder(text: string, lines: LineTable, first: number, last: number, header: string, from = 0): boolean {
  let under = first + 1;
  while (under < last && lines.indent[under] < 0) under++;
  if (under >= last) return false;
  if (lines.indent[under] > lines.indent[first] && keyWithPlainValue(header) !== undefined && breaksPlainValue(lineText(text, lines, under, from))) return true;
  return flowValueBreaksAt(header, linesOf(text, lines, first + 1, last, from)) !== -1;
}

/** Lines [from, to) the table does not read as blank (tab-indented ones too), without their line breaks. */
function* linesOf(text: string, lines: LineTable, from: number, to: number, textFrom: number): Generator<string> {
  for (let line = from; line < to; line++) if (lines.indent[line] !== BLANK) yield lineText(text, lines, line, textFrom);
}

/** The block body of `key:` at `parentIndent`: a mapping at deeper indent or a sequence. */
function splitBody(text: string, lines: LineTable, from: number, to: number, parentIndent: number, depth: number): BodyPlan | undefined {
  let first = from;
  while (first < to && lines.indent[first] < 0) first++;
  if (first >= to) return undefined;
  const indent = lines.indent[first];
  const t = lineText(text, lines, first);
  if (SEQ_ITEM.test(t) && indent >= parentIndent) {
    const items = splitSeq(text, lines, from, to, indent);
    return items ? { kind: 'seq', items, indent } : undefined;
  }
  if (indent > parentIndent && depth < 2) {
    const entries = splitMap(text, lines, from, to, indent, depth);
    return entries ? { kind: 'map', entries } : undefined;
  }
  return undefined;
}

function splitSeq(text: string, lines: LineTable, from: number, to: number, indent: number): ChunkSpan[] | undefined {
  const starts: number[] = [];
  let kept = -1; // as in splitMap
  for (let i = from; i < to; i++) {
    const lineIndent = lines.indent[i];
    if (lineIndent < 0 || lineIndent > indent) continue;
    if (starts.length > 0) {
      const closing = quoteClosingLine(text, lines, from, i, kept);
      if (closing !== undefined && closing >= to) return undefined;
      if (closing !== undefined && closing >= i) {
        i = closing; // the quoted value's lines are the current item's
        continue;
      }
    }
    if (lineIndent < indent && starts.length > 0 && unreadableHere(text, lines, i)) {
      kept = i;
      continue;
    }
    if (lineIndent < indent || !isItemStart({ text, from: 0 }, lines, i, indent)) return undefined;
    if (starts.length > 0 && flowContinues(text, lines, from, i, kept) && !itemInOpenFlow(text, lines, starts[starts.length - 1], i, false)) return undefined;
    starts.push(i);
  }
  if (starts.length === 0) return undefined;
  return starts.map((first, k) => ({
    // Lines before the first item are blank or comments, or text the table reads as blank (a word
    // alone at column 0, stray-words.ts; a line indented with a tab): the item's chunk holds such
    // text, so that what it says is not lost.
    start: k === 0 && holdsText(text, lines, from, first) ? lines.start.at(from) : lines.start.at(first),
    end: end(lines, k + 1 < starts.length ? starts[k + 1] : to),
  }));
}

/** Whether a line in [from, to) holds text the line table reads as blank: a word alone at column 0, or a tab in the indentation. */
function holdsText(text: string, lines: LineTable, from: number, to: number): boolean {
  for (let line = from; line < to; line++) {
    if (lines.indent[line] === TAB_INDENT) return true;
    const start = lines.start.at(line);
    if (lines.indent[line] === BLANK && columnZeroWordEnd(text, start) > start) return true;
  }
  return false;
}

/** Line `line` has `-` at column `indent`, then a space, a tab or the end of the line. */
function isItemStart(window: TextWindow, lines: LineTable, line: number, indent: number): boolean {
  const at = lines.start.at(line) + indent - window.from;
  const next = window.text.charCodeAt(at + 1);
  return window.text.charCodeAt(at) === 45 && (next === 32 || next === 9 || next === 10 || next === 13 || at + 1 >= window.text.length);
}

/**
 * Whether an item chunk [start, end) whose `-` sits at column `indent` is still one item after an
 * edit that changed the characters [from, to) (`window` holds the chunk's new text): the lines the
 * edit touched are checked as the planner checks an item's lines (its first line starts the item,
 * the others are indented deeper, blank or comments; no tab in any indentation). The other lines
 * were checked when it was planned.
 */
export function itemLinesHold(window: TextWindow, lines: LineTable, start: number, end: number, from: number, to: number, indent: number): boolean {
  const firstLine = lineContaining(lines, start);
  // A chunk that holds lines at or left of its `-` (a quoted value's lines, see quoteClosingLine)
  // is planned again after any edit: the edit may have closed the quote earlier.
  for (let line = firstLine + 1, last = lineContaining(lines, end - 1); line <= last; line++) {
    if (lines.indent[line] >= 0 && lines.indent[line] <= indent) return false;
  }
  for (let line = lineContaining(lines, from), last = lineContaining(lines, to); line <= last && lines.start.at(line) < end; line++) {
    const lineIndent = lines.indent[line];
    if (line === firstLine) {
      if (lineIndent !== indent || !isItemStart(window, lines, line, indent)) return false;
    } else if (lineIndent === TAB_INDENT || (lineIndent !== BLANK && lineIndent <= indent)) return false;
  }
  return leavesNothingOpen(window, lines, firstLine, end);
}

/**
 * Whether an entry chunk [start, end) (`window` holds its new text) is still what the planner
 * would make of it: its first line `key: value` at column `indent` (a key alone may be split into
 * a header and a body), every other line deeper, blank or a comment (no tab in any indentation),
 * the line under the key one YAML can read after a plain value (else the entry is unreadable), and
 * its last line leaving nothing open. Stricter than the planner at the other depths, never looser.
 */
export function entryLinesHold(window: TextWindow, lines: LineTable, start: number, end: number, indent: number): boolean {
  const firstLine = lineContaining(lines, start);
  const header = lineText(window.text, lines, firstLine, window.from);
  if (lines.indent[firstLine] !== indent || !isKeyLine(header) || isHeaderOnly(header)) return false;
  const lastLine = lineContaining(lines, end - 1);
  for (let line = firstLine + 1; line <= lastLine; line++) {
    const lineIndent = lines.indent[line];
    if (lineIndent === TAB_INDENT || (lineIndent >= 0 && lineIndent <= indent)) return false;
  }
  return !unreadableUnder(window.text, lines, firstLine, lastLine + 1, header, window.from) && leavesNothingOpen(window, lines, firstLine, end);
}

/** The line after a chunk ending at `end` starts another entry only if the chunk's last line is not left open. */
function leavesNothingOpen(window: TextWindow, lines: LineTable, firstLine: number, end: number): boolean {
  let last = lineContaining(lines, end - 1);
  while (last > firstLine && lines.indent[last] < 0) last--;
  const t = lineText(window.text, lines, last, window.from);
  return !(OPEN_FLOW.test(t) || OPEN_QUOTE.test(t));
}

