/** `sinas-package validate` and the command's own flags, through the built dist/cli.js. */
import { CORPUS_FILES } from '../support/corpus';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REDOS } from '../support/redos';
import { assertGolden } from './golden';
import { assertFreshBuild, runCli } from './run-cli';

const FIXTURES = 'test/fixtures/cli';
const FILES = ['clean', 'variables', 'broken', 'not-a-package'].map((name) => `${FIXTURES}/${name}.yaml`);
const CORPUS = CORPUS_FILES;

describe('sinas-package (built CLI)', function () {
  this.timeout(20000);
  before(assertFreshBuild);

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    assert.deepEqual(await runCli(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help prints the usage and exit codes', async () => {
    const result = await runCli(['--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: sinas-package <command> \[options\]/);
    assert.match(result.stdout, /Exit codes: 0 ok, 1 failed/);
    assert.equal((await runCli(['install', '--help'])).code, 0);
  });

  it('no command or an unknown one is a usage error (exit 2)', async () => {
    assert.deepEqual(await runCli([]), { code: 2, stdout: '', stderr: 'error: a command is needed; see sinas-package --help\n' });
    const unknown = await runCli(['deploy']);
    assert.deepEqual(unknown, { code: 2, stdout: '', stderr: 'error: unknown command "deploy"; see sinas-package --help\n' });
  });

  it('validate: golden text output, exit 1 on errors', async () => {
    const result = await runCli(['validate', ...FILES]);
    assert.equal(result.code, 1);
    assertGolden(result.stdout, `${FIXTURES}/validate.golden.txt`);
    assert.equal(
      result.stderr,
      `warning: ${FIXTURES}/not-a-package.yaml: not a SinasPackage (no apiVersion sinas.co/… or kind SinasPackage); skipped\n` +
        '4 problems (3 errors, 1 warning) in 4 files\n',
    );
  });

  it('validate: golden JSON output', async () => {
    const result = await runCli(['validate', '--format', 'json', ...FILES]);
    assert.equal(result.code, 1);
    assertGolden(result.stdout, `${FIXTURES}/validate.golden.json`);
    const parsed = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(parsed), ['version', 'files', 'summary']);
    assert.deepEqual(parsed.summary, { files: 4, errors: 3, warnings: 1, infos: 0, hints: 0, skipped: 0 });
    assert.equal(result.stderr, '');
  });

  it('validate: a clean file exits 0 with no output on stdout', async () => {
    assert.deepEqual(await runCli(['validate', `${FIXTURES}/clean.yaml`]), { code: 0, stdout: '', stderr: '1 file checked: no problems\n' });
  });

  it('validate: the summary counts infos (and hints) too, so its numbers add up', async () => {
    const result = await runCli(['validate', `${FIXTURES}/info-only.yaml`]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^test\/fixtures\/cli\/info-only\.yaml:\d+:\d+ info restart-required /);
    assert.equal(result.stderr, '1 problem (0 errors, 0 warnings, 1 info) in 1 file\n');
    const hints = await runCli(['validate', `${FIXTURES}/info-only.yaml`, '--severity', 'restart-required=hint']);
    assert.equal(hints.stderr, '1 problem (0 errors, 0 warnings, 1 hint) in 1 file\n');
  });

  it('validate: a Sinas document of another kind is refused as a package (exit 1), not skipped', async () => {
    const result = await runCli(['validate', `${FIXTURES}/sinas-config.yaml`]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^test\/fixtures\/cli\/sinas-config\.yaml:2:7 error not-a-package This is a `SinasConfig` document, not a package: installing it as a package is refused \("Expected kind: SinasPackage"\)/);
    assert.equal(result.stderr, '1 problem (1 error, 0 warnings) in 1 file\n');
  });

  it('validate: the two real packages have zero errors', async () => {
    const result = await runCli(['validate', '--format', 'json', ...CORPUS]);
    assert.equal(result.code, 0, result.stdout);
    const parsed = JSON.parse(result.stdout);
    assert.equal(parsed.summary.errors, 0);
    assert.ok(parsed.files.every((f: { isSinasPackage: boolean }) => f.isSinasPackage));
  });

  it('validate: --severity overrides a code\'s level or turns it off, like the editor setting', async () => {
    const result = await runCli(['validate', `${FIXTURES}/variables.yaml`, '--severity', 'undeclared-variable=off', '--severity', 'malformed-expression=warning']);
    assert.equal(result.code, 0);
    assert.deepEqual(
      result.stdout.split('\n').filter(Boolean).map((l) => l.split(' ').slice(0, 3).join(' ')),
      [`${FIXTURES}/variables.yaml:8:13 warning unused-variable`, `${FIXTURES}/variables.yaml:14:17 warning malformed-expression`],
    );
    assert.deepEqual(await runCli(['validate', `${FIXTURES}/clean.yaml`, '--severity', 'nope=off']), {
      code: 2,
      stdout: '',
      stderr: 'error: --severity nope=off: unknown diagnostic code "nope"\n',
    });
  });

  it('the README documents every command and the exit codes', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = (await runCli(['--help'])).stdout.split('Commands:\n')[1].split('\n\n')[0];
    const commands = [...section.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]);
    assert.deepEqual(commands, ['validate', 'preview', 'install', 'uninstall', 'list', 'get', 'export', 'create']);
    for (const command of commands) assert.match(readme, new RegExp(`sinas-package ${command}\\b`), `README lacks sinas-package ${command}`);
    assert.match(readme, /Exit codes: 0 ok, 1 failed/);
  });

  it('validate: usage errors exit 2 with one line', async () => {
    assert.deepEqual(await runCli(['validate']), {
      code: 2,
      stdout: '',
      stderr: 'error: usage: sinas-package validate <files, directories or globs...> [--format text|json|github|sarif] [--max-warnings N] [--severity CODE=LEVEL ...] [--instance] [--jobs N]\n',
    });
    assert.deepEqual(await runCli(['validate', `${FIXTURES}/missing.yaml`]), { code: 2, stdout: '', stderr: `error: cannot read ${FIXTURES}/missing.yaml: ENOENT\n` });
    assert.deepEqual(await runCli(['validate', '--format', 'xml', `${FIXTURES}/clean.yaml`]), {
      code: 2,
      stdout: '',
      stderr: 'error: --format must be one of text, json, github, sarif, not "xml"\n',
    });
  });
});

