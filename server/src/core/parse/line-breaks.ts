/**
 * Line breaks as PyYAML reads them: `\n`, `\r\n`, a lone `\r`, NEL (U+0085), LS (U+2028) and PS
 * (U+2029). The `yaml` library only knows `\n` and `\r\n`, so the parser is given a copy where the
 * others are `\n` — one character for one, so every offset stays valid.
 *
 * Editors (and LSP positions) count `\n`, `\r\n` and a lone `\r` as line breaks, but not NEL, LS
 * or PS: when the text has one of those, line numbers must come from the original text.
 */
import { isYamlBreak } from '../text/chars';

/** Whether the text has NEL, LS or PS (indexOf: a regex scan of a large file costs 100x more). */
export function hasUnusualBreaks(text: string): boolean {
  return text.indexOf('\u0085') !== -1 || text.indexOf('\u2028') !== -1 || text.indexOf('\u2029') !== -1;
}

/** Whether some `\r` in [from, to) is not followed by `\n` (the character after `to` counts). */
function hasLoneCr(text: string, from: number, to: number): boolean {
  // In a view of [from, to) (no copy): a search of the whole text would run past `to`.
  const part = text.slice(from, to);
  for (let i = part.indexOf('\r'); i !== -1; i = part.indexOf('\r', i + 1)) {
    if (text.charCodeAt(from + i + 1) !== 10) return true;
  }
  return false;
}

const OTHER_BREAK = /\r(?!\n)|[\u0085\u2028\u2029]/g;

/** [from, to) of `text` with every line break other than `\n` and `\r\n` written as `\n`. */
export function yamlBreaks(text: string, from = 0, to = text.length): string {
  const part = text.slice(from, to);
  if (!hasLoneCr(text, from, to) && !hasUnusualBreaks(part)) return part;
  // The lookahead must see the character after `to`: a `\r` there ends the part.
  const crAtEnd = to < text.length && part.endsWith('\r') && text.charCodeAt(to) === 10;
  const out = part.replace(OTHER_BREAK, '\n');
  return crAtEnd ? `${out.slice(0, -1)}\r` : out;
}

/** Where the line from `from` ends: at PyYAML's next line break (a lone `\r` too), or at the text's end. */
export function yamlLineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && !isYamlBreak(text.charCodeAt(end))) end++;
  return end;
}

/** Where the next line starts after the line break at `at` (`\r\n` is one break). */
export function afterYamlBreak(text: string, at: number): number {
  return at + (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1);
}
