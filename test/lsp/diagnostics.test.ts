/** Diagnostics published by the built server, over stdio and node-ipc. */
import assert from 'node:assert/strict';
import { TestLspClient } from '../support/lsp-client';

const PACKAGE = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: demo
spec:
  variables:
    - name: APP_URL
      type: text
  connectors:
    - name: api
      baseUrl: "\${{ vars.APP_URL }}/v1/\${{ vars.MISSING }}"
`;

for (const transport of ['stdio', 'ipc'] as const) {
  describe(`diagnostics over ${transport}`, () => {
    let client: TestLspClient;
    before(async () => {
      client = await TestLspClient.start(transport);
    });
    after(() => client.stop());

    it('reports an undeclared variable on its name, with code and source', async () => {
      const uri = `file:///tmp/${transport}/package.yaml`;
      client.open(uri, PACKAGE);
      const { diagnostics, version } = await client.waitForDiagnostics(uri);
      assert.equal(version, 1);
      assert.equal(diagnostics.length, 1);
      const [d] = diagnostics;
      assert.equal(d.code, 'undeclared-variable');
      assert.equal(d.source, 'sinas');
      assert.equal(d.severity, 1);
      assert.deepEqual(d.range, { start: { line: 10, character: 48 }, end: { line: 10, character: 55 } });
    });

    it('clears the diagnostic once the variable is declared, for the new version only', async () => {
      const uri = `file:///tmp/${transport}/edit.yaml`;
      client.open(uri, PACKAGE);
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
      const version = client.change(uri, PACKAGE.replace('  connectors:', '    - name: MISSING\n      type: text\n  connectors:'));
      const published = await client.waitForDiagnostics(uri, (p) => p.version === version);
      assert.deepEqual(published.diagnostics, []);
    });

    it('says on `kind` that a SinasConfig is not a package, and nothing else', async () => {
      const uri = `file:///tmp/${transport}/config.yaml`;
      client.open(uri, 'apiVersion: sinas.co/v1\nkind: SinasConfig\nmetadata:\n  name: base\nspec:\n  roles: []\n');
      const { diagnostics } = await client.waitForDiagnostics(uri);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity, d.range]),
        [['not-a-package', 1, { start: { line: 1, character: 6 }, end: { line: 1, character: 17 } }]],
      );
    });

    it('leaves YAML that is not a SinasPackage alone', async () => {
      const other = `file:///tmp/${transport}/other.yaml`;
      client.open(other, 'name: ci\non: push\nvalue: ${{ vars.NOT_OURS }}\n');
      // Positive control: a package opened after it does get diagnostics, so the server has processed both.
      const control = `file:///tmp/${transport}/control.yaml`;
      client.open(control, PACKAGE);
      await client.waitForDiagnostics(control);
      assert.equal(client.latest.has(other), false);
    });
  });
}
