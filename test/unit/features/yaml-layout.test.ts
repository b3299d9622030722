/** Writing YAML the way the file does, with scalars PyYAML reads back unchanged. */
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { analyze } from '../../../server/src/core/analyze';
import { layoutOf, yamlScalar } from '../../../server/src/features/yaml-layout';

const HEAD = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: x\nspec:\n';

describe('yaml layout', () => {
  it('quotes only the strings YAML 1.1 would read as something else', () => {
    for (const value of ['yes', 'off', 'null', '~', '1.0', '0x1f', '2024-01-02', '', ' padded', 'a: b', '- x', '#tag', 'x #y']) {
      assert.equal(yamlScalar(value), JSON.stringify(value), value);
      assert.equal(parse(`v: ${yamlScalar(value)}`).v, value, value);
    }
    for (const value of ['GET', 'tools/lookup', 'default', '${{ vars.X }}', 'llm_providers']) assert.equal(yamlScalar(value), value);
    assert.equal(yamlScalar(true), 'true');
    assert.equal(yamlScalar(30), '30');
  });

  it('reads the indentation step and the sequence style from the file', () => {
    assert.deepEqual(layoutOf(analyze(HEAD + '  functions:\n    - name: f\n')), { unit: 2, dashIndent: 2, itemIndent: 2 });
    assert.deepEqual(layoutOf(analyze(HEAD.replace('  name', '    name') + '    functions:\n    -   name: f\n')), { unit: 4, dashIndent: 0, itemIndent: 4 });
    assert.deepEqual(layoutOf(analyze(HEAD + '  functions: []\n')), { unit: 2, dashIndent: 2, itemIndent: 2 });
  });
});
