/**
 * Where completion thinks the cursor is, on the half-typed (often invalid) YAML it gets: the path
 * of the mapping or value, what is typed so far, and the keys already present.
 */
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text/line-index';
import { cursorPositions, type CursorPosition } from '../../../server/src/features/completion/cursor-context';
import { TextLines } from '../../../server/src/features/yaml-lines';

const HEAD = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: x\nspec:\n';

type Summary = { kind: string; path: (string | number)[]; partial: string; siblings?: string[]; itemColumn?: boolean; afterDash?: boolean };

function positionsAt(source: string): Summary[] {
  const offset = source.indexOf('‸');
  const text = source.replace('‸', '');
  const index = new LineIndex(text);
  const { line, character } = index.positionAt(offset);
  return cursorPositions(new TextLines(text, index), line, character).map((p: CursorPosition) =>
    p.kind === 'key'
      ? { kind: p.kind, path: p.path, partial: p.partial, siblings: [...p.siblings].sort(), itemColumn: p.itemColumn, afterDash: p.afterDash }
      : { kind: p.kind, path: p.path, partial: p.partial },
  );
}

describe('completion context', () => {
  it('reads a bare word as a key being typed, with the siblings above and below', () => {
    assert.deepEqual(positionsAt(HEAD + '  functions:\n    - name: a\n      co‸\n      timeout: 3\n    - name: b\n'), [
      { kind: 'key', path: ['spec', 'functions', 0], partial: 'co', siblings: ['name', 'timeout'], itemColumn: false, afterDash: false },
    ]);
  });

  it('counts items for the index of the one being edited', () => {
    assert.deepEqual(positionsAt(HEAD + '  functions:\n    - name: a\n    - name: b\n      code: |\n        x\n      ‸\n')[0].path, ['spec', 'functions', 1]);
  });

  it('offers nothing inside a block scalar or a multi-line plain scalar', () => {
    assert.deepEqual(positionsAt(HEAD + '  functions:\n    - name: a\n      code: |\n        x = 1\n        ‸\n'), []);
    assert.deepEqual(positionsAt(HEAD + '  functions:\n    - name: a\n      description: some long\n        text ‸\n'), []);
  });

  it('sees `- ` as a new item: its first key, or its value', () => {
    assert.deepEqual(positionsAt(HEAD + '  functions:\n    - name: a\n    - ‸\n'), [
      { kind: 'key', path: ['spec', 'functions', 1], partial: '', siblings: [], itemColumn: false, afterDash: true },
      { kind: 'value', path: ['spec', 'functions', 1], partial: '' },
    ]);
  });

  it('sees the column of a sequence’s dashes as a new item of that sequence', () => {
    assert.deepEqual(positionsAt(HEAD + '  functions:\n    - name: a\n      code: x\n    ‸\n'), [
      { kind: 'key', path: ['spec', 'functions'], partial: '', siblings: [], itemColumn: true, afterDash: false },
    ]);
  });

  it('finds values in lists of references and in item mappings, indentless or not', () => {
    assert.deepEqual(positionsAt(HEAD + '  agents:\n    - name: a\n      enabledFunctions:\n        - tools/x\n        - to‸\n')[1], {
      kind: 'value',
      path: ['spec', 'agents', 0, 'enabledFunctions', 1],
      partial: 'to',
    });
    assert.deepEqual(positionsAt(HEAD + '  agents:\n  - name: a\n    enabledSkills:\n    - skill: x\n    - skill: ‸\n'), [
      { kind: 'value', path: ['spec', 'agents', 0, 'enabledSkills', 1, 'skill'], partial: '' },
    ]);
    assert.deepEqual(positionsAt(HEAD + '  agents:\n    - name: a\n      enabledSkills:\n      - skill: x\n        pre‸\n')[0].path, [
      'spec',
      'agents',
      0,
      'enabledSkills',
      0,
    ]);
  });

  it('reads quoted values inside their quotes, and `key:` without a space', () => {
    assert.deepEqual(positionsAt(HEAD + '  webhooks:\n    - path: a\n      httpMethod: "P‸"\n'), [
      { kind: 'value', path: ['spec', 'webhooks', 0, 'httpMethod'], partial: 'P' },
    ]);
    assert.deepEqual(positionsAt(HEAD + '  variables:\n  - name: A\n    type:‸\n'), [{ kind: 'value', path: ['spec', 'variables', 0, 'type'], partial: '' }]);
  });

  it('works at the top and directly under spec', () => {
    assert.deepEqual(positionsAt('pack‸\n' + HEAD)[0], {
      kind: 'key',
      path: [],
      partial: 'pack',
      siblings: ['apiVersion', 'kind', 'package', 'spec'],
      itemColumn: false,
      afterDash: false,
    });
    assert.deepEqual(positionsAt(HEAD + '  ag‸\n  functions: []\n')[0].siblings, ['functions']);
  });

  it('ignores comments', () => {
    assert.deepEqual(positionsAt(HEAD + '  # fun‸\n'), []);
    assert.deepEqual(positionsAt(HEAD + '  functions: [] # a‸\n'), []);
  });
});
