/** When a scheduled publication runs: a zero delay must not cost Node's one-millisecond timer floor. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs';
import { after } from '../../../server/src/lsp/diagnostics';

/** Runs `body` inside an I/O callback, where Node orders immediates before timers deterministically. */
const inIoCallback = (body: () => void) => new Promise<void>((resolve, reject) => readFile(__filename, () => {
  try {
    body();
    resolve();
  } catch (error) {
    reject(error);
  }
}));

describe('publication delay', () => {
  it('runs a zero delay on the next turn, ahead of a timer set before it', async () => {
    const order: string[] = [];
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    await inIoCallback(() => {
      setTimeout(() => {
        order.push('timer');
        finished();
      }, 0);
      after(0, () => order.push('publication'));
    });
    await done;
    assert.deepEqual(order, ['publication', 'timer']);
  });

  it('waits out a positive delay, and a cancelled one never runs', async () => {
    const ran: string[] = [];
    const started = performance.now();
    let at = 0;
    const waited = new Promise<void>((resolve) => after(30, () => {
      at = performance.now() - started;
      ran.push('delayed');
      resolve();
    }));
    after(0, () => ran.push('cancelled-immediate')).cancel();
    after(10, () => ran.push('cancelled-timer')).cancel();
    await waited;
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(ran, ['delayed']);
    assert.ok(at >= 25, `ran after ${at.toFixed(0)} ms`);
  });
});
