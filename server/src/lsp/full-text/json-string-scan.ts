/**
 * Reads the content of a JSON string literal in UTF-8 bytes without decoding it: how many UTF-16
 * code units it decodes to, and the byte where each of its lines starts. The full-text decoder
 * (full-text-decoder.ts) cuts messages there, where decoding is outside any escape and character.
 *
 * It is strict where decoding is lenient: anything whose decoding it could count wrongly (bytes
 * that are not well-formed UTF-8, which a decoder replaces by U+FFFD, or a literal that is not
 * valid JSON) makes it give up, and the caller decodes the message the ordinary way. So is a lone
 * `\r`: a line break for the protocol, but one that a later `\n` can join, which would move a line
 * start this reading recorded.
 */

import { utf8SequenceLength } from '../../core/text/utf8';

export interface StringScan {
  /** Where reading stopped: the literal's closing quote, or the end of the range. */
  stop: number;
  /** UTF-16 code units of what was read. */
  units: number;
  /** The byte index (absolute) after each `\n` read. */
  lineBytes: number[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;

/** What each one-letter escape stands for (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`). */
const ESCAPED: Readonly<Record<number, number>> = { 0x22: 0x22, 0x5c: 0x5c, 0x2f: 0x2f, 0x62: 0x08, 0x66: 0x0c, 0x6e: LF, 0x72: CR, 0x74: 0x09 };

/**
 * Reads string content from `from` up to the first unescaped quote or `to`, whichever comes
 * first, starting outside any escape or character. Undefined if the bytes are not content JSON
 * accepts, not well-formed UTF-8, hold a lone `\r`, or end inside an escape or a character.
 */
export function scanJsonString(bytes: Uint8Array, from: number, to: number): StringScan | undefined {
  const lineBytes: number[] = [];
  let units = 0;
  let afterCr = false;
  let i = from;
  while (i < to) {
    const byte = bytes[i];
    let code: number;
    if (byte >= 0x20 && byte < 0x80 && byte !== QUOTE && byte !== BACKSLASH) {
      code = byte;
      i++;
      units++;
    } else if (byte === QUOTE) {
      break;
    } else if (byte === BACKSLASH) {
      if (i + 1 >= to) return undefined;
      const letter = bytes[i + 1];
      if (letter === 0x75) {
        if (i + 6 > to) return undefined;
        code = hex4(bytes, i + 2);
        if (code < 0) return undefined;
        i += 6;
      } else {
        code = ESCAPED[letter] ?? -1;
        if (code < 0) return undefined;
        i += 2;
      }
      units++;
    } else if (byte < 0x20) {
      return undefined; // JSON allows no raw control character in a string
    } else {
      const size = utf8SequenceLength(bytes, i, to);
      if (size === 0) return undefined;
      code = 0x80; // not a line break; its value does not matter here
      i += size;
      units += size === 4 ? 2 : 1;
    }
    if (afterCr && code !== LF) return undefined;
    afterCr = code === CR;
    if (code === LF) lineBytes.push(i);
  }
  if (afterCr) return undefined;
  return { stop: i, units, lineBytes };
}

/** The value of four hex digits at `at`, or -1. */
function hex4(bytes: Uint8Array, at: number): number {
  let value = 0;
  for (let k = at; k < at + 4; k++) {
    const digit = hexDigit(bytes[k]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

function hexDigit(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}
