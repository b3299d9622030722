/**
 * Line starts and indentation of a text, in flat arrays, kept up to date across edits: lines
 * before and after the changed region are copied (shifted), only the lines it touches are
 * scanned again. Shared by the chunk planner and the LineIndex (offset <-> position).
 */
export interface LineTable {
  /** Number of lines; a text ending in `\n` has an empty last line. */
  count: number;
  /** start[i] is line i's first offset; start[count] is the text's length (entries past it are spare room). */
  start: Int32Array;
  /** Leading spaces; -1 for blank and comment-only lines, -2 when a tab is in the indentation (count entries). */
  indent: Int32Array;
}

export const BLANK = -1;
export const TAB_INDENT = -2;

function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  if (i >= end || c === 10 || c === 13 || c === 35 /* # */) return BLANK;
  return c === 9 ? TAB_INDENT : i - start;
}

export function buildLineTable(text: string): LineTable {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const start = new Int32Array(count + 1);
  for (let line = 1, i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) start[line++] = i + 1;
  start[count] = text.length;
  const indent = new Int32Array(count);
  for (let line = 0; line < count; line++) indent[line] = indentOf(text, start[line], start[line + 1]);
  return { count, start, indent };
}

/** First index in start[0..count) whose value is greater than `offset`. */
function upperBound(table: LineTable, offset: number): number {
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.start[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The table of `text`, given the previous text's table and where the two differ: `prefix`
 * characters are equal at the start, and the new text's tail from `newSuffixStart` equals the old
 * tail, moved by `delta`. Updates `previous` in place (its arrays keep spare room), so an edit
 * allocates nothing and touches only the lines after it; the old table is not valid afterwards.
 */
export function updateLineTable(previous: LineTable, text: string, prefix: number, newSuffixStart: number, delta: number): LineTable {
  // Lines starting within the prefix keep their start; the last of them may have changed content.
  const kept = upperBound(previous, prefix);
  // Old lines whose preceding newline lies in the common suffix move by delta.
  const oldSuffixStart = newSuffixStart - delta;
  const moved = previous.count - upperBound(previous, oldSuffixStart);
  let added = 0;
  for (let i = text.indexOf('\n', prefix); i !== -1 && i < newSuffixStart; i = text.indexOf('\n', i + 1)) added++;
  const count = kept + added + moved;
  let { start, indent } = previous;
  if (count + 1 > start.length) {
    const capacity = count + 1 + (count >> 1);
    const grownStart = new Int32Array(capacity);
    const grownIndent = new Int32Array(capacity);
    grownStart.set(start.subarray(0, previous.count + 1));
    grownIndent.set(indent.subarray(0, previous.count));
    start = grownStart;
    indent = grownIndent;
  }
  // The moved tail first (it may shift right over the lines the edit adds), then the new lines.
  const from = previous.count - moved;
  const line = kept + added;
  start.copyWithin(line, from, previous.count);
  indent.copyWithin(line, from, previous.count);
  if (delta !== 0) for (let k = line; k < count; k++) start[k] += delta;
  let next = kept;
  for (let i = text.indexOf('\n', prefix); i !== -1 && i < newSuffixStart; i = text.indexOf('\n', i + 1)) start[next++] = i + 1;
  start[count] = text.length;
  // Re-measure the lines the change touched: the last kept one and the new ones.
  for (let k = Math.max(0, kept - 1); k < line; k++) indent[k] = indentOf(text, start[k], start[k + 1]);
  previous.count = count;
  previous.start = start;
  previous.indent = indent;
  return previous;
}
