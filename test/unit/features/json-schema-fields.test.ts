/** Completion and hover inside JSON Schema fields (`inputSchema`, a store's `schema`, …), from JSON Schema's keywords. */
import assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { getCompletions } from '../../../server/src/features/completion';
import { getHover } from '../../../server/src/features/hover';
import { applyEdits, atCursor, textAt } from '../../support/cursor';

const HEAD = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: demo
spec:
  functions:
    - name: lookup
      code: |
        def handler(input_data, context):
            return {}
      inputSchema:
        type: object
`;

function itemsAt(source: string): CompletionItem[] {
  const { analysis, position } = atCursor(source);
  return getCompletions(analysis, position).items;
}

describe('JSON Schema fields: completion and hover', () => {
  it('offers JSON Schema keywords as keys, without those already written', () => {
    const labels = itemsAt(HEAD + '        ‸\n').map((i) => i.label);
    for (const keyword of ['properties', 'required', 'additionalProperties', 'description', '$defs']) assert.ok(labels.includes(keyword), keyword);
    assert.ok(!labels.includes('type'), 'type is already there');
    assert.ok(!labels.includes('namespace'), 'no package-schema keys inside a JSON Schema');
  });

  it('offers keywords inside nested schemas (a property, a list item of anyOf)', () => {
    const nested = itemsAt(HEAD + '        properties:\n          name:\n            ‸\n').map((i) => i.label);
    assert.ok(nested.includes('minLength') && nested.includes('enum'), nested.join(' '));
    const branch = itemsAt(HEAD + '        anyOf:\n          - ‸\n').map((i) => i.label);
    assert.ok(branch.includes('type'), branch.join(' '));
  });

  it('offers the JSON types as values of `type`', () => {
    const { analysis, position, text } = atCursor(HEAD + '        properties:\n          n:\n            type: ‸\n');
    const items = getCompletions(analysis, position).items;
    assert.deepEqual(items.map((i) => i.label), ['object', 'string', 'integer', 'number', 'boolean', 'array', 'null']);
    const integer = items.find((i) => i.label === 'integer')!;
    assert.match(applyEdits(text, [integer.textEdit as TextEdit]), /type: integer\n$/);
  });

  it('explains a keyword on hover', () => {
    const { analysis, position, text } = atCursor(HEAD + '        requ‸ired: [name]\n');
    const hover = getHover(analysis, position);
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /property names an object must have/);
    assert.equal(textAt(text, hover.range!), 'required');
  });
});
