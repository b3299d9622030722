/** `sinas/packageFacts`: what the client learns about each YAML document, without parsing it. */
import assert from 'node:assert/strict';
import { TestLspClient } from '../support/lsp-client';

const PACKAGE = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: demo-package
  version: 1.0
spec:
  functions:
    - name: f
      code: |
        def handler(input_data, context):
            return {}
`;

describe('package facts over the protocol', () => {
  let client: TestLspClient;
  before(async () => {
    client = await TestLspClient.start('stdio');
  });
  after(() => client.stop());

  it('names the package, where its name is, and its version as written', async () => {
    const uri = 'file:///facts/package.yaml';
    client.open(uri, PACKAGE);
    const facts = await client.waitForFacts(uri);
    assert.deepEqual(facts, {
      uri,
      version: 1,
      isPackage: true,
      name: 'demo-package',
      nameRange: { start: { line: 3, character: 8 }, end: { line: 3, character: 20 } },
      packageVersion: '1.0',
      kind: 'SinasPackage',
    });
  });

  it('sends new facts when they change, and none for an edit that keeps them', async () => {
    const uri = 'file:///facts/edited.yaml';
    client.open(uri, PACKAGE);
    await client.waitForFacts(uri);
    // An edit in the function: the facts are the same, so the next facts are those of the rename below.
    let version = client.edit(uri, [{ range: { start: { line: 10, character: 21 }, end: { line: 10, character: 21 } }, text: ' # x' }]);
    await client.waitForDiagnostics(uri, (p) => p.version === version);
    // Facts go out before the diagnostics of the same version: none came for this one.
    assert.equal(client.facts.get(uri)?.version, 1);
    version = client.edit(uri, [{ range: { start: { line: 3, character: 20 }, end: { line: 3, character: 20 } }, text: '-two' }]);
    const renamed = await client.waitForFacts(uri, (p) => p.name !== 'demo-package');
    assert.equal(renamed.version, version);
    assert.equal(renamed.name, 'demo-package-two');
    assert.deepEqual(renamed.nameRange?.end, { line: 3, character: 24 });
  });

  it('says when a YAML document is not a package', async () => {
    const uri = 'file:///facts/other.yaml';
    client.open(uri, 'name: ci\non: push\n');
    assert.deepEqual(await client.waitForFacts(uri), { uri, version: 1, isPackage: false });
  });
});
