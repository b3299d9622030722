/**
 * The stdio decoder turns a full-text change of a large document into the ranged change it
 * amounts to. Whatever it returns must be the message: a ranged change applied by the reference
 * TextDocument to the previous text gives exactly the text the editor sent, and any message it
 * does not turn is what vscode-jsonrpc's own decoding (TextDecoder, then JSON.parse) gives.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Message } from 'vscode-languageserver/node';
import { FullTextDecoder } from '../../../server/src/lsp/full-text/full-text-decoder';
import { scanJsonString } from '../../../server/src/lsp/full-text/json-string-scan';
import { utf8ToUtf16Column } from '../../../server/src/lsp/position-encoding';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const URI = 'file:///big.sinas.yaml';
/** Pieces of text: every kind of character JSON escapes or UTF-8 spells in 1 to 4 bytes, and line breaks. */
const PIECES = ['a', 'name: x', '  - ', '\n', '\r\n', '"', '\\', '\t', '\u0001', '/', 'é', '\u2603', '\u2028', '😀', '\ud800', '${{ vars.X }}', '#'];

type Serialize = (message: object) => string;
/** How editors write JSON: compact, with non-ASCII escaped, indented, with a blank around `:`. */
const SERIALIZERS: Record<string, Serialize> = {
  compact: (m) => JSON.stringify(m),
  asciiOnly: (m) => JSON.stringify(m).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  indented: (m) => JSON.stringify(m, null, 2),
  spaced: (m) => JSON.stringify(m).replace('"text":', '"text" : '),
};

function change(text: string, version: number, serialize: Serialize = SERIALIZERS.compact): Buffer {
  return Buffer.from(serialize({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: URI, version }, contentChanges: [{ text }] } }));
}

function plain(body: Buffer): Message {
  return JSON.parse(new TextDecoder('utf-8').decode(body)) as Message;
}

interface Params {
  textDocument: { uri: string; version: number };
  contentChanges: ({ text: string } | { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string })[];
}

function randomText(next: () => number, pieces: number): string {
  let text = '';
  for (let k = 0; k < pieces; k++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

function edited(next: () => number, text: string): string {
  let at = Math.floor(next() * (text.length + 1));
  const roll = next();
  // Now and then at a line start or the very ends, where the decoder cuts.
  if (roll < 0.1) at = text.indexOf('\n', at) + 1;
  else if (roll < 0.15) at = next() < 0.5 ? 0 : text.length;
  // A `\r` typed before a `\n`: the edit must not end between them.
  if (roll > 0.95 && text.includes('\n', at)) {
    const lf = text.indexOf('\n', at);
    return text.slice(0, lf) + '\r' + text.slice(lf);
  }
  const removed = next() < 0.5 ? Math.floor(next() * 12) : 0;
  return text.slice(0, at) + randomText(next, Math.floor(next() * 4)) + text.slice(at + removed);
}

/** The text the decoded message leaves the document with, applied as the server's reference document would. */
function applied(document: TextDocument, message: Message, encoding: 'utf-8' | 'utf-16' = 'utf-16'): TextDocument {
  const params = (message as unknown as { params: Params }).params;
  const changes = params.contentChanges.map((c) => {
    if (!('range' in c) || encoding === 'utf-16') return c;
    const lines = document.getText().split(/\r?\n/);
    const convert = (p: { line: number; character: number }) => ({ line: p.line, character: utf8ToUtf16Column(lines[p.line] ?? '', p.character) });
    return { range: { start: convert(c.range.start), end: convert(c.range.end) }, text: c.text };
  });
  return TextDocument.update(document, changes, params.textDocument.version);
}

describe('FullTextDecoder', () => {
  for (const [name, serialize] of Object.entries(SERIALIZERS)) {
    it(`turns full-text changes into ranged ones that give the same text (${name} JSON)`, async () => {
      const next = random(name.length * 7919);
      const decoder = new FullTextDecoder({ minBytes: 1 });
      let text = randomText(next, 400);
      let document = TextDocument.create(URI, 'yaml', 1, text);
      // Open, then a first full text that is decoded whole (nothing to compare with yet).
      await decoder.decode(Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'yaml', version: 1, text } } })), { charset: 'utf-8' });
      let ranged = 0;
      let comparable = 0;
      for (let version = 2; version < 600; version++) {
        text = edited(next, text);
        const body = change(text, version, serialize);
        const message = await decoder.decode(body, { charset: 'utf-8' });
        const params = (message as unknown as { params: Params }).params;
        assert.equal(params.textDocument.version, version);
        if ('range' in params.contentChanges[0]) ranged++;
        else assert.deepEqual(message, plain(body));
        document = applied(document, message);
        assert.equal(document.getText(), text, `version ${version}`);
        // The same lines as the text read afresh: no change ends between a `\r` and its `\n`.
        assert.equal(document.lineCount, TextDocument.create(URI, 'yaml', version, text).lineCount, `lines of version ${version}`);
        // A lone `\r` cannot be compared (json-string-scan.ts); every other text after the first can.
        if (!/\r(?!\n)/.test(text)) comparable++;
      }
      assert.ok(ranged > comparable * 0.7, `${ranged} of ${comparable} comparable changes were ranged`);
    });
  }

  it('counts columns in bytes when the editor chose UTF-8 positions', async () => {
    const decoder = new FullTextDecoder({ minBytes: 1 });
    await decoder.decode(Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } } } })), { charset: 'utf-8' });
    let text = 'name: é😀\u2603\nnext: ü\n'.repeat(50);
    let document = TextDocument.create(URI, 'yaml', 1, text);
    await decoder.decode(change(text, 2), { charset: 'utf-8' });
    const next = random(11);
    for (let version = 3; version < 200; version++) {
      text = edited(next, text);
      const message = await decoder.decode(change(text, version), { charset: 'utf-8' });
      document = applied(document, message, 'utf-8');
      assert.equal(document.getText(), text, `version ${version}`);
    }
  });

  it('hands a one-character edit in a large document over as that character', async () => {
    const decoder = new FullTextDecoder();
    const text = '    - name: function_1\n      description: Fetches item 1\n'.repeat(6000);
    await decoder.decode(change(text, 2), { charset: 'utf-8' });
    const at = text.indexOf('\n', text.length >> 1);
    const message = await decoder.decode(change(text.slice(0, at) + 'x' + text.slice(at), 3), { charset: 'utf-8' });
    const line = text.slice(0, at).split('\n').length - 1;
    const column = at - text.lastIndexOf('\n', at - 1) - 1;
    assert.deepEqual((message as unknown as { params: Params }).params.contentChanges, [{ range: { start: { line, character: column }, end: { line, character: column } }, text: 'x' }]);
  });

  it('decodes whole what it cannot compare: other messages, other documents, a closed document, bytes that are not UTF-8', async () => {
    const decoder = new FullTextDecoder({ minBytes: 1 });
    const text = 'a: 1\nb: 2\n'.repeat(20);
    await decoder.decode(change(text, 2), { charset: 'utf-8' });
    // Another document: nothing kept for it.
    const other = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///other.yaml', version: 2 }, contentChanges: [{ text: text + 'c: 3\n' }] } }));
    assert.deepEqual(await decoder.decode(other, { charset: 'utf-8' }), plain(other));
    // A request whose params hold a "text" key is not a change.
    const request = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'workspace/executeCommand', params: { command: 'x', arguments: [{ text }] } }));
    assert.deepEqual(await decoder.decode(request, { charset: 'utf-8' }), plain(request));
    // Bytes that are not UTF-8 inside the text: the decoder's replacement characters, as vscode-jsonrpc's.
    const broken = change(text.replace('b: 2', 'b: \u00ff'), 3);
    broken[broken.indexOf(Buffer.from('\u00ff'))] = 0xff;
    assert.deepEqual(await decoder.decode(broken, { charset: 'utf-8' }), plain(broken));
    // After a close, the next full text is decoded whole.
    await decoder.decode(Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: URI } } })), { charset: 'utf-8' });
    const reopened = change(text + 'z: 1\n', 5);
    assert.deepEqual(await decoder.decode(reopened, { charset: 'utf-8' }), plain(reopened));
    // An incremental change from the editor: what was kept no longer matches, so the next full text is decoded whole.
    const ranged = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: URI, version: 6 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'q' }] } }));
    assert.deepEqual(await decoder.decode(ranged, { charset: 'utf-8' }), plain(ranged));
    const after = change('q' + text + 'z: 1\n', 7);
    assert.deepEqual(await decoder.decode(after, { charset: 'utf-8' }), plain(after));
  });

  it('lets the connection observe every message', async () => {
    const seen: string[] = [];
    const decoder = new FullTextDecoder({ observe: (m) => seen.push((m as { method?: string }).method ?? '') });
    await decoder.decode(Buffer.from('{"jsonrpc":"2.0","id":9,"method":"shutdown"}'), { charset: 'utf-8' });
    assert.deepEqual(seen, ['shutdown']);
  });
});

