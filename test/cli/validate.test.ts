/** `sinas-package validate` and the command's own flags, through the built dist/cli.js. */
import { CORPUS_FILES } from '../support/corpus';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
    assert.equal((await runCli([])).code, 2);
    const unknown = await runCli(['deploy']);
    assert.deepEqual(unknown, { code: 2, stdout: '', stderr: 'error: unknown command "deploy"; see sinas-package --help\n' });
  });

  it('validate: golden text output, exit 1 on errors', async () => {
    const result = await runCli(['validate', ...FILES]);
    assert.equal(result.code, 1);
    assertGolden(result.stdout, `${FIXTURES}/validate.golden.txt`);
    assert.equal(
      result.stderr,
      `${FIXTURES}/not-a-package.yaml: not a SinasPackage (no apiVersion sinas.co/… or kind SinasPackage); skipped\n` +
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
      stderr: 'error: usage: sinas-package validate <files, directories or globs...> [--format text|json|github|sarif] [--max-warnings N] [--severity CODE=LEVEL ...]\n',
    });
    assert.deepEqual(await runCli(['validate', `${FIXTURES}/missing.yaml`]), { code: 2, stdout: '', stderr: `error: cannot read ${FIXTURES}/missing.yaml: ENOENT\n` });
    assert.deepEqual(await runCli(['validate', '--format', 'xml', `${FIXTURES}/clean.yaml`]), {
      code: 2,
      stdout: '',
      stderr: 'error: --format must be one of text, json, github, sarif, not "xml"\n',
    });
  });
});
