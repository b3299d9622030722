/** The README must stay true: every diagnostic code, setting and command is documented there. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../server/src/core/diagnostics/codes';
import { codeDocsUrl } from '../../server/src/core/diagnostics/docs';

const ROOT = join(__dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, unknown> }; commands?: { command: string }[] };
};

describe('README', () => {
  it('lists every diagnostic code with its default severity, on a row its documentation link reaches', () => {
    for (const [code, info] of Object.entries(CODES)) {
      // codeDocsUrl() (LSP codeDescription, SARIF helpUri) links to README.md#code-<code>.
      const anchor = new URL(codeDocsUrl(code)).hash.slice(1);
      const row = `| <a id="${anchor}"></a>\`${code}\` | ${info.severity} |`;
      assert.ok(readme.includes(row), `README lacks the row for ${code}, starting: ${row}`);
    }
  });

  it('documents every setting', () => {
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${key}\``), `README lacks ${key}`);
  });

  it('documents every command', () => {
    for (const { command } of manifest.contributes.commands ?? []) assert.ok(readme.includes(`\`${command}\``), `README lacks ${command}`);
  });

  it('starts with exactly the two set-up commands', () => {
    const setup = readme.slice(readme.indexOf('## Set up'), readme.indexOf('## Features'));
    const commands = setup.split('\n').filter((l) => /^npm /.test(l));
    assert.deepEqual(commands.map((l) => l.split('#')[0].trim()), ['npm start', 'npm test']);
  });
});

describe('README images', () => {
  it('points only at images that exist', () => {
    const links = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(links.length >= 5);
    for (const link of links) assert.ok(existsSync(join(ROOT, link)), `missing ${link}`);
  });
});
