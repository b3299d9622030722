/**
 * Whether a line starts a block mapping entry, `key:` (the chunk planner's and the unreadable
 * entry's test, unreadable-entry.ts).
 */
import { closingQuote, colonEndsKey, isIndicator, isSpace } from '../text/chars';

/**
 * The offset of the `:` ending the key when `t` is `key:` with a simple plain or quoted scalar as
 * key, after spaces; -1 otherwise. The regular expression
 * `^ *(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#'"?:,[\]{}&*!|>%@\`-][^\n#]*?|-[^\s\n#][^\n#]*?)\s*:(?:[ \t]|$)`,
 * matched in one pass (the expression backtracks quadratically over a long run of blanks).
 */
export function keyColon(t: string): number {
  let i = 0;
  while (t.charCodeAt(i) === 32) i++;
  const c = t.charCodeAt(i);
  if (c === 34 /* " */ || c === 39 /* ' */) {
    const close = closingQuote(t, i, false);
    if (close === -1) return -1;
    let j = close + 1;
    while (isSpace(t[j])) j++;
    return colonEndsKey(t, j) ? j : -1;
  }
  let j: number;
  if (c === 45 /* - */) {
    if (i + 1 >= t.length || isSpace(t[i + 1]) || t.charCodeAt(i + 1) === 35) return -1;
    j = i + 2;
  } else {
    if (i >= t.length || isSpace(t[i]) || isIndicator(c)) return -1;
    j = i + 1;
  }
  // The first `:` followed by a blank or the end, before any `#` (or, past a line break, only
  // whitespace before it). Found with indexOf: a line can be megabytes long.
  const hash = t.indexOf('#', j);
  const newline = t.indexOf('\n', j);
  const stop = Math.min(hash === -1 ? t.length : hash, newline === -1 ? t.length : newline);
  for (let k = t.indexOf(':', j); k !== -1 && k < stop; k = t.indexOf(':', k + 1)) if (colonEndsKey(t, k)) return k;
  if (stop === newline) {
    j = newline;
    while (isSpace(t[j])) j++;
    return colonEndsKey(t, j) ? j : -1;
  }
  return -1;
}

export const isKeyLine = (t: string): boolean => keyColon(t) !== -1;
