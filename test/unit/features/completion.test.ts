/** Completion through the pure feature: items offered at `‸`, and the text after choosing one. */
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { getCompletions } from '../../../server/src/features/completion';
import { applyEdits, atCursor } from '../../support/cursor';

const HEAD = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: demo
spec:
  variables:
    - name: APP_URL
      type: text
      description: Base URL of the app
      required: true
    - name: ENABLE_LOGGING
      type: boolean
      default: false
`;

function itemsAt(source: string): CompletionItem[] {
  const { analysis, position } = atCursor(source);
  return getCompletions(analysis, position).items;
}

/** The document after choosing the item labelled `label`. */
function complete(source: string, label: string): string {
  const { analysis, position, text } = atCursor(source);
  const item = getCompletions(analysis, position).items.find((i) => i.label === label);
  assert.ok(item, `no completion item labelled ${label}`);
  return applyEdits(text, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);
}

describe('completion: variables in ${{ }}', () => {
  it('offers every declared variable after `${{ vars.`', () => {
    const items = itemsAt(HEAD + '  connectors:\n    - name: api\n      baseUrl: "${{ vars.‸"\n');
    assert.deepEqual(
      items.map((i) => i.label),
      ['APP_URL', 'ENABLE_LOGGING'],
    );
    assert.equal(items[0].detail, 'text, required');
    assert.equal(items[1].detail, 'boolean, default false');
    assert.match((items[0].documentation as { value: string }).value, /Base URL of the app/);
  });

  it('replaces a partly typed name and closes the expression', () => {
    assert.equal(
      complete(HEAD + '  connectors:\n    - name: api\n      baseUrl: "${{ vars.AP‸/v1"\n', 'APP_URL'),
      HEAD + '  connectors:\n    - name: api\n      baseUrl: "${{ vars.APP_URL }}/v1"\n',
    );
  });

  it('replaces the whole name when the cursor is inside it, keeping an existing `}}`', () => {
    assert.equal(
      complete(HEAD + '  connectors:\n    - name: api\n      baseUrl: "${{ vars.AP‸X_URL }}"\n', 'APP_URL'),
      HEAD + '  connectors:\n    - name: api\n      baseUrl: "${{ vars.APP_URL }}"\n',
    );
  });

  it('adds `vars.` after `${{ `', () => {
    assert.equal(
      complete(HEAD + '  connectors:\n    - name: api\n      baseUrl: ${{ ‸\n', 'APP_URL'),
      HEAD + '  connectors:\n    - name: api\n      baseUrl: ${{ vars.APP_URL }}\n',
    );
  });

  it('adds the spaces too around a name typed into `${{}}`, and completes a partly typed `va`', () => {
    assert.equal(complete(HEAD + '  x: ${{‸}}\n', 'APP_URL'), HEAD + '  x: ${{ vars.APP_URL }}\n');
    assert.equal(complete(HEAD + '  x: ${{ va‸\n', 'ENABLE_LOGGING'), HEAD + '  x: ${{ vars.ENABLE_LOGGING }}\n');
  });

  it('turns a `$` or an auto-closed `${}` into a whole expression', () => {
    assert.equal(complete(HEAD + '  x: $‸\n', 'APP_URL'), HEAD + '  x: ${{ vars.APP_URL }}\n');
    assert.equal(complete(HEAD + '  x: "${‸}"\n', 'APP_URL'), HEAD + '  x: "${{ vars.APP_URL }}"\n');
  });

  it('works inside block scalars and on a broken line', () => {
    const source = HEAD + '  functions:\n    - name: f\n      code: |\n        url = "${{ vars.‸\n      broken: [\n';
    assert.deepEqual(
      itemsAt(source).map((i) => i.label),
      ['APP_URL', 'ENABLE_LOGGING'],
    );
  });

  it('offers nothing after a closed expression or after another context', () => {
    assert.deepEqual(itemsAt(HEAD + '  x: ${{ vars.APP_URL }} ‸\n'), []);
    assert.deepEqual(itemsAt(HEAD + '  x: ${{ secrets.‸\n'), []);
  });

  it('offers nothing outside a SinasPackage', () => {
    assert.deepEqual(itemsAt('name: ci\nvalue: ${{ vars.‸\n'), []);
  });

  it('filters on the text the client sees in the range', () => {
    const [item] = itemsAt(HEAD + '  x: ${{ va‸\n');
    assert.equal(item.filterText, 'vars.APP_URL');
    const [named] = itemsAt(HEAD + '  x: ${{ vars.AP‸\n');
    assert.equal(named.filterText, 'APP_URL');
  });
});
