/** UTF-8 <-> UTF-16 columns at the LSP edge: negotiation, columns, and whole params/results. */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  LineColumns,
  linesOfDocument,
  negotiatePositionEncoding,
  PositionEncoder,
  utf16ToUtf8Column,
  utf8ToUtf16Column,
} from '../../../server/src/lsp/position-encoding';

// a (1 byte) ß (2 bytes) ✓ (3 bytes) 😀 (4 bytes, a surrogate pair) b
const LINE = 'aß✓😀b';
// UTF-16 column -> UTF-8 column at every character boundary.
const BOUNDARIES: [number, number][] = [
  [0, 0],
  [1, 1],
  [2, 3],
  [3, 6],
  [5, 10],
  [6, 11],
];

describe('position encoding', () => {
  it('takes the first supported encoding in the editor’s order, UTF-16 when none is offered', () => {
    assert.equal(negotiatePositionEncoding(['utf-8', 'utf-16']), 'utf-8');
    assert.equal(negotiatePositionEncoding(['utf-32', 'utf-8']), 'utf-8');
    assert.equal(negotiatePositionEncoding(['utf-16', 'utf-8']), 'utf-16');
    assert.equal(negotiatePositionEncoding(['utf-32']), 'utf-16');
    assert.equal(negotiatePositionEncoding([]), 'utf-16');
    assert.equal(negotiatePositionEncoding(undefined), 'utf-16');
  });

  it('ASCII columns are the same in both', () => {
    for (let c = 0; c <= 5; c++) {
      assert.equal(utf16ToUtf8Column('hello', c), c);
      assert.equal(utf8ToUtf16Column('hello', c), c);
    }
  });

  it('converts 1, 2, 3 and 4 byte characters both ways at every boundary', () => {
    for (const [utf16, utf8] of BOUNDARIES) {
      assert.equal(utf16ToUtf8Column(LINE, utf16), utf8, `utf16 ${utf16}`);
      assert.equal(utf8ToUtf16Column(LINE, utf8), utf16, `utf8 ${utf8}`);
    }
  });

  it('a byte column inside a character lands on its start', () => {
    assert.equal(utf8ToUtf16Column(LINE, 2), 1, 'inside ß');
    assert.equal(utf8ToUtf16Column(LINE, 4), 2, 'inside ✓');
    assert.equal(utf8ToUtf16Column(LINE, 5), 2, 'inside ✓');
    for (const inside of [7, 8, 9]) assert.equal(utf8ToUtf16Column(LINE, inside), 3, `inside 😀 at ${inside}`);
  });

  it('a UTF-16 column between the halves of a surrogate pair lands on the pair’s start', () => {
    assert.equal(utf16ToUtf8Column(LINE, 4), 6);
    assert.equal(utf16ToUtf8Column('😀', 1), 0);
  });

  it('a lone surrogate counts as 3 bytes (as U+FFFD would) without throwing', () => {
    assert.equal(utf16ToUtf8Column('\ud83dx', 2), 4);
    assert.equal(utf8ToUtf16Column('\ud83dx', 4), 2);
  });

  it('columns past the end of the line, or negative, are clamped', () => {
    assert.equal(utf8ToUtf16Column(LINE, 100), LINE.length);
    assert.equal(utf16ToUtf8Column(LINE, 100), 11);
    assert.equal(utf16ToUtf8Column(LINE, -3), 0);
    assert.equal(utf8ToUtf16Column(LINE, -3), 0);
    assert.equal(utf8ToUtf16Column('', 4), 0);
  });

  it('a long line converts from checkpoints exactly as a scan from its start does', () => {
    const long = 'x'.repeat(300) + 'aß✓😀b\ud83d '.repeat(400);
    const columns = new LineColumns(long);
    const bytes = Buffer.byteLength(long.replace(/\ud83d /g, '\ufffd ')); // the lone surrogate as U+FFFD
    for (let c = -1; c <= long.length + 2; c++) assert.equal(columns.toUtf8(c), utf16ToUtf8Column(long, c), `utf16 ${c}`);
    for (let b = -1; b <= bytes + 2; b++) assert.equal(columns.toUtf16(b), utf8ToUtf16Column(long, b), `utf8 ${b}`);
    assert.equal(columns.toUtf8(long.length), bytes);
    assert.equal(columns.toUtf16(bytes), long.length);
  });

  describe('PositionEncoder', () => {
    const uri = 'file:///a.yaml';
    const other = 'file:///b.yaml';
    const docs = new Map([
      [uri, TextDocument.create(uri, 'yaml', 1, `key: ${LINE}\nascii\n`)],
      [other, TextDocument.create(other, 'yaml', 1, `😀😀x\n`)],
    ]);
    const encoder = () => {
      const e = new PositionEncoder((u) => {
        const d = docs.get(u);
        return d && linesOfDocument(d);
      });
      e.encoding = 'utf-8';
      return e;
    };
    const at = (line: number, character: number) => ({ line, character });

    it('changes nothing (not even a copy) while the encoding is UTF-16', () => {
      const e = encoder();
      e.encoding = 'utf-16';
      const params = { textDocument: { uri }, position: at(0, 13) };
      assert.equal(e.incoming(params), params);
      assert.equal(e.outgoing(params, uri), params);
    });

    it('converts request positions and ranges against the request’s document, without touching the input', () => {
      const params = { textDocument: { uri }, position: at(0, 5 + 10), range: { start: at(0, 5 + 3), end: at(1, 3) } };
      const converted = encoder().incoming(params);
      assert.deepEqual(converted, { textDocument: { uri }, position: at(0, 5 + 5), range: { start: at(0, 5 + 2), end: at(1, 3) } });
      assert.deepEqual(params.position, at(0, 15), 'input left as it was');
    });

    it('converts results per document: Locations, WorkspaceEdit changes, TextDocumentEdits, LocationLinks', () => {
      const e = encoder();
      const range = (line: number, s: number, end: number) => ({ start: at(line, s), end: at(line, end) });
      const result = {
        locations: [{ uri, range: range(0, 7, 10) }, { uri: other, range: range(0, 2, 4) }],
        edit: { changes: { [uri]: [{ range: range(0, 8, 10), newText: 'x' }], [other]: [{ range: range(0, 4, 5), newText: 'y' }] } },
        documentChanges: [{ textDocument: { uri: other, version: 1 }, edits: [{ range: range(0, 2, 2), newText: '' }] }],
        link: { targetUri: other, targetRange: range(0, 0, 4), targetSelectionRange: range(0, 2, 4), originSelectionRange: range(0, 5, 6) },
        hover: { contents: { kind: 'markdown', value: 'x' }, range: range(0, 5, 6) },
      };
      const out = e.outgoing(result, uri);
      assert.deepEqual(out.locations, [{ uri, range: range(0, 8, 15) }, { uri: other, range: range(0, 4, 8) }]);
      assert.deepEqual(out.edit.changes[uri][0].range, range(0, 11, 15));
      assert.deepEqual(out.edit.changes[other][0].range, range(0, 8, 9));
      assert.deepEqual(out.documentChanges[0].edits[0].range, range(0, 4, 4));
      assert.deepEqual(out.link, { targetUri: other, targetRange: range(0, 0, 8), targetSelectionRange: range(0, 4, 8), originSelectionRange: range(0, 5, 6) });
      assert.deepEqual(out.hover.range, range(0, 5, 6));
    });

    it('uses given lines for the main document (diagnostics of analysed text), leaves unknown documents and lines alone', () => {
      const e = encoder();
      const diagnostics = [{ range: { start: at(0, 1), end: at(7, 2) }, relatedInformation: [{ location: { uri: 'file:///unknown.yaml', range: { start: at(0, 1), end: at(0, 1) } } }] }];
      const out = e.outgoing(diagnostics, 'file:///closed.yaml', (line) => (line === 0 ? 'ß' : undefined));
      assert.deepEqual(out[0].range, { start: at(0, 2), end: at(7, 2) });
      assert.deepEqual(out[0].relatedInformation[0].location.range.start, at(0, 1));
    });

    it('passes non-plain results (errors) through', () => {
      const error = new Error('no');
      assert.equal(encoder().outgoing(error, uri), error);
      assert.equal(encoder().outgoing(null, uri), null);
    });

    it('applies incremental changes in UTF-8, each against the text before it', () => {
      const e = encoder();
      const document = TextDocument.create(uri, 'yaml', 1, 'ß😀x\nyy\n');
      // Replace 😀 (bytes 2..6) by ✓ (3 bytes); then x ends at byte 6 of the changed line, not 7.
      const updated = e.applyChanges(document, [{ range: { start: at(0, 2), end: at(0, 6) }, text: '✓' }, { range: { start: at(0, 6), end: at(0, 6) }, text: '!' }], 2);
      assert.equal(updated.getText(), 'ß✓x!\nyy\n');
      assert.equal(updated.version, 2);
      // A full-text change has no range to convert.
      assert.equal(e.applyChanges(updated, [{ text: 'new' }], 3).getText(), 'new');
    });
  });
});
