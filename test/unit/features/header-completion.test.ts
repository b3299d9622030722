/**
 * Completion before a document is a package: the skeleton in an empty file, the header keys and
 * values in a `*.sinas.yaml` file or in YAML that holds nothing but package keys so far, and
 * nothing in other YAML.
 */
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../../../server/src/core/analyze';
import { getCompletions } from '../../../server/src/features/completion';
import { applyEdits, atCursor, expandSnippet as expand } from '../../support/cursor';

/** The items in the order the editor lists them (by sortText). */
function itemsAt(source: string, byFileName = false): CompletionItem[] {
  const { analysis, position } = atCursor(source);
  return getCompletions(analysis, position, { byFileName }).items.sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

function complete(source: string, label: string, byFileName = false): string {
  const { text } = atCursor(source);
  const item = itemsAt(source, byFileName).find((i) => i.label === label);
  assert.ok(item, `no completion item labelled ${label}`);
  return applyEdits(text, [item.textEdit as TextEdit]);
}


describe('completion: the header of a new package', () => {
  it('offers the whole skeleton in an empty document, which is then a package without errors', () => {
    for (const source of ['‸', '‸\n', '# my package\n‸\n']) {
      const [first, ...rest] = itemsAt(source);
      assert.equal(first.label, 'SinasPackage', JSON.stringify(source));
      // In YAML not named *.sinas.yaml, nothing else: other YAML files are not ours to fill.
      assert.deepEqual(rest, []);
      const text = expand(complete(source, 'SinasPackage'));
      assert.match(text, /^(# my package\n)?apiVersion: sinas\.co\/v1\nkind: SinasPackage\npackage:\n  name: my-package\n  version: "1\.0\.0"/);
      const analysis = analyze(text);
      assert.ok(analysis.isSinasPackage);
      assert.deepEqual(analysis.findings.filter((f) => f.severity === 'error'), []);
    }
  });

  it('offers the header keys too in an empty *.sinas.yaml, with their one value', () => {
    const labels = itemsAt('‸', true).map((i) => i.label);
    assert.deepEqual(labels, ['SinasPackage', 'apiVersion', 'kind', 'package', 'spec', 'metadata']);
    assert.equal(expand(complete('‸', 'apiVersion', true)), 'apiVersion: sinas.co/v1');
    assert.equal(expand(complete('‸', 'kind', true)), 'kind: SinasPackage');
  });

  it('completes `apiVersion:` and `kind:` values and the missing keys as the header is typed', () => {
    assert.deepEqual(itemsAt('apiVersion: ‸\n').map((i) => i.label), ['sinas.co/v1']);
    assert.equal(complete('apiVersion: sinas.co/v1\nkind: Si‸\n', 'SinasPackage'), 'apiVersion: sinas.co/v1\nkind: SinasPackage\n');
    assert.deepEqual(itemsAt('apiVersion: sinas.co/v1\n‸\n').map((i) => i.label), ['kind', 'package', 'spec', 'metadata']);
    // `package:`'s own keys, required first.
    const keys = itemsAt('apiVersion: sinas.co/v1\npackage:\n  ‸\n').map((i) => i.label);
    assert.deepEqual(keys.slice(0, 2), ['name', 'version']);
  });

  it('in a *.sinas.yaml file, completes the header whatever else the file holds', () => {
    const source = 'package:\n  name: demo\nspec: {}\nfoo: 1\n‸\n';
    assert.deepEqual(itemsAt(source), []);
    assert.deepEqual(itemsAt(source, true).map((i) => i.label), ['apiVersion', 'kind', 'metadata']);
  });

  it('leaves other YAML alone', () => {
    assert.deepEqual(itemsAt('name: CI\non: push\n‸\n'), []);
    assert.deepEqual(itemsAt('apiVersion: apps/v1\nkind: ‸\n'), []);
    assert.deepEqual(itemsAt('apiVersion: v1\nkind: Pod\n‸\n'), []);
    assert.deepEqual(itemsAt('- a\n- ‸\n'), []);
  });
});
