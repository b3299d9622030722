/**
 * Line starts and indentation of a text, in flat arrays, kept up to date across edits: lines
 * before and after the changed region are kept (the starts after it shifted lazily, see
 * shifted-offsets.ts), only the lines it touches are scanned again — which needs only the text
 * around the change, not the whole document. Shared by the chunk planner and the LineIndex
 * (offset <-> position).
 */
import { ShiftedOffsets } from '../text/shifted-offsets';
import { columnZeroWordEnd } from './stray-words';

export interface LineTable {
  /** Number of lines; a text ending in `\n` has an empty last line. */
  count: number;
  /** The text's length. */
  length: number;
  /** start.at(i) is line i's first offset; start.at(count) is the text's length (entries past it are spare room). */
  start: ShiftedOffsets;
  /**
   * Leading spaces; -1 for blank and comment-only lines and for a word alone at column 0 (read as
   * blank, see stray-words.ts), -2 when a tab is in the indentation (count entries).
   */
  indent: Int32Array;
  /** 1 when line i ends with `\r\n` (count entries). */
  crlf: Uint8Array;
}

export const BLANK = -1;
export const TAB_INDENT = -2;

/**
 * Some of a text's characters: `text` holds the document's characters from offset `from` on
 * (the whole document when `from` is 0, or one chunk of it).
 */
export interface TextWindow {
  text: string;
  from: number;
}

/** The indentation of the line [start, end) of `window` as the table keeps it (see `indent`). */
export function indentOf(window: TextWindow, start: number, end: number): number {
  const { text, from } = window;
  let i = start - from;
  const stop = end - from;
  while (i < stop && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  if (i >= stop || c === 10 || c === 13 || c === 35 /* # */) return BLANK;
  if (i === start - from && columnZeroWordEnd(text, i) > i) return BLANK;
  return c === 9 ? TAB_INDENT : i - (start - from);
}

/** 1 when the line ending with the `\n` at `newline` has a `\r` before it. */
function crlfAt(window: TextWindow, newline: number): number {
  return newline > window.from && window.text.charCodeAt(newline - 1 - window.from) === 13 ? 1 : 0;
}

export function buildLineTable(text: string): LineTable {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const start = new Int32Array(count + 1);
  const crlf = new Uint8Array(count);
  const window = { text, from: 0 };
  for (let line = 1, i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    crlf[line - 1] = crlfAt(window, i);
    start[line++] = i + 1;
  }
  start[count] = text.length;
  const indent = new Int32Array(count);
  for (let line = 0; line < count; line++) indent[line] = indentOf(window, start[line], start[line + 1]);
  return { count, length: text.length, start: new ShiftedOffsets(start), indent, crlf };
}

/** First index in start[0..count) whose value is greater than `offset`. */
function upperBound(table: LineTable, offset: number): number {
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.start.at(mid) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The table of the new text, given the previous text's table and where the two differ: `prefix`
 * characters are equal at the start, and the new text's tail from `newSuffixStart` equals the old
 * tail, moved by `delta`. `window` must hold the new text from the start of the line containing
 * `prefix` to the end of the line containing `newSuffixStart`. Updates `previous` in place (its
 * arrays keep spare room), so an edit allocates nothing; the old table is not valid afterwards.
 */
export function updateLineTable(previous: LineTable, window: TextWindow, prefix: number, newSuffixStart: number, delta: number): LineTable {
  // Lines starting within the prefix keep their start; the last of them may have changed content.
  const kept = upperBound(previous, prefix);
  // Old lines whose preceding newline lies in the common suffix move by delta.
  const oldSuffixStart = newSuffixStart - delta;
  const moved = previous.count - upperBound(previous, oldSuffixStart);
  const newlines: number[] = [];
  const { text, from } = window;
  for (let i = text.indexOf('\n', prefix - from); i !== -1 && i + from < newSuffixStart; i = text.indexOf('\n', i + 1)) newlines.push(i + from);
  const added = newlines.length;
  const count = kept + added + moved;
  const start = previous.start;
  let { indent, crlf } = previous;
  if (count + 1 > start.values.length) {
    const capacity = count + 1 + (count >> 1);
    const grownIndent = new Int32Array(capacity);
    const grownCrlf = new Uint8Array(capacity);
    start.reserve(capacity, previous.count + 1);
    grownIndent.set(indent.subarray(0, previous.count));
    grownCrlf.set(crlf.subarray(0, previous.count));
    indent = grownIndent;
    crlf = grownCrlf;
  }
  // The moved tail first (it may shift right over the lines the edit adds), then the new lines.
  // The tail's starts (and the length after them) move by delta: one addition, see shifted-offsets.ts.
  const firstMoved = previous.count - moved;
  const line = kept + added;
  start.moveTail(firstMoved, line, previous.count + 1, delta);
  indent.copyWithin(line, firstMoved, previous.count);
  crlf.copyWithin(line, firstMoved, previous.count);
  for (let k = 0; k < added; k++) {
    start.set(kept + k, newlines[k] + 1);
    crlf[kept + k - 1] = crlfAt(window, newlines[k]);
  }
  const length = previous.length + delta;
  start.set(count, length);
  // Re-measure the lines the change touched: the last kept one and the new ones (a `\r` typed or
  // removed before a kept line break changes how that line ends).
  for (let k = Math.max(0, kept - 1); k < line; k++) {
    indent[k] = indentOf(window, start.at(k), start.at(k + 1));
    if (k + 1 < count) crlf[k] = crlfAt(window, start.at(k + 1) - 1);
  }
  previous.count = count;
  previous.length = length;
  previous.indent = indent;
  previous.crlf = crlf;
  return previous;
}
