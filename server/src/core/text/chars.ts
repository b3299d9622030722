/**
 * Character classes the one-pass line readers share (stray-words.ts, chunk-plan.ts, yaml-lines.ts,
 * unquoted-cron.ts): each replaces a regular expression, so each says what that expression's
 * classes said.
 */

/** `[ \t]`. */
export const isBlank = (c: number): boolean => c === 32 || c === 9;

/** What `.` does not match in a JavaScript regular expression. */
export const isLineTerminator = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** A line break to PyYAML: `\n`, `\r` (alone or before `\n`), NEL, LS and PS (see parse/line-breaks.ts). */
export const isYamlBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;

/** `\s` of a JavaScript regular expression. */
export const isSpace = (ch: string | undefined): boolean => ch !== undefined && ch !== '' && /\s/.test(ch);

/** Whether the code units at `i` and `i + 1` of `text` are a surrogate pair (one character outside the BMP). */
export function isSurrogatePair(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/** YAML's indicator characters, none of which can begin a plain scalar (a word, a simple key). */
const INDICATORS = new Set(Array.from('-?:,[]{}#&*!|>\'"%@`', (c) => c.charCodeAt(0)));
export const isIndicator = (c: number): boolean => INDICATORS.has(c);

/** Whether the `:` at `at` ends a simple key: followed by a blank or the end of `text`. */
export const colonEndsKey = (text: string, at: number): boolean => text.charCodeAt(at) === 58 && (at + 1 === text.length || isBlank(text.charCodeAt(at + 1)));

/**
 * The closing quote of the quoted scalar whose opening quote (`"` or `'`) is at `open`, or -1: a
 * double-quoted one skips `\` and the character after it, a single-quoted one skips `''`.
 * `acrossLines`: whether the scalar may run past a `\n`. `escapedBreaks`: whether `\` may escape a
 * line break (YAML's rule; the regular expressions this replaces, `\\.`, did not allow it).
 */
export function closingQuote(text: string, open: number, acrossLines: boolean, escapedBreaks = false): number {
  const quote = text.charCodeAt(open);
  for (let j = open + 1; j < text.length; ) {
    const ch = text.charCodeAt(j);
    if (ch === 10 && !acrossLines) return -1;
    if (quote === 34 && ch === 92 /* \ */) {
      if (j + 1 >= text.length || (!escapedBreaks && isLineTerminator(text.charCodeAt(j + 1)))) return -1;
      j += 2;
    } else if (ch === quote) {
      if (quote === 39 && text.charCodeAt(j + 1) === 39) j += 2;
      else return j;
    } else j++;
  }
  return -1;
}

/**
 * Where a trailing comment starts in `line` as a regular expression ending in `…#.*$` finds it: the
 * first `#` at or after `from` whose preceding character is whitespace by `space`, past the line's
 * last line terminator (`.` does not match one, so a `#` before it ends nothing); -1 if none.
 */
export function trailingCommentStart(line: string, from: number, space: (c: number) => boolean): number {
  let last = line.length - 1;
  while (last >= from && !isLineTerminator(line.charCodeAt(last))) last--;
  for (let h = Math.max(from, last + 1); h < line.length; h++) if (line.charCodeAt(h) === 35 /* # */ && space(line.charCodeAt(h - 1))) return h;
  return -1;
}
