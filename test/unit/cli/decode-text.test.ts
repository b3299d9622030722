import assert from 'node:assert/strict';
import { decodeText, firstInvalidUtf8 } from '../../../cli/src/decode-text';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('CLI: decoding package files', () => {
  it('finds the first byte that is not well-formed UTF-8 (Unicode table 3-7)', () => {
    const cases: [Uint8Array, number][] = [
      [Buffer.from('plain ascii'), 11],
      [Buffer.from('é ☃ 😀'), 11],
      [bytes(0x61, 0xc0, 0x80), 1], // overlong
      [bytes(0xc1, 0xbf), 0], // overlong
      [bytes(0xe0, 0x80, 0x80), 0], // overlong 3-byte
      [bytes(0xed, 0xa0, 0x80), 0], // a surrogate
      [bytes(0xf4, 0x90, 0x80, 0x80), 0], // past U+10FFFF
      [bytes(0xf5, 0x80), 0],
      [bytes(0x61, 0x62, 0xe2, 0x98), 2], // cut at the end
      [bytes(0x80), 0], // a lone continuation byte
      [bytes(0xf0, 0x9f, 0x98, 0x80, 0xff), 4],
    ];
    for (const [input, offset] of cases) assert.equal(firstInvalidUtf8(input), offset, Buffer.from(input).toString('hex'));
  });

  it('decodes UTF-8 with and without a BOM, and UTF-16 by its BOM', () => {
    assert.deepEqual(decodeText(Buffer.from('a: é\n')), { text: 'a: é\n' });
    assert.deepEqual(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61)), { text: 'a' });
    assert.deepEqual(decodeText(bytes(0xff, 0xfe, 0x61, 0x00, 0x3d, 0xd8, 0x00, 0xde)), { text: 'a😀' });
    assert.deepEqual(decodeText(bytes(0xfe, 0xff, 0x00, 0x61, 0xd8, 0x3d, 0xde, 0x00)), { text: 'a😀' });
    // A BOM only at the start: U+FEFF later in the text is kept.
    assert.deepEqual(decodeText(Buffer.from('a\ufeffb')), { text: 'a\ufeffb' });
  });

  it('says where undecodable bytes are, counting characters (UTF-16 units, as editors), not bytes', () => {
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from('x: 1\nnamé: '), bytes(0xff)])), {
      error: 'line 2, column 7 is not UTF-8 (byte 0xFF); save the file as UTF-8, or as UTF-16 with a byte order mark',
    });
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from('a\r\nb\rc'), bytes(0xfe)])), {
      error: 'line 3, column 2 is not UTF-8 (byte 0xFE); save the file as UTF-8, or as UTF-16 with a byte order mark',
    });
  });
});
