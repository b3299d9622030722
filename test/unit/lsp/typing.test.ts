/** Where the user types (from incremental changes) and which new findings wait for a pause there. */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { holdWhileTyping, TypingTracker } from '../../../server/src/lsp/typing';

const at = (line: number, character: number, code: string, endCharacter = character + 3): Diagnostic => ({
  range: { start: { line, character }, end: { line, character: endCharacter } },
  message: code,
  code,
});

describe('typing pause', () => {
  it('tracks the position right after the last incremental change', () => {
    const tracker = new TypingTracker();
    const before = TextDocument.create('file:///a.yaml', 'yaml', 1, 'key: value\nother: x\n');
    const after = tracker.update(before, [{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 10 } }, text: '${{ vars.' }], 2);
    assert.equal(after.getText(), 'key: value${{ vars.\nother: x\n');
    assert.deepEqual(tracker.typing('file:///a.yaml', 2, 1000)?.edit.position, { line: 0, character: 19 });
    // Another version, a pause of 0, or a whole-text change: nobody is typing there.
    assert.equal(tracker.typing('file:///a.yaml', 3, 1000), undefined);
    assert.equal(tracker.typing('file:///a.yaml', 2, 0), undefined);
    tracker.update(after, [{ text: 'new' }], 3);
    assert.equal(tracker.typing('file:///a.yaml', 3, 1000), undefined);
  });

  it('holds new findings that start on the typed line at or before the cursor', () => {
    const { now, held } = holdWhileTyping([at(4, 10, 'malformed-expression'), at(4, 30, 'after-cursor'), at(7, 2, 'unused-variable')], { line: 4, character: 20 }, []);
    assert.deepEqual(held.map((d) => d.code), ['malformed-expression']);
    assert.deepEqual(now.map((d) => d.code), ['after-cursor', 'unused-variable']);
  });

  it('shows at once a finding the line already had (the user is correcting it)', () => {
    const { now, held } = holdWhileTyping([at(4, 10, 'invalid-type'), at(4, 2, 'ignored-field')], { line: 4, character: 20 }, [at(4, 9, 'invalid-type')]);
    assert.deepEqual(now.map((d) => d.code), ['invalid-type']);
    assert.deepEqual(held.map((d) => d.code), ['ignored-field']);
  });
});
