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

  it('has nothing for an undeclared variable, an unresolved reference or plain text', () => {
    for (const [find, at] of [
      ['vars.MISSING', 5],
      ['tools/missing', 3],
      ['Open', 1],
    ] as const) {
      const { analysis, position } = atCursor(cursorIn(find, at));
      assert.deepEqual(getDefinition(analysis, position, URI), [], find);
    }
  });

  it('goes from a reference to the identity of the resource it names', () => {
    const qualified = atCursor(cursorIn('tools/lookup', 8));
    const [toLookup] = getDefinition(qualified.analysis, qualified.position, URI);
    assert.equal(textAt(qualified.text, toLookup.range), 'lookup');
    assert.equal(lineOf(toLookup.range), 27);
    // A webhook's functionName is a bare name in namespace `default`.
    const bare = atCursor(cursorIn('functionName: notify', 16));
    const [toNotify] = getDefinition(bare.analysis, bare.position, URI);
    assert.equal(lineOf(toNotify.range), 30);
  });

  it('answers a resource identity with itself (so the editor offers its references)', () => {
    const { analysis, position, text } = atCursor(cursorIn('name: lookup', 8));
    const [self] = getDefinition(analysis, position, URI);
    assert.equal(textAt(text, self.range), 'lookup');
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

  it('lists the references to a resource, from a reference or from its identity', () => {
    const fromReference = atCursor(cursorIn('tools/lookup', 2));
    assert.deepEqual(
      getReferences(fromReference.analysis, fromReference.position, URI, true).map((l) => lineOf(l.range)),
      [23, 27],
    );
    const fromIdentity = atCursor(cursorIn('name: notify', 7));
    assert.deepEqual(
      getReferences(fromIdentity.analysis, fromIdentity.position, URI, false).map((l) => [lineOf(l.range), textAt(fromIdentity.text, l.range)]),
      [[34, 'notify']],
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
    const { analysis, position } = atCursor(cursorIn('tools/lookup'));
    const result = prepareRename(analysis, position);
    assert.ok(!result.ok);
    assert.match(result.error, /Only install-time variables/);
  });
});
