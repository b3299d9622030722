/**
 * `export -o FILE` (and `create -o`, which shares the writer) never loses a file: no writing through
 * symbolic links, no silent replacement, and a failed write — here a file-size limit, which fails a
 * write the way a full disk does — leaves the old file and no temp file behind.
 */
import assert from 'node:assert/strict';
import { lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalise, useInstance } from './instance';

/** A package whose export is several kilobytes (bigger than the file-size limit below). */
const BIG = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: cli-export
  version: "1.0.0"
spec:
  functions:
    - namespace: cli
      name: big
      code: |
        def handler(input_data, context):
${Array.from({ length: 200 }, (_, i) => `            # line ${i} of a long handler, padding the export past a few kilobytes`).join('\n')}
            return {}
`;
const OLD = 'the previous export, which must survive\n';

describe('sinas-package export -o FILE (built CLI)', function () {
  this.timeout(30000);
  const t = useInstance();
  const tempFiles = () => readdirSync(t.dir).filter((name) => name.endsWith('.tmp'));

  before(async () => {
    const installed = await t.run(['install', t.file('big.yaml', BIG), '--yes']);
    assert.equal(installed.code, 0, installed.stderr);
  });

  it('an existing file is replaced only with --force (nothing is asked without a terminal)', async () => {
    const out = t.file('existing.yaml', OLD);
    assert.deepEqual(await t.run(['export', 'cli-export', '-o', out]), { code: 2, stdout: '', stderr: `error: ${out} exists; pass --force to replace it\n` });
    assert.equal(readFileSync(out, 'utf8'), OLD);
    assert.deepEqual(await t.run(['export', 'cli-export', '-o', out, '--force']), { code: 0, stdout: '', stderr: `Wrote ${out}.\n` });
    assert.equal(readFileSync(out, 'utf8'), BIG);
    assert.deepEqual(tempFiles(), []);
  });

  it('a symbolic link is refused, even with --force, and its target is untouched', async () => {
    const target = t.file('target.yaml', OLD);
    const link = join(t.dir, 'link.yaml');
    symlinkSync(target, link);
    for (const extra of [[], ['--force']]) {
      const result = await t.run(['export', 'cli-export', '-o', link, ...extra]);
      assert.deepEqual(result, { code: 2, stdout: '', stderr: `error: ${link} is a symbolic link; not writing through it (name the file it points to, or another one)\n` });
    }
    assert.equal(readFileSync(target, 'utf8'), OLD);
    assert.ok(lstatSync(link).isSymbolicLink());
  });

  it('a write that fails halfway (file-size limit, as on a full disk) keeps the old file; one line, exit 1', async () => {
    const out = t.file('kept.yaml', OLD);
    const result = await t.run(['export', 'cli-export', '-o', out, '--force'], { fileSizeLimit: 2 });
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `error: cannot write ${out}: the file is larger than allowed here (EFBIG); the existing file was left as it was\n`);
    assert.equal(readFileSync(out, 'utf8'), OLD);
    assert.deepEqual(tempFiles(), []);

    const fresh = join(t.dir, 'fresh.yaml');
    const failed = await t.run(['export', 'cli-export', '-o', fresh], { fileSizeLimit: 2 });
    assert.equal(normalise(failed.stderr, t.sandbox), `error: cannot write ${fresh}: the file is larger than allowed here (EFBIG); nothing was written\n`);
    assert.deepEqual(readdirSync(t.dir).filter((name) => name.includes('fresh')), []);
  });

  it('a folder that does not exist is one line, and create -o follows the same rules', async () => {
    const nowhere = join(t.dir, 'missing', 'out.yaml');
    assert.deepEqual(await t.run(['export', 'cli-export', '-o', nowhere]), {
      code: 1,
      stdout: '',
      stderr: `error: cannot write ${nowhere}: the folder does not exist (ENOENT); nothing was written\n`,
    });
    const out = t.file('created.yaml', OLD);
    const refused = await t.run(['create', '--name', 'from-cli', '--resource', 'function:cli/big', '-o', out]);
    assert.deepEqual(refused, { code: 2, stdout: '', stderr: `error: ${out} exists; pass --force to replace it\n` });
    const created = await t.run(['create', '--name', 'from-cli', '--resource', 'function:cli/big', '-o', out, '--force']);
    assert.equal(created.code, 0, created.stderr);
    assert.match(readFileSync(out, 'utf8'), /^apiVersion: sinas\.co\/v1\nkind: SinasPackage\n/);
    writeFileSync(out, OLD);
  });
});
