/** Go to definition, find references and rename through the pure features. */
import assert from 'node:assert/strict';
import { getDefinition } from '../../../server/src/features/definition';
import { getReferences } from '../../../server/src/features/references';
import { getRenameEdits, prepareRename } from '../../../server/src/features/rename';
import { applyWorkspaceEdit, atCursor, textAt } from '../../support/cursor';
import { cursorIn, PACKAGE } from './fixtures';

const URI = 'file:///demo/package.yaml';

/** 1-based line of a range's start, as an editor shows it. */
function lineOf(range: { start: { line: number } }): number {
  return range.start.line + 1;
}

describe('definition', () => {
  it('goes from a use to the declaration name', () => {
    const { analysis, position, text } = atCursor(cursorIn('vars.APP_URL', 9, 1));
    const [location] = getDefinition(analysis, position, URI);
    assert.equal(location.uri, URI);
    assert.equal(textAt(text, location.range), 'APP_URL');
    assert.equal(lineOf(location.range), 7);
  });

  it('points inside the quotes of a quoted name', () => {
    const { analysis, position, text } = atCursor(cursorIn('vars.PRIMARY_LLM', 5));
    const [location] = getDefinition(analysis, position, URI);
    assert.equal(textAt(text, location.range), 'PRIMARY_LLM');
    assert.equal(location.range.start.character, 13);
  });

  it('has nothing for an undeclared variable or plain text', () => {
    const missing = atCursor(cursorIn('vars.MISSING', 5));
    assert.deepEqual(getDefinition(missing.analysis, missing.position, URI), []);
    const plain = atCursor(cursorIn('helper'));
    assert.deepEqual(getDefinition(plain.analysis, plain.position, URI), []);
  });
});

describe('references', () => {
  it('lists every use, and the declaration when asked', () => {
    const { analysis, position, text } = atCursor(cursorIn('vars.APP_URL', 6));
    const uses = getReferences(analysis, position, URI, false);
    assert.deepEqual(
      uses.map((l) => [lineOf(l.range), textAt(text, l.range)]),
      [
        [16, 'APP_URL'],
        [21, 'APP_URL'],
      ],
    );
    const all = getReferences(analysis, position, URI, true);
    assert.deepEqual(
      all.map((l) => lineOf(l.range)),
      [7, 16, 21],
    );
  });

  it('works from the declaration too', () => {
    const { analysis, position } = atCursor(cursorIn('PRIMARY_LLM'));
    assert.equal(getReferences(analysis, position, URI, true).length, 2);
  });
});

describe('rename', () => {
  it('prepares on the name only', () => {
    const { analysis, position, text } = atCursor(cursorIn('vars.APP_URL', 8));
    const prepared = prepareRename(analysis, position);
    assert.ok(prepared.ok);
    assert.equal(prepared.value.placeholder, 'APP_URL');
    assert.equal(textAt(text, prepared.value.range), 'APP_URL');
  });

  it('renames the declaration and every use', () => {
    const { analysis, position, text } = atCursor(cursorIn('vars.APP_URL', 6));
    const result = getRenameEdits(analysis, position, 'BASE_URL', URI);
    assert.ok(result.ok);
    assert.equal(applyWorkspaceEdit(text, result.value, URI), PACKAGE.replaceAll('APP_URL', 'BASE_URL'));
  });

  it('keeps the quotes of a quoted declaration', () => {
    const { analysis, position, text } = atCursor(cursorIn('PRIMARY_LLM', 2));
    const result = getRenameEdits(analysis, position, 'LLM', URI);
    assert.ok(result.ok);
    assert.equal(applyWorkspaceEdit(text, result.value, URI), PACKAGE.replaceAll('PRIMARY_LLM', 'LLM'));
  });

  it('refuses names Sinas would not substitute, and names already declared', () => {
    const { analysis, position } = atCursor(cursorIn('vars.APP_URL', 6));
    for (const bad of ['base-url', '1URL', 'a b', '']) {
      const result = getRenameEdits(analysis, position, bad, URI);
      assert.ok(!result.ok);
      assert.match(result.error, /not a valid variable name/);
    }
    const taken = getRenameEdits(analysis, position, 'PRIMARY_LLM', URI);
    assert.ok(!taken.ok);
    assert.match(taken.error, /already declared/);
  });

  it('refuses to rename what is not a variable', () => {
    const { analysis, position } = atCursor(cursorIn('helper'));
    const result = prepareRename(analysis, position);
    assert.ok(!result.ok);
    assert.match(result.error, /Only install-time variables/);
  });
});
