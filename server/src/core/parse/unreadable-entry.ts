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
 *
 * The same for `key: [` (or `{`) whose collection is still open at a list item's `- ` under it, or
 * is closed with more lines under it (a section's name typed with `[` above the items of another
 * section): decided by the lines down to the first one YAML cannot read.
 */
import { closingQuote, colonEndsKey, isBlank, isIndicator } from '../text/chars';
import { keyColon } from './key-line';
import { indentOf, TAB_INDENT } from './line-table';
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

const clipKey = (key: string): string => (key.length > 60 ? `${key.slice(0, 57)}…` : key);

/**
 * Lines of `text` from offset `from` (a line start) that are not blank, comments, column-0 words or
 * (unless `tabIndented`) tab-indented, as the planner reads them: [start, end) without the line
 * break, and indentation (the blanks before the content).
 */
function* contentLines(text: string, from = 0, tabIndented = false): Generator<{ start: number; end: number; indent: number }> {
  const window = { text, from: 0 };
  for (let start = from; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    let indent = indentOf(window, start, next);
    if (indent === TAB_INDENT && tabIndented) {
      indent = 0;
      while (isBlank(text.charCodeAt(start + indent))) indent++;
    }
    if (indent >= 0) {
      const end = newline === -1 ? text.length : newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      yield { start, end, indent };
    }
    start = next;
  }
}

/**
 * For a key line (`header`) whose value is a flow collection, the index among `under` (every line
 * below it, without line breaks) of the first line YAML cannot read there, or -1: a `- ` item line
 * while the collection is still open (PyYAML reads the collection on across lines and refuses a
 * block entry in it), or, once it is closed, any line that is not blank or a comment (a complete
 * value has nothing more under it). Brackets are counted (a plain scalar in a flow collection
 * holds none), skipping quoted scalars closed on their line; with any other quote about, -1: a
 * quoted scalar running on below may hold anything.
 */
export function flowValueBreaksAt(header: string, under: Iterable<string>): number {
  const colon = keyColon(header);
  if (colon === -1) return -1;
  let value = colon + 1;
  while (isBlank(header.charCodeAt(value))) value++;
  const first = header.charCodeAt(value);
  if (first !== 91 /* [ */ && first !== 123 /* { */) return -1;
  let depth = bracketDepth(header.slice(value), 0);
  let index = 0;
  for (const line of under) {
    if (depth < 0 || Number.isNaN(depth)) return -1;
    let i = 0;
    while (isBlank(line.charCodeAt(i))) i++;
    const content = i < line.length && line.charCodeAt(i) !== 35; /* # */
    if (content && (depth === 0 || (line.charCodeAt(i) === 45 /* - */ && (i + 1 === line.length || isBlank(line.charCodeAt(i + 1)))))) return index;
    depth = bracketDepth(line, depth);
    index++;
  }
  return -1;
}

/** After these (or at a line's start) a quote opens a quoted scalar in a flow collection. */
const QUOTE_AFTER = new Set(Array.from('[{,:?', (c) => c.charCodeAt(0)));

/**
 * `depth` after the brackets of `line` (up to a comment). A quoted scalar that opens where a token
 * starts and closes on the line is skipped; any other quote gives NaN (it may run on below).
 */
function bracketDepth(line: string, depth: number): number {
  let previous = -1; // the last character that is not a blank, -1 at the line's start
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (isBlank(c)) continue;
    if (c === 35 /* # */ && (k === 0 || isBlank(line.charCodeAt(k - 1)))) break;
    if (c === 34 || c === 39) {
      const close = previous === -1 || QUOTE_AFTER.has(previous) ? closingQuote(line, k, false) : -1;
      if (close === -1) return NaN;
      k = close;
    } else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) depth--;
    previous = c;
  }
  return depth;
}

/**
 * The region of an unreadable entry chunk (its own text, planned as one by the chunk planner): no
 * tree, one finding on the first line that cannot be read.
 */
export function unreadableEntry(text: string, origin: Origin): ParsedRegion {
  // Read lazily: an unread chunk can be a whole section, and only the lines down to the one that
  // cannot be read matter.
  const lines = contentLines(text);
  const header = lines.next().value;
  const headerText = header && text.slice(header.start, header.end);
  const key = headerText && keyWithPlainValue(headerText);
  let under = key !== undefined ? lines.next().value : undefined;
  let message: string;
  if (header && under && key !== undefined) {
    const shown = clipKey(key);
    message =
      `\`${shown}:\` above already has a value on its line, so this more-indented line cannot belong to it: YAML cannot read it ` +
      `and Sinas rejects the file. Check the indentation of the \`${shown}\` line; until it is fixed, the lines from here to the next entry are not checked.`;
  } else {
    // The lines below the key's as the planner reads them for this: tab-indented ones too.
    const below: { start: number; end: number; indent: number }[] = [];
    const afterHeader = header ? text.indexOf('\n', header.start) + 1 : 0;
    function* belowTexts(): Generator<string> {
      if (afterHeader === 0) return;
      for (const line of contentLines(text, afterHeader, true)) {
        below.push(line);
        yield text.slice(line.start, line.end);
      }
    }
    const at = headerText ? flowValueBreaksAt(headerText, belowTexts()) : -1;
    if (at === -1) throw new Error('an unreadable entry begins with `key: value` or `key: [` and a line under it YAML cannot read');
    under = below[at];
    const shown = clipKey(headerText!.slice(0, keyColon(headerText!)).trim());
    message =
      `\`${shown}:\` above has a flow collection (\`[…]\` or \`{…}\`) as its value, so this more-indented line cannot belong to it: YAML cannot read it ` +
      `and Sinas rejects the file. Check the \`${shown}\` line (is its collection closed?); until it is fixed, the lines from here to the next entry are not checked.`;
  }
  const start = under.start + under.indent;
  return { root: null, findings: [{ code: 'yaml-syntax', message, span: new LiveSpan(origin, start, Math.max(start + 1, under.end)), severity: 'error' }], documentCount: 1 };
}
