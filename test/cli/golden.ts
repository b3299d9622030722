/** Compares text with a golden file; `UPDATE_GOLDEN=1` rewrites the file instead. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';

export function assertGolden(actual: string, file: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${file} differs (UPDATE_GOLDEN=1 rewrites it after a deliberate change)`);
}
