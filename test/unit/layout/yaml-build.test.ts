/**
 * The bundles that parse YAML take the `yaml` build without a `process.env` read per token
 * (esbuild.mjs, yamlBrowserBuild): Node's build checks `LOG_TOKENS` and `LOG_STREAM` there, a call
 * into C++ for each of the half a million tokens of a 100,000-line package.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '../../../dist');

describe('the yaml library in the bundles', () => {
  for (const bundle of ['server.js', 'cli.js', 'sandbox.js', 'yaml.js']) {
    it(`${bundle} parses with it and reads no environment per token`, () => {
      const path = join(DIST, bundle);
      assert.ok(existsSync(path), `dist/${bundle} is missing: run \`npm run build\` first`);
      const source = readFileSync(path, 'utf8');
      assert.match(source, /Not a YAML token/, 'the yaml parser is bundled');
      assert.doesNotMatch(source, /LOG_TOKENS|LOG_STREAM/);
    });
  }
});
