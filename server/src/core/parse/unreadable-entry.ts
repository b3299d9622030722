/**
 * An entry of the root or of `spec` whose key has a plain value on its own line, followed by
 * more-indented lines holding `key:` — a line that lost its indentation in the middle of a list
 * (`x    - name: VAR_9` at column 0), or a value typed after `agents:`. YAML reads the indented
 * lines as the value's continuation and fails at their first `:`; everything down to the next
 * entry is unreadable, and Sinas rejects the file. The chunk planner gives such an entry a chunk
 * that is not parsed at all but carries this one finding: parsing it would cost as much as the
 * whole section under it on every edit (a 300 kB chunk, hundreds of milliseconds), for thousands
 * of follow-on errors that say nothing more. Decided by the two lines alone, so a fresh open and an
 * edit session read it alike; a whole-text parse reports a syntax error there too
 * (test/unit/parse/unreadable-entry.test.ts).
 */
import { colonEndsKey, isBlank, isIndicator } from '../text/chars';
import { keyColon } from './key-line';
import { indentOf } from './line-table';
import { LiveSpan, type Origin } from './nodes';
import type { ParsedRegion } from './parse-region';

/**
 * The key of `line` (no line break in it) when the line is `key: value` with a plain value and no
 * comment; undefined otherwise. Other values (quoted, block scalars, flow collections, tags,
 * anchors, aliases) are left to the parser: lines under them can be valid.
 */
export function keyWithPlainValue(line: string): string | undefined {
  const colon = keyColon(line);
  if (colon === -1) return undefined;
  let value = colon + 1;
  while (isBlank(line.charCodeAt(value))) value++;
  if (value >= line.length || isIndicator(line.charCodeAt(value))) return undefined;
  // A comment ends the value; what follows is then judged by the parser.
  for (let k = value + 1; k < line.length; k++) if (line.charCodeAt(k) === 35 /* # */ && isBlank(line.charCodeAt(k - 1))) return undefined;
  let start = 0;
  while (line.charCodeAt(start) === 32) start++;
  return line.slice(start, colon).trimEnd();
}

/**
 * Whether `line`, the next non-blank line under a `key: value` line with a plain value and more
 * indented, makes YAML fail: a plain value read across lines ends at a `:` followed by a blank or
 * the line's end (before any comment), and a key cannot span lines.
 */
export function breaksPlainValue(line: string): boolean {
  let i = 0;
  while (isBlank(line.charCodeAt(i))) i++;
  for (let k = i; k < line.length; k++) {
    if (line.charCodeAt(k) === 35 /* # */ && (k === i || isBlank(line.charCodeAt(k - 1)))) return false;
    if (colonEndsKey(line, k)) return true;
  }
  return false;
}

/** Lines of `text` that are not blank, comments, column-0 words or tab-indented (as the planner reads them): [start, end) without the line break, and indentation. */
function* contentLines(text: string): Generator<{ start: number; end: number; indent: number }> {
  const window = { text, from: 0 };
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    const indent = indentOf(window, start, next);
    // As the chunk planner reads lines: blank, comments, column-0 words and tab-indented lines are skipped.
    if (indent >= 0) {
      const end = newline === -1 ? text.length : newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      yield { start, end, indent };
    }
    start = next;
  }
}

/**
 * The region of an unreadable entry chunk (its own text, planned as one by the chunk planner): no
 * tree, one finding on the first line that cannot be read.
 */
export function unreadableEntry(text: string, origin: Origin): ParsedRegion {
  const lines = contentLines(text);
  const header = lines.next().value;
  const under = lines.next().value;
  const key = header && keyWithPlainValue(text.slice(header.start, header.end));
  if (!header || !under || key === undefined) throw new Error('an unreadable entry begins with `key: value` and a line under it');
  const shown = key.length > 60 ? `${key.slice(0, 57)}…` : key;
  const message =
    `\`${shown}:\` above already has a value on its line, so this more-indented line cannot belong to it: YAML cannot read it ` +
    `and Sinas rejects the file. Check the indentation of the \`${shown}\` line; until it is fixed, the lines from here to the next entry are not checked.`;
  const start = under.start + under.indent;
  return { root: null, findings: [{ code: 'yaml-syntax', message, span: new LiveSpan(origin, start, Math.max(start + 1, under.end)), severity: 'error' }], documentCount: 1 };
}
