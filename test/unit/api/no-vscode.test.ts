/** The API client is shared with the CLI: nothing under client/src/api may depend on `vscode`. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = 'client/src/api';

describe('client/src/api', () => {
  it('imports no vscode module', () => {
    const files = readdirSync(DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length >= 8);
    for (const file of files) {
      const text = readFileSync(join(DIR, file), 'utf8');
      assert.doesNotMatch(text, /(from\s+|require\(\s*|import\(\s*)['"]vscode(-[\w-]+)?['"]/, `${file} imports vscode`);
    }
  });
});