describe('sinas-package validate: files it must not read (built CLI)', function () {
  this.timeout(20000);
  let dir: string;
  before(() => {
    assertFreshBuild();
    dir = mkdtempSync(join(tmpdir(), 'sinas-cli-files-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a FIFO at once instead of waiting for a writer (exit 2)', async () => {
    const fifo = join(dir, 'pipe.sinas.yaml');
    execFileSync('mkfifo', [fifo]);
    assert.deepEqual(await runCli(['validate', fifo]), { code: 2, stdout: '', stderr: `error: cannot read ${fifo}: not a regular file (a named pipe)\n` });
  });

  it('refuses a device such as /dev/zero instead of reading it forever (exit 2)', async () => {
    assert.deepEqual(await runCli(['validate', '/dev/zero']), { code: 2, stdout: '', stderr: 'error: cannot read /dev/zero: not a regular file (a device)\n' });
  });

  it('reports a 1 GB file as file-too-large without reading it', async () => {
    const big = join(dir, 'big.sinas.yaml');
    writeFileSync(big, '');
    truncateSync(big, 1024 ** 3); // sparse: no disk used, but reading it would take 1 GB and more
    const result = await runCli(['validate', big]);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, `${big}:1:1 warning file-too-large This file has 1,073,741,824 bytes, more than the 5,242,880 analysed; it is not read or checked.\n`);
    assert.deepEqual(await runCli(['validate', '--severity', 'file-too-large=error', big]).then((r) => r.code), 1);
  });

  it('checks defaults against catastrophic-backtracking patterns at once (linear-time matching)', async () => {
    const file = join(dir, 'redos.sinas.yaml');
    const variables = REDOS.map(([, pattern, value], i) => `    - name: V${i}\n      pattern: ${JSON.stringify(pattern)}\n      default: ${JSON.stringify(value)}\n`).join('');
    const uses = REDOS.map((_, i) => `\${{ vars.V${i} }}`).join(' ');
    writeFileSync(file, `apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: redos\n  version: "1.0.0"\nspec:\n  variables:\n${variables}  agents:\n    - namespace: a\n      name: b\n      systemPrompt: "${uses}"\n`);
    const result = await runCli(['validate', '--format', 'json', file]);
    const codes = JSON.parse(result.stdout).files[0].findings.map((f: { code: string }) => f.code);
    assert.deepEqual(codes, REDOS.map(() => 'invalid-variable-default'));
  });

  it('preview and install refuse an oversized file before anything is sent (exit 2)', async () => {
    const big = join(dir, 'big.sinas.yaml');
    const result = await runCli(['preview', big], { env: { SINAS_URL: 'http://127.0.0.1:9', SINAS_API_KEY: 'k' } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^error: .*big\.sinas\.yaml has 1,073,741,824 bytes, more than the 5,242,880 a package file may have; not read\n$/);
  });
});
