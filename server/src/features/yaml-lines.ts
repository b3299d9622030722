/**
 * Reading YAML one line at a time, without parsing: what completion (on text that is usually
 * invalid while typing) and the quick fixes (which edit whole lines) need. A line is its indent,
 * its `- ` item indicators, and its content: `key:` with or without a value, or a bare scalar.
 */
import { closingQuote, colonEndsKey, isBlank, isIndicator, isSpace } from '../core/text/chars';

export interface LineShape {
  /** Leading spaces. */
  indent: number;
  /** Columns of the `-` item indicators at the start of the line, outermost first. */
  dashes: number[];
  /** Column where the content starts (after indent and dashes); the line length when there is none. */
  content: number;
  /** The content when it is `key:` (plain or quoted key). Columns are absolute. */
  key?: { name: string; start: number; end: number; colon: number };
  /** Column of the value after `key:`, when there is one on this line. */
  value?: number;
  /** The value is a block scalar header (`|`, `>-`, …): the next, deeper lines are its text. */
  blockScalar: boolean;
  /** Nothing but spaces (and dashes) before a comment or the end of the line. */
  empty: boolean;
}

/**
 * `key:` at the start of `rest`, the key quoted or plain (a plain key may hold `:` not followed by
 * a blank): the key as written and where the colon is. This is the regular expression
 * `^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@\`?:-][^#]*?|[?:-][^\s#][^#]*?)[ \t]*:(?=[ \t]|$)`,
 * matched in one pass (it backtracks quadratically over a long run of blanks).
 */
export function keyAt(rest: string): { raw: string; colon: number } | undefined {
  const c = rest.charCodeAt(0);
  if (c === 34 || c === 39) {
    const close = closingQuote(rest, 0, true);
    if (close === -1) return undefined;
    const raw = rest.slice(0, close + 1);
    let k = close + 1;
    while (isBlank(rest.charCodeAt(k))) k++;
    return colonEndsKey(rest, k) ? { raw, colon: k } : undefined;
  }
  let j: number;
  if (c === 63 || c === 58 || c === 45) {
    if (rest.length < 2 || isSpace(rest[1]) || rest.charCodeAt(1) === 35) return undefined;
    j = 2;
  } else {
    if (rest.length === 0 || isSpace(rest[0]) || isIndicator(c)) return undefined;
    j = 1;
  }
  // The first `:` followed by a blank or the end, with no `#` before it; the key stops at the blanks before it.
  for (; j < rest.length && !colonEndsKey(rest, j); j++) if (rest.charCodeAt(j) === 35) return undefined;
  if (j >= rest.length) return undefined;
  let end = j;
  while (end > (c === 63 || c === 58 || c === 45 ? 2 : 1) && isBlank(rest.charCodeAt(end - 1))) end--;
  return { raw: rest.slice(0, end), colon: j };
}
const BLOCK_SCALAR = /^[|>][-+0-9]*[ \t]*(?:#.*)?$/;

export function shapeOf(line: string): LineShape {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  const indent = i;
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  const content = i;
  const rest = line.slice(content);
  const shape: LineShape = { indent, dashes, content, blockScalar: false, empty: rest === '' || rest.startsWith('#') };
  const match = shape.empty ? undefined : keyAt(rest);
  if (match) {
    const raw = match.raw;
    const name = raw.startsWith('"') ? safeJson(raw) : raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw.trimEnd();
    const colon = content + match.colon;
    shape.key = { name, start: content, end: content + raw.trimEnd().length, colon };
    let v = colon + 1;
    while (line[v] === ' ' || line[v] === '\t') v++;
    if (v < line.length && line[v] !== '#') {
      shape.value = v;
      shape.blockScalar = BLOCK_SCALAR.test(line.slice(v));
    }
  }
  return shape;
}

function safeJson(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** A document's text seen as lines: each line's text and shape, computed on demand. */
export class TextLines {
  constructor(
    readonly text: string,
    private readonly starts: { lineStart(line: number): number; lineEnd(line: number): number; lineCount: number },
  ) {}

  get count(): number {
    return this.starts.lineCount;
  }

  start(line: number): number {
    return this.starts.lineStart(line);
  }

  end(line: number): number {
    return this.starts.lineEnd(line);
  }

  textOf(line: number): string {
    return this.text.slice(this.starts.lineStart(line), this.starts.lineEnd(line));
  }

  /** Leading spaces, or -1 for a blank or comment-only line (cheap: no slicing). */
  indentOf(line: number): number {
    const end = this.starts.lineEnd(line);
    let i = this.starts.lineStart(line);
    const start = i;
    while (i < end && this.text.charCodeAt(i) === 32) i++;
    return i >= end || this.text.charCodeAt(i) === 35 /* # */ ? -1 : i - start;
  }

  shape(line: number): LineShape {
    return shapeOf(this.textOf(line));
  }
}

/**
 * The file's indentation step (2 unless the file clearly uses another): the smallest positive
 * indent among the first lines. Inserted YAML follows it.
 */
export function indentUnit(lines: TextLines, sample = 200): number {
  let unit = Infinity;
  for (let line = 0; line < Math.min(lines.count, sample); line++) {
    const indent = lines.indentOf(line);
    if (indent > 0 && indent < unit) unit = indent;
  }
  return Number.isFinite(unit) ? Math.min(unit, 8) : 2;
}