describe('scanJsonString', () => {
  const scan = (literal: string) => {
    const bytes = Buffer.from(literal);
    return scanJsonString(bytes, 0, bytes.length);
  };

  it('counts the code units and line starts that JSON.parse and the protocol see', () => {
    const next = random(3);
    for (let k = 0; k < 500; k++) {
      const text = randomText(next, 30).replace(/\r(?!\n)/g, '');
      const literal = JSON.stringify(text);
      const bytes = Buffer.from(literal);
      const result = scanJsonString(bytes, 1, bytes.length);
      assert.ok(result, literal);
      assert.equal(result.stop, bytes.length - 1);
      assert.equal(result.units, text.length);
      const starts = [...text.matchAll(/\n/g)].map((m) => m.index! + 1);
      assert.equal(result.lineBytes.length, starts.length);
      // Each recorded byte is where that line's text starts in the literal.
      for (let line = 0; line < starts.length; line++) assert.equal(JSON.parse(`"${bytes.subarray(result.lineBytes[line], bytes.length - 1).toString()}"`), text.slice(starts[line]));
    }
  });

  it('gives up on what it could count wrongly', () => {
    assert.equal(scan('a\\rb'), undefined, 'a lone \\r');
    assert.equal(scan('a\\r'), undefined, 'a \\r at the end');
    assert.equal(scan('a\\'), undefined, 'an escape cut off');
    assert.equal(scan('\\u12'), undefined, 'a \\u escape cut off');
    assert.equal(scan('\\x41'), undefined, 'an escape JSON does not have');
    assert.equal(scan('a\tb'), undefined, 'a raw control character');
    assert.equal(scanJsonString(Buffer.from([0x61, 0xc3]), 0, 2), undefined, 'a character cut off');
    assert.equal(scanJsonString(Buffer.from([0xe0, 0x80, 0x80]), 0, 3), undefined, 'an overlong form');
    assert.equal(scanJsonString(Buffer.from([0xed, 0xa0, 0x80]), 0, 3), undefined, 'an encoded surrogate');
    assert.equal(scanJsonString(Buffer.from([0xff]), 0, 1), undefined, 'a byte UTF-8 never has');
    assert.deepEqual(scan('a\\r\\nb'), { stop: 6, units: 4, lineBytes: [5] });
    assert.equal(scan('ab"cd')?.stop, 2, 'stops at the closing quote');
  });
});
