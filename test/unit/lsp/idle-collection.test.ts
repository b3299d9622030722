/**
 * The server collects garbage once, after changes, when it has been quiet for a moment; and,
 * during sustained editing, right after an analysis once the heap has grown too far past what
 * was live after the last collection.
 */
import assert from 'node:assert/strict';
import { growthAllowance, IdleCollection, type CollectionHooks } from '../../../server/src/lsp/idle-collection';

const MB = 1024 * 1024;

/** A heap whose size the test sets, a collector that brings it down to what the test says is live, and deferred checks the test runs. */
function fakeHeap(liveMb: number) {
  const heap = { usedMb: liveMb, liveMb, collections: 0, deferred: [] as (() => void)[] };
  const hooks: CollectionHooks = { heapUsed: () => heap.usedMb * MB, soon: (run) => heap.deferred.push(run) };
  const collect = () => {
    heap.collections++;
    heap.usedMb = heap.liveMb;
  };
  const runDeferred = () => heap.deferred.splice(0).forEach((run) => run());
  /** An analysis that left `usedMb` on the heap, and its publication sent: the collections so far. */
  const analysed = (idle: IdleCollection, usedMb = heap.usedMb) => {
    heap.usedMb = usedMb;
    idle.noteAnalysis();
    runDeferred();
    return heap.collections;
  };
  return { heap, hooks, collect, runDeferred, analysed };
}


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

  describe('during sustained editing', () => {
    it('takes the first reading as the baseline, then collects once the heap has grown past the allowance', () => {
      const { heap, hooks, collect, analysed } = fakeHeap(20);
      const idle = new IdleCollection(collect, 60_000, hooks);
      assert.equal(analysed(idle), 0, 'the first reading only sets the baseline');
      assert.equal(analysed(idle, 20 + 17), 0, 'past 16 MB but within the 20 MB live (the allowance is the larger)');
      heap.liveMb = 18; // what the collection will leave
      assert.equal(analysed(idle, 20 + 21), 1);
      // The baseline is now what the collection left: 18 MB live means 18 MB more is allowed.
      assert.equal(analysed(idle, 18 + 17.5), 1, 'the baseline is what was live after the collection');
      assert.equal(analysed(idle, 18 + 18.5), 2);
      idle.dispose();
    });

    it('collects only after the analysis is done, and reads the heap once for a burst of analyses', () => {
      const { heap, hooks, collect, runDeferred } = fakeHeap(20);
      let readings = 0;
      const counting: CollectionHooks = { ...hooks, heapUsed: () => (readings++, hooks.heapUsed()) };
      const idle = new IdleCollection(collect, 60_000, counting);
      idle.noteAnalysis();
      runDeferred();
      heap.usedMb = 45;
      for (let i = 0; i < 5; i++) idle.noteAnalysis();
      assert.equal(heap.collections, 0, 'nothing happens during the analysis itself');
      assert.equal(heap.deferred.length, 1, 'one check for the burst');
      runDeferred();
      assert.equal(heap.collections, 1);
      assert.equal(readings, 3, 'baseline, check, after the collection');
      idle.dispose();
    });

    it('takes what the idle collection leaves as the new baseline', async () => {
      const { heap, hooks, collect, analysed } = fakeHeap(30);
      let idleDone!: () => void;
      const done = new Promise<void>((resolve) => (idleDone = resolve));
      const idle = new IdleCollection(
        () => {
          collect();
          if (heap.collections === 2) idleDone();
        },
        10,
        hooks,
      );
      analysed(idle); // baseline 30 MB: 30 MB allowed
      heap.liveMb = 12; // a document was closed
      heap.usedMb = 40;
      idle.noteChange();
      await done;
      assert.equal(heap.collections, 2, 'the idle collection collects twice');
      assert.equal(analysed(idle, 12 + 17), 3, 'under the old baseline, but past 16 MB above the new one');
      idle.dispose();
    });

    it('does not collect after an open: the analysis that follows it is the new baseline', () => {
      const { hooks, collect, analysed } = fakeHeap(20);
      const idle = new IdleCollection(collect, 60_000, hooks);
      analysed(idle);
      // A second document opens: its analysis grows the heap by more than the allowance.
      idle.noteOpen();
      assert.equal(analysed(idle, 45), 0);
      // Edits to it are measured from there (45 MB: 45 MB allowed).
      assert.equal(analysed(idle, 45 + 40), 0);
      assert.equal(analysed(idle, 45 + 46), 1);
      idle.dispose();
    });

    it('lets large heaps double before collecting', () => {
      assert.equal(growthAllowance(4 * MB), 16 * MB);
      assert.equal(growthAllowance(100 * MB), 100 * MB);
    });
  });
});
