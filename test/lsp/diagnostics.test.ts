/** Diagnostics published by the built server, over stdio and node-ipc. */
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { Range } from 'vscode-languageserver-protocol';
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

    it('follows incremental changes exactly as a fresh open of the same text', async () => {
      const uri = `file:///tmp/${transport}/typing.yaml`;
      client.open(uri, PACKAGE);
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
      const at = (line: number, character: number) => ({ line, character });
      // Type a second connector's URL (inside an item), then a new item, then delete the first use.
      const steps = [
        [{ range: { start: at(10, 58), end: at(10, 58) }, text: '/x' }],
        [{ range: { start: at(11, 0), end: at(11, 0) }, text: '    - name: other\n      baseUrl: "${{ vars.APP_UR' }],
        [{ range: { start: at(12, 33), end: at(12, 33) }, text: 'L }}"\n' }],
        [{ range: { start: at(10, 15), end: at(10, 34) }, text: '' }, { range: { start: at(0, 0), end: at(0, 0) }, text: '# edited\n' }],
      ];
      let text = PACKAGE;
      const apply = (t: string, e: { range: Range; text: string }) => {
        const lines = t.split('\n');
        const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
        return t.slice(0, offset(e.range.start)) + e.text + t.slice(offset(e.range.end));
      };
      for (const [k, edits] of steps.entries()) {
        for (const e of edits) text = apply(text, e);
        const fresh = `file:///tmp/${transport}/typing-fresh-${k}.yaml`;
        client.open(fresh, text);
        const expected = await client.waitForDiagnostics(fresh);
        const version = client.edit(uri, edits);
        // Findings on the typed line are held until typing pauses (typing.ts): the set published then is the fresh open's.
        const same = (p: { version?: number; diagnostics: unknown[] }) => p.version === version && isDeepStrictEqual(p.diagnostics, expected.diagnostics);
        const incremental = await client.waitForDiagnostics(uri, same).catch(() => client.waitForDiagnostics(uri, (p) => p.version === version));
        assert.deepEqual(incremental.diagnostics, expected.diagnostics, `after step ${k}`);
      }
      assert.match(text, /other/);
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
