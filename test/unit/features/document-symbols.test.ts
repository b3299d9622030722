/** The outline: package → sections → resources named by their Sinas identity. */
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { analyze } from '../../../server/src/core/analyze';
import { getDocumentSymbols } from '../../../server/src/features/document-symbols';
import { generatePackage } from '../../support/generate-package';

const TEXT = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: crm
spec:
  variables:
    - name: APP_URL
      type: text
  functions:
    - namespace: tools
      name: lookup
      code: x
    - name: plain
      code: y
  webhooks:
    - path: hooks/in
      functionName: plain
  agents:
    - description: no name yet
`;

type Tree = [string, string | undefined, SymbolKind, Tree[]?];

function shape(symbols: DocumentSymbol[]): Tree[] {
  return symbols.map((s) => (s.children?.length ? [s.name, s.detail, s.kind, shape(s.children)] : [s.name, s.detail, s.kind]));
}

describe('document symbols', () => {
  it('names resources by identity, under their sections, under the package', () => {
    const { symbols, truncated } = getDocumentSymbols(analyze(TEXT));
    assert.equal(truncated, false);
    assert.deepEqual(shape(symbols), [
      [
        'crm',
        'SinasPackage',
        SymbolKind.Package,
        [
          ['variables', '1 variable', SymbolKind.Namespace, [['APP_URL', 'text', SymbolKind.Variable]]],
          [
            'functions',
            '2 items',
            SymbolKind.Namespace,
            [
              ['tools/lookup', 'function', SymbolKind.Function],
              ['default/plain', 'function', SymbolKind.Function],
            ],
          ],
          ['webhooks', '1 webhook', SymbolKind.Namespace, [['hooks/in', 'webhook', SymbolKind.Event]]],
          ['agents', '1 agent', SymbolKind.Namespace, [['(unnamed agent #1)', 'agent', SymbolKind.Object]]],
        ],
      ],
    ]);
  });

  it('selects the identity and spans the whole item', () => {
    const [root] = getDocumentSymbols(analyze(TEXT)).symbols;
    const lookup = root.children![1].children![0];
    assert.deepEqual(lookup.selectionRange, { start: { line: 10, character: 12 }, end: { line: 10, character: 18 } });
    assert.deepEqual(lookup.range, { start: { line: 9, character: 6 }, end: { line: 11, character: 13 } });
  });

  it('stops at the cap and says so', () => {
    const analysis = analyze(generatePackage(2000));
    const { symbols, truncated } = getDocumentSymbols(analysis, 50);
    const count = (list: DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
    assert.equal(truncated, true);
    assert.equal(count(symbols), 50);
  });

  it('is empty for YAML that is not a package', () => {
    assert.deepEqual(getDocumentSymbols(analyze('name: ci\non: push\n')).symbols, []);
  });

  it('lists the module-level Python functions of a function\'s code, on their lines', () => {
    const text = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: crm
spec:
  functions:
    - name: lookup
      code: |
        import json

        def _helper(x):
            return x

        class Tool:
            def method(self):
                pass

        def handler(input_data, context):
            return _helper(input_data)
`;
    const [root] = getDocumentSymbols(analyze(text)).symbols;
    const fn = root.children![0].children![0];
    assert.deepEqual(
      fn.children!.map((c) => [c.name, c.detail, c.range.start.line, c.range.end.line, c.selectionRange.start.character]),
      [
        ['_helper()', 'Python', 10, 11, 12],
        ['handler()', 'entry point', 17, 18, 12],
      ],
    );
  });
});
