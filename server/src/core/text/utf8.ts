/**
 * Well-formed UTF-8, byte by byte, as the Unicode standard's table 3-7 defines it (no overlong
 * forms, no surrogates, nothing past U+10FFFF): what a decoder accepts without putting U+FFFD in.
 */

/**
 * Length of the multi-byte sequence starting at `at` (2 to 4), or 0 if no well-formed one starts
 * there and ends at or before `to`.
 */
export function utf8SequenceLength(bytes: Uint8Array, at: number, to = bytes.length): number {
  const lead = bytes[at];
  let size: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) size = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    size = 3;
    if (lead === 0xe0) low = 0xa0;
    else if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    size = 4;
    if (lead === 0xf0) low = 0x90;
    else if (lead === 0xf4) high = 0x8f;
  } else return 0;
  if (at + size > to) return 0;
  const second = bytes[at + 1];
  if (second < low || second > high) return 0;
  for (let k = at + 2; k < at + size; k++) if (bytes[k] < 0x80 || bytes[k] > 0xbf) return 0;
  return size;
}
