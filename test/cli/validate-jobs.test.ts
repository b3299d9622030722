/**
 * `sinas-package validate --jobs N` (built CLI): files checked on worker threads give exactly the
 * output of one thread in every format, stop on the same first unreadable file, and a worker that
 * dies loses nothing silently: its file is reported as not checked and the run fails.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CORPUS_FILES } from '../support/corpus';
import { defaultThreadCount } from '../../cli/src/validate/command';
import { generatePackage } from '../support/generate-package';
import { assertFreshBuild, runCli, type CliResult, type RunOptions } from './run-cli';

const FIXTURES = 'test/fixtures/cli';
const NOT_A_PACKAGE = `${FIXTURES}/not-a-package.yaml`;

describe('sinas-package validate --jobs (built CLI)', function () {
  this.timeout(60000);
  let root: string;
  /** Packages of every kind of outcome, found by searching a directory, plus generated clean ones. */
  let mixed: string;
  /** Only packages without errors: exit 0 unless something goes wrong. */
  let clean: string;

  before(() => {
    assertFreshBuild();
    root = mkdtempSync(join(tmpdir(), 'sinas-cli-jobs-'));
    mixed = join(root, 'mixed');
    clean = join(root, 'clean');
    mkdirSync(join(mixed, 'nested'), { recursive: true });
    mkdirSync(clean);
    for (const name of ['clean', 'variables', 'broken', 'not-a-package', 'info-only']) copyFileSync(`${FIXTURES}/${name}.yaml`, join(mixed, `${name}.yaml`));
    copyFileSync('test/fixtures/rules/python-syntax/errors.yaml', join(mixed, 'nested', 'python.sinas.yaml'));
    copyFileSync('test/fixtures/rules/sql-syntax/errors.yaml', join(mixed, 'nested', 'sql.sinas.yaml'));
    for (const file of CORPUS_FILES) copyFileSync(file, join(mixed, file.split('/').pop()!));
    const big = join(mixed, 'big.sinas.yaml');
    writeFileSync(big, '');
    truncateSync(big, 6 * 1024 * 1024); // sparse: file-too-large without being read
    for (let i = 0; i < 12; i++) {
      const text = generatePackage(60 + 20 * i).replace('name: generated-package', `name: generated-${i}`);
      writeFileSync(join(mixed, `generated-${String(i).padStart(2, '0')}.sinas.yaml`), text);
      writeFileSync(join(clean, `generated-${String(i).padStart(2, '0')}.sinas.yaml`), text);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const validate = (jobs: number, args: string[], options?: RunOptions): Promise<CliResult> => runCli(['validate', '--jobs', String(jobs), ...args], options);

  for (const format of ['text', 'json', 'github', 'sarif']) {
    it(`prints the same ${format} output, byte for byte, on 1 and 2 threads${format === 'text' ? ' (and 3)' : ''}`, async () => {
      const args = ['--format', format, mixed, NOT_A_PACKAGE];
      const one = await validate(1, args);
      assert.equal(one.code, 1, one.stderr);
      // The set is what it should be: a too-large file, embedded-code errors, a skipped file.
      for (const expected of ['file-too-large', 'python-syntax', 'sql-syntax', 'undeclared-variable', 'restart-required']) assert.ok(one.stdout.includes(expected), `${format} output lacks ${expected}`);
      assert.deepEqual(await validate(2, args), one);
      if (format === 'text') assert.deepEqual(await validate(3, args), one);
    });
  }

  it('stops at the same first unreadable file as one thread (exit 2, nothing printed)', async () => {
    const dir = join(root, 'unreadable');
    mkdirSync(dir);
    for (let i = 0; i < 8; i++) writeFileSync(join(dir, `p${i}.sinas.yaml`), generatePackage(60).replace('name: generated-package', `name: p${i}`));
    writeFileSync(join(dir, 'p3b.sinas.yaml'), Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]));
    writeFileSync(join(dir, 'p5b.sinas.yaml'), Buffer.from([0x6b, 0x3a, 0x20, 0xff, 0x0a]));
    const one = await validate(1, [dir]);
    assert.deepEqual(one, { code: 2, stdout: '', stderr: `error: cannot read ${join(dir, 'p3b.sinas.yaml')}: line 1, column 4 is not UTF-8 (byte 0xE9); save the file as UTF-8, or as UTF-16 with a byte order mark\n` });
    assert.deepEqual(await validate(2, [dir]), one);
    const missing = await validate(2, [clean, join(root, 'missing.yaml')]);
    assert.deepEqual(missing, { code: 2, stdout: '', stderr: `error: cannot read ${join(root, 'missing.yaml')}: ENOENT\n` });
  });

  it('reports the file of a worker that died as not checked, and every other file as usual (exit 1)', async () => {
    const one = await validate(1, ['--format', 'json', clean]);
    assert.equal(one.code, 0, one.stderr);
    const crashing = join(clean, 'generated-04.sinas.yaml');
    const crashed = await validate(2, ['--format', 'json', clean], { nodeArgs: ['--require', resolve(__dirname, 'crash-validate-worker.cjs')], env: { SINAS_TEST_CRASH_ON: crashing } });
    assert.equal(crashed.code, 1);
    assert.equal(crashed.stderr, `error: ${crashing} was not checked: the worker thread checking it stopped (exit code 70)\n`);
    const expected = JSON.parse(one.stdout);
    const lost = expected.files.find((f: { file: string }) => f.file === crashing);
    expected.files = expected.files.filter((f: { file: string }) => f !== lost);
    expected.summary.files -= 1;
    expected.summary.warnings -= lost.findings.length;
    assert.deepEqual(JSON.parse(crashed.stdout), expected);
  });

  it('by default checks on one thread until there are enough bytes of packages to pay for more, and with fewer than three cores', async () => {
    // The crash hook acts in worker threads only: whether it fires tells where files were checked.
    const hook = { nodeArgs: ['--require', resolve(__dirname, 'crash-validate-worker.cjs')] };
    const small = join(clean, 'generated-00.sinas.yaml');
    assert.equal((await runCli(['validate', clean], { ...hook, env: { SINAS_TEST_CRASH_ON: small } })).code, 0, 'a dozen small packages stay on one thread');
    const dir = join(root, 'large');
    mkdirSync(dir);
    for (let i = 0; i < 2; i++) writeFileSync(join(dir, `large-${i}.sinas.yaml`), generatePackage(20_000).replace('name: generated-package', `name: large-${i}`));
    const crashing = join(dir, 'large-1.sinas.yaml');
    const large = await runCli(['validate', dir], { ...hook, env: { SINAS_TEST_CRASH_ON: crashing } });
    if (availableParallelism() >= 3) {
      assert.equal(large.code, 1, 'two packages of 20,000 lines go to worker threads');
      assert.ok(large.stderr.includes(`error: ${crashing} was not checked`), large.stderr);
    } else assert.equal(large.code, 0, `on ${availableParallelism()} cores they stay on one thread: ${large.stderr}`);
  });

  it('chooses one thread per 400 kB of packages, up to one per core but one, and one thread below three cores', () => {
    assert.equal(defaultThreadCount(1, () => 50_000_000), 1);
    assert.equal(defaultThreadCount(2, () => 50_000_000), 1);
    assert.equal(defaultThreadCount(4, () => 100_000), 1);
    assert.equal(defaultThreadCount(4, () => 900_000), 2);
    assert.equal(defaultThreadCount(4, () => 50_000_000), 3);
    assert.equal(defaultThreadCount(16, () => 2_000_000), 5);
  });

  it('--jobs takes a whole number of at least 1', async () => {
    for (const value of ['0', 'two', '1.5']) {
      assert.deepEqual(await runCli(['validate', '--jobs', value, `${FIXTURES}/clean.yaml`]), { code: 2, stdout: '', stderr: `error: --jobs must be a whole number of at least 1, not "${value}"\n` });
    }
  });
});
