/**
 * Character classes the one-pass line readers share (stray-words.ts, chunk-plan.ts, yaml-lines.ts,
 * unquoted-cron.ts): each replaces a regular expression, so each says what that expression's
 * classes said.
 */

/** `[ \t]`. */
export const isBlank = (c: number): boolean => c === 32 || c === 9;

/** What `.` does not match in a JavaScript regular expression. */
export const isLineTerminator = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** `\s` of a JavaScript regular expression. */
export const isSpace = (ch: string | undefined): boolean => ch !== undefined && ch !== '' && /\s/.test(ch);

/**
 * The closing quote of the quoted scalar whose opening quote (`"` or `'`) is at `open`, or -1: a
 * double-quoted one skips `\` and the character after it (not a line terminator), a single-quoted
 * one skips `''`. `acrossLines`: whether the scalar may run past a `\n`.
 */
export function closingQuote(text: string, open: number, acrossLines: boolean): number {
  const quote = text.charCodeAt(open);
  for (let j = open + 1; j < text.length; ) {
    const ch = text.charCodeAt(j);
    if (ch === 10 && !acrossLines) return -1;
    if (quote === 34 && ch === 92 /* \ */) {
      if (j + 1 >= text.length || isLineTerminator(text.charCodeAt(j + 1))) return -1;
      j += 2;
    } else if (ch === quote) {
      if (quote === 39 && text.charCodeAt(j + 1) === 39) j += 2;
      else return j;
    } else j++;
  }
  return -1;
}
