/**
 * Mocha root hook (`--require`d by test:unit): the embedded-language parsers load lazily and
 * asynchronously in the editor; tests load them first so every analysis sees every finding.
 * CommonJS on purpose: the tests `require` the core through tsx, and so must this, or the hook
 * would load a second copy of the module (as ESM) and the tests' copy would stay empty.
 */
const { loadEmbeddedParsers } = require('../../server/src/core/embedded/parsers.ts');

exports.mochaHooks = {
  async beforeAll() {
    this.timeout(60_000);
    await loadEmbeddedParsers();
  },
};
