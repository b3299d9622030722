/**
 * What activation evaluates: the extension's own bundle only. The language client, undici and
 * the yaml library are separate bundles loaded on first use (esbuild.mjs); requiring one of them
 * at activation again would add hundreds of kilobytes to every VS Code start. Runs the bench's
 * activation probe (a fresh Node process, stubbed VS Code API) on the built dist/extension.js.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const BUNDLE = join(ROOT, 'dist/extension.js');

describe('extension activation', () => {
  it('evaluates dist/extension.js alone (the lazy bundles stay unloaded)', () => {
    assert.ok(existsSync(BUNDLE), 'dist/extension.js is missing: run `npm run build` first');
    const out = execFileSync(process.execPath, [join(ROOT, 'test/bench/activation-probe.cjs'), BUNDLE], { encoding: 'utf8' });
    const { files } = JSON.parse(out.trim().split('\n').pop()!) as { files: { file: string }[] };
    assert.deepEqual(files.map((f) => f.file), ['extension.js']);
  });
});
