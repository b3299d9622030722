/**
 * The worker-thread side of `validate --jobs N`: dist/cli.js started again as a worker (so the
 * bundle keeps its one entry), reading and checking the files the main thread hands it one at a
 * time, and answering each with its report, or with the error one thread would have thrown.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { InstanceIndex, type InstanceSnapshot } from '../../../server/src/core/instance/instance-index';
import { UsageError } from '../io';
import type { FileReport, SeverityOverrides } from './check-file';
import { checkTarget } from './check-target';

const ROLE = 'sinas-package validate worker';

/** What every worker is started with. */
export interface WorkerSetup {
  role: typeof ROLE;
  overrides: SeverityOverrides;
  /** `--instance`: the snapshot read once by the main thread; each worker indexes its own copy. */
  snapshot?: InstanceSnapshot;
}

export interface Job {
  index: number;
  file: string;
}

/** An error crossing the thread boundary: whether it was a usage error, and what a bug report needs. */
export interface ThrownError {
  usage: boolean;
  name: string;
  message: string;
  stack?: string;
}

export type JobResult = { index: number; report: FileReport } | { index: number; error: ThrownError };

export function workerSetup(overrides: SeverityOverrides, snapshot: InstanceSnapshot | undefined): WorkerSetup {
  return { role: ROLE, overrides, snapshot };
}

export function isValidateWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.role === ROLE;
}

export function runValidateWorker(): void {
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  const instance = setup.snapshot && new InstanceIndex(setup.snapshot);
  // One file at a time, in the order handed out: checking awaits the embedded parsers' loading.
  let queue = Promise.resolve();
  port.on('message', (job: Job) => {
    queue = queue.then(async () => {
      try {
        port.postMessage({ index: job.index, report: await checkTarget(job.file, setup.overrides, instance) } satisfies JobResult);
      } catch (error) {
        port.postMessage({ index: job.index, error: thrown(error) } satisfies JobResult);
      }
    });
  });
}

function thrown(error: unknown): ThrownError {
  if (!(error instanceof Error)) return { usage: false, name: 'Error', message: String(error) };
  return { usage: error instanceof UsageError, name: error.name, message: error.message, stack: error.stack };
}

/** The error again, on the main thread: a usage error stays one (exit 2), a bug keeps its worker stack. */
export function rethrown(error: ThrownError): Error {
  if (error.usage) return new UsageError(error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  rebuilt.stack = error.stack;
  return rebuilt;
}
