/** Which documents start the language server: SinasPackage YAML by content, or `*.sinas.yaml` files. */
import assert from 'node:assert/strict';
import Module from 'node:module';

// The launcher imports `vscode`; the function under test does not use it.
const load = Module.prototype.require;
Module.prototype.require = function (this: NodeModule, id: string) {
  return id === 'vscode' ? {} : load.call(this, id);
} as typeof Module.prototype.require;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isPackageCandidate } = require('../../../client/src/language-server') as typeof import('../../../client/src/language-server');
Module.prototype.require = load;

const document = (fileName: string, text: string, languageId = 'yaml', scheme = 'file') => ({
  languageId,
  fileName,
  uri: { scheme } as never,
  getText: () => text,
});

describe('language server launcher', () => {
  const PACKAGE = 'apiVersion: sinas.co/v1\nkind: SinasPackage\nspec: {}\n';

  it('starts for a SinasPackage by content, whatever the file name', () => {
    assert.equal(isPackageCandidate(document('/w/anything.yaml', PACKAGE)), true);
    assert.equal(isPackageCandidate(document('Untitled-1', PACKAGE, 'yaml', 'untitled')), true);
  });

  it('starts for *.sinas.yaml files before they say what they are', () => {
    assert.equal(isPackageCandidate(document('/w/new.sinas.yaml', '')), true);
    assert.equal(isPackageCandidate(document('/w/new.sinas.yml', '')), true);
  });

  it('does nothing for other YAML, other languages and other schemes', () => {
    assert.equal(isPackageCandidate(document('/w/ci.yaml', 'name: ci\non: push\n')), false);
    assert.equal(isPackageCandidate(document('/w/notes.md', PACKAGE, 'markdown')), false);
    assert.equal(isPackageCandidate(document('/w/pkg.yaml', PACKAGE, 'yaml', 'git')), false);
  });
});
