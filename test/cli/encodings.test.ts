/**
 * `validate` (and every command reading a package) decodes files as editors and PyYAML do: UTF-8
 * with or without a byte order mark, UTF-16 with one. Bytes that are not text are reported with
 * their position (exit 2) instead of being read as U+FFFD.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertFreshBuild, runCli } from './run-cli';

const SOURCE = readFileSync('test/fixtures/cli/broken.yaml', 'utf8');

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('sinas-package: file encodings (built CLI)', function () {
  this.timeout(20000);
  let dir = '';
  before(() => {
    assertFreshBuild();
    dir = mkdtempSync(join(tmpdir(), 'sinas-encodings-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, bytes: Uint8Array) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const findings = async (file: string) => {
    const result = await runCli(['validate', '--format', 'json', file]);
    assert.equal(result.code, 1, result.stderr);
    const [report] = JSON.parse(result.stdout).files;
    assert.equal(report.isSinasPackage, true, file);
    return report.findings;
  };

  it('UTF-8 with a BOM and UTF-16 (LE and BE) with a BOM read exactly like UTF-8', async () => {
    const expected = await findings(write('plain.yaml', Buffer.from(SOURCE)));
    assert.ok(expected.length > 0);
    assert.deepEqual(await findings(write('bom8.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SOURCE)]))), expected);
    assert.deepEqual(await findings(write('le.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SOURCE, 'utf16le')]))), expected);
    assert.deepEqual(await findings(write('be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SOURCE)]))), expected);
  });

  it('undecodable bytes are reported with their line and column, not turned into U+FFFD', async () => {
    const lines = SOURCE.split('\n');
    const broken = Buffer.concat([Buffer.from(`${lines.slice(0, 2).join('\n')}\npackage:\n  name: "caf`), Buffer.from([0xe9]), Buffer.from(`"\n${lines.slice(3).join('\n')}`)]);
    const file = write('latin1.yaml', broken);
    assert.deepEqual(await runCli(['validate', file]), {
      code: 2,
      stdout: '',
      stderr: `error: cannot read ${file}: line 4, column 13 is not UTF-8 (byte 0xE9); save the file as UTF-8, or as UTF-16 with a byte order mark\n`,
    });
  });

  it('malformed UTF-16 and UTF-32 are reported too', async () => {
    const lone = write('lone.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\nb: ', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('\n', 'utf16le')]));
    assert.equal((await runCli(['validate', lone])).stderr, `error: cannot read ${lone}: line 2, column 4 is not UTF-16 (an unpaired surrogate); save the file as UTF-8\n`);
    const odd = write('odd.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('a: 1\n'), Buffer.from([0x00])]));
    assert.equal((await runCli(['validate', odd])).stderr, `error: cannot read ${odd}: it ends in the middle of a UTF-16 character; save the file as UTF-8\n`);
    const utf32 = write('utf32.yaml', Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]));
    const result = await runCli(['validate', utf32]);
    assert.deepEqual(result, { code: 2, stdout: '', stderr: `error: cannot read ${utf32}: it is UTF-32 text, which is not supported; save the file as UTF-8\n` });
  });
});
