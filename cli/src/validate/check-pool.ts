/**
 * `validate --jobs N`: files checked on N worker threads (check-worker.ts), results in the order
 * of the files whatever order they finish in, so every output format is byte for byte what one
 * thread prints. Workers read the files themselves and pull them from a queue (at most PREFETCH
 * handed to each ahead), so memory grows with the reports, not with the texts.
 *
 * Errors keep their one-thread meaning: the first one in file order is thrown once every file
 * before it is in. A worker that dies (out of memory, a crash in native code) fails the file it
 * was checking, which is then reported as not checked; the files queued behind it go to the other
 * workers, or to a new one when none is left.
 */
import { Worker } from 'node:worker_threads';
import type { InstanceSnapshot } from '../../../server/src/core/instance/instance-index';
import type { FileReport, SeverityOverrides } from './check-file';
import { rethrown, workerSetup, type Job, type JobResult } from './check-worker';

/** A file's outcome: its report, or why it could not be checked. */
export type Checked = { report: FileReport } | { failed: string };

/** Files handed to a worker before it answers the first: keeps it busy while the answer travels. */
const PREFETCH = 2;

/**
 * `__filename` is dist/cli.js in the bundle: the worker is the CLI itself, which recognises its
 * worker data at start (main.ts).
 */
export function checkInWorkers(files: readonly string[], jobs: number, overrides: SeverityOverrides, snapshot?: InstanceSnapshot, entry = __filename): Promise<Checked[]> {
  const setup = workerSetup(overrides, snapshot);
  return new Promise((resolve, reject) => {
    const results: (JobResult | { failed: string } | undefined)[] = new Array(files.length);
    const requeued: number[] = [];
    /** Each live worker and how to hand it more files. */
    const workers = new Map<Worker, () => void>();
    let handedOut = 0;
    let inOrder = 0;
    let finished = false;

    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      for (const worker of workers.keys()) void worker.terminate();
      if (error) reject(error);
      else resolve(results.map((r) => (r && 'report' in r ? { report: r.report } : { failed: (r as { failed: string }).failed })));
    };
    const nextFile = () => (requeued.length ? requeued.shift() : handedOut < files.length ? handedOut++ : undefined);
    const advance = () => {
      for (let r = results[inOrder]; r; r = results[++inOrder]) {
        if ('error' in r) return finish(rethrown(r.error));
      }
      if (inOrder === files.length) finish();
    };

    const start = () => {
      const worker = new Worker(entry, { workerData: setup });
      const pending: number[] = [];
      let crash: string | undefined;
      const feed = () => {
        while (pending.length < PREFETCH) {
          const index = nextFile();
          if (index === undefined) return;
          pending.push(index);
          worker.postMessage({ index, file: files[index] } satisfies Job);
        }
      };
      workers.set(worker, feed);
      worker.on('message', (result: JobResult) => {
        pending.shift();
        results[result.index] = result;
        feed();
        advance();
      });
      worker.on('error', (error) => (crash = `${error.name}: ${error.message}`));
      worker.on('exit', (code) => {
        workers.delete(worker);
        if (finished) return;
        // Answers come in the order handed out: the first pending file is the one it was checking.
        const [current, ...notStarted] = pending;
        if (current !== undefined) results[current] = { failed: `the worker thread checking it stopped (${crash ?? `exit code ${code}`})` };
        requeued.unshift(...notStarted);
        for (const more of workers.values()) more();
        if (!workers.size && (requeued.length || handedOut < files.length)) start();
        advance();
      });
      feed();
    };

    if (!files.length) return finish();
    for (let i = 0; i < Math.min(jobs, files.length); i++) start();
  });
}
