/** The Red Hat YAML contributor hands out the empty schema only for open SinasPackage documents. */
import assert from 'node:assert/strict';
import Module from 'node:module';

// The bridge imports `vscode` for its activation helper; the function under test does not use it.
const load = Module.prototype.require;
Module.prototype.require = function (this: NodeModule, id: string) {
  return id === 'vscode' ? {} : load.call(this, id);
} as typeof Module.prototype.require;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HANDED_OFF_SCHEMA, schemaForResource } = require('../../../client/src/yaml-extension-bridge') as typeof import('../../../client/src/yaml-extension-bridge');
Module.prototype.require = load;

const doc = (uri: string, text: string) => ({ uri: { toString: () => uri }, getText: () => text });

describe('Red Hat YAML bridge', () => {
  const documents = [
    doc('file:///a/package.yaml', 'apiVersion: sinas.co/v1\nkind: SinasPackage\nspec: {}\n'),
    doc('file:///a/ci.yaml', 'name: ci\non: push\n'),
  ];

  const unknown = () => undefined;
  // Reading the document is the fallback; facts from the language server are preferred.
  const unreadable = documents.map((d) => ({ uri: d.uri, getText: (): string => assert.fail(`read ${d.uri.toString()}`) }));

  it('claims open SinasPackage documents with the empty schema', () => {
    assert.match(schemaForResource('file:///a/package.yaml', unknown, documents) ?? '', /^sinas-package-schema:/);
  });

  it('leaves other YAML and unknown resources to Red Hat YAML', () => {
    assert.equal(schemaForResource('file:///a/ci.yaml', unknown, documents), undefined);
    assert.equal(schemaForResource('file:///a/closed.yaml', unknown, documents), undefined);
  });

  it('goes by the language server facts without reading the document', () => {
    const facts = (uri: string) => uri.endsWith('package.yaml');
    assert.match(schemaForResource('file:///a/package.yaml', facts, unreadable) ?? '', /^sinas-package-schema:/);
    assert.equal(schemaForResource('file:///a/ci.yaml', facts, unreadable), undefined);
  });

  it('hands over a schema with a title and no rules, so Red Hat YAML names it instead of showing ".json"', () => {
    const schema = JSON.parse(HANDED_OFF_SCHEMA);
    assert.equal(schema.title, 'Sinas Package (checked by the Sinas extension)');
    assert.deepEqual(Object.keys(schema).sort(), ['description', 'title']);
    assert.match(schemaForResource('file:///a/package.yaml', unknown, documents) ?? '', /\/sinas-package\.json$/);
  });
});
