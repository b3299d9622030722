/**
 * The README's "try it against the sandbox `npm start` runs" commands, read from the README itself
 * and run as written (built CLI, a sandbox with the same seed as `npm start`, in a scratch
 * directory): create a package from the seeded resources, validate it, install it back.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '../sandbox/sandbox';
import { assertFreshBuild, runCli } from './run-cli';

/** The `sinas-package …` lines of the README's shell block that sets SINAS_URL to npm start's sandbox. */
export function sandboxExample(readme: string): string[][] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  const block = blocks.find((b) => /as printed by npm start/.test(b));
  if (!block) throw new Error('README: no shell block that uses the sandbox printed by npm start');
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l.startsWith('sinas-package '))
    .map((l) => l.split(/\s+/).slice(1));
}

describe('README: the command-line example against the seeded sandbox', function () {
  this.timeout(30000);
  let sandbox: RunningSandbox;
  let dir: string;
  before(async () => {
    assertFreshBuild();
    // The seed test/harness/start.mjs gives `npm start`'s sandbox.
    sandbox = await startSandbox({ port: 0, seedDir: 'test/sandbox/seed' });
    dir = mkdtempSync(join(tmpdir(), 'sinas-readme-'));
  });
  after(async () => {
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('create → validate → install works as written, with no warning', async () => {
    const commands = sandboxExample(readFileSync('README.md', 'utf8'));
    assert.deepEqual(commands.map((c) => c[0]), ['create', 'validate', 'install']);
    for (const args of commands) {
      const result = await runCli(args, { cwd: dir, env: { SINAS_URL: sandbox.url, SINAS_API_KEY: sandbox.adminKey } });
      assert.equal(result.code, 0, `sinas-package ${args.join(' ')}\n${result.stderr}`);
      assert.doesNotMatch(result.stderr, /^(error|warning):/m, `sinas-package ${args.join(' ')}`);
    }
    assert.ok(sandbox.state.packages.some((p) => p.name === 'support-desk'), 'the package is installed');
  });
});
