import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandFailed, UsageError } from '../../../cli/src/io';
import { mayWrite, writeOutput } from '../../../cli/src/write-output';
import { fakeTerminal } from './fake-terminal';

describe('CLI: writing -o FILE', () => {
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sinas-out-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on a terminal, replacing a file is asked; no keeps it', async () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old');
    const no = fakeTerminal(['n\n']);
    assert.equal(await mayWrite(no.io, file, false), false);
    assert.match(no.shown(), /a\.yaml exists\. Replace it\? \[y\/N\] /);
    assert.equal(await mayWrite(fakeTerminal(['y\n']).io, file, false), true);
    assert.equal(await mayWrite(fakeTerminal([]).io, join(dir, 'new.yaml'), false), true, 'a new file is not asked about');
    assert.equal(readFileSync(file, 'utf8'), 'old');
  });

  it('refuses what is not a regular file', async () => {
    mkdirSync(join(dir, 'folder'));
    await assert.rejects(mayWrite(fakeTerminal([]).io, join(dir, 'folder'), true), new UsageError(`${join(dir, 'folder')} exists and is not a regular file`));
  });

  it('replaces atomically, keeping the file mode, leaving no temp file', () => {
    const file = join(dir, 'b.yaml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    writeOutput(file, 'new text');
    assert.equal(readFileSync(file, 'utf8'), 'new text');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['b.yaml']);
  });

  it('a failure is one line that says the old file was kept', () => {
    const file = join(dir, 'missing', 'c.yaml');
    assert.throws(() => writeOutput(file, 'x'), new CommandFailed(`cannot write ${file}: the folder does not exist (ENOENT); nothing was written`));
  });
});
