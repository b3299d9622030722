/**
 * The server's document keeps edits as pieces and joins the text only when read; it must agree
 * with the reference TextDocument (vscode-languageserver-textdocument) opened on the same text on
 * text, offsets and positions after any sequence of incremental and full changes, and hand the
 * parser the same edits. (The reference updated in place counts a `\r\n` an edit joins as two line
 * breaks, and loses track of its lines after a range past its last line that spans lines.)
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { EditedDocument } from '../../../server/src/lsp/edited-document';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Every protocol line break, also a lone `\r` and pairs split or joined by an edit (the fuzzer types them).
const INSERTS = ['', 'x', 'ab', '\n', 'line\nline\n', '  - name: n\n', '\u2603', '\r', '\r\n', 'a\rb\r\nc'];

describe('EditedDocument', () => {
  it('matches the reference document after random changes, joining the text only when read', () => {
    const next = random(7);
    const initial = 'apiVersion: sinas.co/v1\nkind: SinasPackage\nspec:\n  functions:\n    - name: a\n';
    let reference = TextDocument.create('file:///a.yaml', 'yaml', 1, initial);
    const ours = EditedDocument.create('file:///a.yaml', 'yaml', 1, initial);
    let replayed = initial;
    for (let version = 2; version < 400; version++) {
      const text = reference.getText();
      const changes: TextDocumentContentChangeEvent[] = [];
      for (let k = Math.floor(next() * 3) + 1; k > 0; k--) {
        const length = reference.getText().length + changes.length * 10;
        const a = Math.floor(next() * (length + 1));
        const b = Math.min(length, a + Math.floor(next() * 5));
        const range = { start: reference.positionAt(Math.min(a, text.length)), end: reference.positionAt(Math.min(b, text.length)) };
        // Now and then backwards (start after end), which both read as the same range.
        if (next() < 0.1) [range.start, range.end] = [range.end, range.start];
        changes.push({ range, text: INSERTS[Math.floor(next() * INSERTS.length)] });
      }
      if (next() < 0.05) changes.push({ text: `full text ${version}\nsecond line\n` });
      // Each change applied to a reference opened on the text before it, as the protocol reads them.
      for (const change of changes) {
        const after = 'range' in change ? TextDocument.applyEdits(reference, [{ range: change.range, newText: change.text }]) : change.text;
        reference = TextDocument.create('file:///a.yaml', 'yaml', version, after);
      }
      EditedDocument.update(ours, changes, version);
      assert.equal(ours.length, reference.getText().length);
      assert.equal(ours.lineCount, reference.lineCount);
      for (let probe = 0; probe < 5; probe++) {
        const offset = Math.floor(next() * (ours.length + 1));
        assert.deepEqual(ours.positionAt(offset), reference.positionAt(offset), `positionAt(${offset}) at version ${version}`);
        const position = reference.positionAt(offset);
        assert.equal(ours.offsetAt(position), reference.offsetAt(position));
        // Past a line's end (and past the last line), as clients sometimes send.
        const past = { line: Math.floor(next() * (ours.lineCount + 1)), character: Math.floor(next() * 90) };
        assert.equal(ours.offsetAt(past), reference.offsetAt(past), `offsetAt(${JSON.stringify(past)}) at version ${version}`);
      }
      // The edits handed to the parser rebuild the same text.
      const edits = ours.takeEdits();
      if (edits === 'replaced') replayed = reference.getText();
      else for (const e of edits) replayed = replayed.slice(0, e.start) + e.text + replayed.slice(e.end);
      assert.equal(replayed, reference.getText());
      if (next() < 0.3) assert.equal(ours.getText(), reference.getText(), `text at version ${version}`);
    }
    assert.equal(ours.getText(), reference.getText());
  });

  it('counts a CR LF pair that an edit joins or splits as a fresh open of the text does', () => {
    const cases: [string, { line: number; character: number }, { line: number; character: number }, string][] = [
      ['a\rb\nc', { line: 1, character: 0 }, { line: 1, character: 1 }, ''], // the text between them deleted
      ['a\rb', { line: 1, character: 0 }, { line: 1, character: 0 }, '\n'], // a `\n` typed after a lone `\r`
      ['ab\nc', { line: 0, character: 2 }, { line: 0, character: 2 }, 'x\r'], // a `\r` typed before a `\n`
      ['a\r\nb', { line: 0, character: 1 }, { line: 0, character: 1 }, 'x'], // before the pair: still one
    ];
    for (const [text, start, end, inserted] of cases) {
      const ours = EditedDocument.update(EditedDocument.create('file:///a.yaml', 'yaml', 1, text), [{ range: { start, end }, text: inserted }], 2);
      const fresh = TextDocument.create('file:///a.yaml', 'yaml', 2, ours.getText());
      assert.equal(ours.lineCount, fresh.lineCount, JSON.stringify(ours.getText()));
      for (let offset = 0; offset <= fresh.getText().length; offset++) assert.deepEqual(ours.positionAt(offset), fresh.positionAt(offset), `${JSON.stringify(ours.getText())} at ${offset}`);
    }
  });

  it('gives a snapshot that refuses to read a later version', () => {
    const doc = EditedDocument.create('file:///b.yaml', 'yaml', 1, 'a: 1\n');
    const snapshot = doc.snapshot();
    assert.equal(snapshot.read(), 'a: 1\n');
    EditedDocument.update(doc, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, text: '2' }], 2);
    assert.throws(() => snapshot.read(), /changed since version 1/);
    assert.equal(doc.snapshot().read(), 'a: 2\n');
  });

  it('shifts the line starts after an edit lazily: typing on one line rewrites none of them', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `line ${i}`).join('\n');
    const doc = EditedDocument.create('file:///c.yaml', 'yaml', 1, text);
    const stored = () => (doc as unknown as { lineStarts: { values: Int32Array } }).lineStarts.values.slice();
    const at = { line: 10_000, character: 4 };
    EditedDocument.update(doc, [{ range: { start: at, end: at }, text: 'x' }], 2);
    const before = stored();
    for (let version = 3; version < 23; version++) {
      const position = { line: 10_000, character: 4 + (version % 3) };
      EditedDocument.update(doc, [{ range: { start: position, end: position }, text: 'y' }], version);
    }
    const after = stored();
    assert.equal(after.filter((value, k) => value !== before[k]).length, 0);
    const reference = TextDocument.create('file:///c.yaml', 'yaml', 1, doc.getText());
    for (const line of [0, 9_999, 10_000, 10_001, 19_999]) assert.equal(doc.offsetAt({ line, character: 0 }), reference.offsetAt({ line, character: 0 }));
  });
});
