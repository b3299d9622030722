/**
 * The bytes of a package file as text, read the way editors and PyYAML read them: UTF-8 (a byte
 * order mark dropped), or UTF-16 when the file starts with its byte order mark. Bytes that are not
 * text in that encoding are reported with their position instead of becoming U+FFFD.
 */
import { isUtf8 } from 'node:buffer';
import { utf8SequenceLength } from '../../server/src/core/text/utf8';

export type Decoded = { text: string } | { error: string };

const SAVE_AS = 'save the file as UTF-8';

export function decodeText(bytes: Uint8Array): Decoded {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    return { error: `it is UTF-32 text, which is not supported; ${SAVE_AS}` };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return decodeUtf16(bytes.subarray(2), b0 === 0xff ? 'utf-16le' : 'utf-16be');
  const body = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body) };
  const at = firstInvalidUtf8(body);
  return { error: `${where(new TextDecoder().decode(body.subarray(0, at)))} is not UTF-8 (byte 0x${body[at].toString(16).toUpperCase().padStart(2, '0')}); ${SAVE_AS}, or as UTF-16 with a byte order mark` };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  if (bytes.length % 2 === 1) return { error: `it ends in the middle of a UTF-16 character; ${SAVE_AS}` };
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // An unpaired surrogate is the only way UTF-16 can be malformed; find it in the raw code units.
    const units = Buffer.from(bytes);
    const raw = (encoding === 'utf-16be' ? units.swap16() : units).toString('utf16le');
    const at = LONE_SURROGATE.exec(raw)?.index ?? 0;
    return { error: `${where(raw.slice(0, at))} is not UTF-16 (an unpaired surrogate); ${SAVE_AS}` };
  }
}

/** "line 3, column 7" of the position right after `prefix` (1-based; columns as `validate` counts them, in UTF-16 units). */
function where(prefix: string): string {
  const lines = prefix.split(/\r\n|\r|\n/);
  return `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (Unicode Table 3-7). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] < 0x80) i++;
    else {
      const length = utf8SequenceLength(bytes, i);
      if (length === 0) return i;
      i += length;
    }
  }
  return bytes.length;
}
