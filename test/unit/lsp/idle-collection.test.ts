/** The server collects garbage once, after changes, when it has been quiet for a moment. */
import assert from 'node:assert/strict';
import { IdleCollection } from '../../../server/src/lsp/idle-collection';

describe('idle collection', () => {
  it('collects (twice in a row, to give memory back) once a burst of changes is over', async () => {
    const times: number[] = [];
    let collected!: () => void;
    const done = new Promise<void>((resolve) => (collected = resolve));
    const idle = new IdleCollection(() => {
      times.push(performance.now());
      collected();
    }, 50);
    const started = performance.now();
    for (let i = 0; i < 5; i++) {
      idle.noteChange();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const lastChange = performance.now();
    await done;
    assert.equal(times.length, 2);
    assert.ok(times[0] - lastChange >= 45, `collected ${(times[0] - lastChange).toFixed(0)} ms after the last change (burst began ${(lastChange - started).toFixed(0)} ms earlier)`);
    idle.noteChange();
    idle.dispose();
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(times.length, 2, 'nothing after dispose');
  });

  it('finds a collector even when Node was started without --expose-gc', () => {
    // This test process has no `gc` global; the default collector must still exist.
    assert.equal((globalThis as { gc?: unknown }).gc, undefined);
    const idle = new IdleCollection();
    assert.equal(typeof (idle as unknown as { collect: unknown }).collect, 'function');
    idle.dispose();
  });
});
