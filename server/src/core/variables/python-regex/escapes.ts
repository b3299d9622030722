/** Backslash escapes and character sets, as sre_parse's `_class_escape` and `[` reading. */
import type { Cursor } from './cursor';
import type { Category, ClassItem, Flags, RegexNode } from './tree';

export const ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
export const CATEGORIES = new Set('dDwWsS');
export const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
export const isOct = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const isAsciiLetter = (c: string) => /^[A-Za-z]$/.test(c);

/** Thrown for `\N{…}` and the template flag: valid or not, this reader cannot tell. */
export class UnsupportedName extends Error {}
export class UnsupportedFlag extends Error {}

const single = (cp: number): ClassItem => ({ kind: 'range', lo: cp, hi: cp });

/** `\xhh`, `\uhhhh`, `\Uhhhhhhhh`; `\N{…}` cannot be looked up here (no Unicode name table). */
export function hexEscape(src: Cursor, token: string): number | undefined {
  const c = token[1];
  const size = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (size) {
    let digits = '';
    while (digits.length < size && isHex(src.next)) digits += src.advance();
    const escape = token + digits;
    if (digits.length !== size) throw src.error(`incomplete escape ${escape}`, escape.length);
    const value = parseInt(digits, 16);
    if (value > 0x10ffff) throw src.error(`bad escape ${escape}`, escape.length);
    return value;
  }
  if (c === 'N') {
    if (!src.match('{')) throw src.error('missing {');
    src.until('}', 'character name');
    throw new UnsupportedName();
  }
  return undefined;
}

/** A backslash before anything but an ASCII letter or digit stands for that character. */
export function plainEscape(src: Cursor, token: string): number {
  const c = token.slice(1);
  if (isAsciiLetter(c) || isDigit(c)) throw src.error(`bad escape ${token}`, token.length);
  return c.codePointAt(0)!;
}

/** After `[`: a character set. */
export function characterSet(src: Cursor, flags: Flags): RegexNode {
  const here = src.pos - 1;
  const items: ClassItem[] = [];
  const negated = src.match('^');
  for (;;) {
    const token = src.advance();
    if (token === undefined) throw src.error('unterminated character set', src.pos - here);
    if (token === ']' && items.length) break;
    const first = setItem(src, token);
    if (src.match('-')) {
      const that = src.advance();
      if (that === undefined) throw src.error('unterminated character set', src.pos - here);
      if (that === ']') {
        items.push(first, { kind: 'range', lo: 45, hi: 45 });
        break;
      }
      const second = setItem(src, that);
      const bad = () => src.error(`bad character range ${token}-${that}`, token.length + 1 + that.length);
      if (first.kind !== 'range' || second.kind !== 'range') throw bad();
      if (second.lo < first.lo) throw bad();
      items.push({ kind: 'range', lo: first.lo, hi: second.lo });
    } else {
      items.push(first);
    }
  }
  return { kind: 'set', negated, items, flags };
}

function setItem(src: Cursor, token: string): ClassItem {
  if (token.length === 1) return single(token.codePointAt(0)!);
  const c = token[1];
  if (c in ESCAPES) return single(ESCAPES[c]);
  if (CATEGORIES.has(c)) return { kind: 'category', name: c as Category };
  const hex = hexEscape(src, token);
  if (hex !== undefined) return single(hex);
  if (isOct(c)) {
    let escape = token;
    while (escape.length < 4 && isOct(src.next)) escape += src.advance();
    const value = parseInt(escape.slice(1), 8);
    if (value > 0o377) throw src.error(`octal escape value ${escape} outside of range 0-0o377`, escape.length);
    return single(value);
  }
  return single(plainEscape(src, token));
}
