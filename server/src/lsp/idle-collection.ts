/**
 * Full garbage collections at moments nobody waits for the server. Each version of a large
 * document leaves its analysis behind as garbage; V8 collects the old generation only when it has
 * grown well past what is live, so over a long edit session the process would sit tens of
 * megabytes above what it needs. Two moments are used:
 *
 * - Once the server has been idle for a moment after documents changed: the process goes back to
 *   what the open documents take.
 * - During sustained editing, which leaves no idle moment: right after a publication, once the
 *   heap holds more than twice what was live after the last collection (and at least 16 MB
 *   more). Over 1,000 edits to a 10,000-line package the process then ends about 13 MB above its
 *   size at open instead of 26 MB, for one or two collections of about 15 ms.
 *
 * Collections are few on purpose: each one also drops the optimized code of the parsers (their
 * objects are all garbage while nobody waits, and V8 discards code specialised to their shapes),
 * so the edits that follow take more CPU until V8 has optimized it again, about 150 ms in all. A
 * collection once the heap had grown by half (8 MB at least) ended 1,000 edits 7 MB above the
 * size at open, but three collections added 0.45 ms of CPU to each edit on average.
 *
 * (V8's size-over-speed policy, `--optimize-for-size`, collects during the work instead: two to
 * three times the cost on documents that allocate a lot, such as a line holding a hundred thousand
 * `${{ }}`.)
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Quiet time after the last change before collecting. */
const IDLE_MS = 1_500;
const MB = 1024 * 1024;
/** Growth of the heap past what was live that sustained editing may leave before a collection. */
export function growthAllowance(liveBytes: number): number {
  return Math.max(16 * MB, liveBytes);
}

export type Collect = () => void;

export interface CollectionHooks {
  /** Bytes in use on the heap now. */
  heapUsed(): number;
  /** Runs `run` once the current work (the publication being sent) is done. */
  soon(run: () => void): void;
}

const NODE_HOOKS: CollectionHooks = {
  // process.memoryUsage rather than v8.getHeapStatistics: node:v8 is loaded lazily (about 1.6 MB).
  heapUsed: () => process.memoryUsage().heapUsed,
  soon: (run) => setImmediate(run),
};

/** The collector, also when Node was started without `--expose-gc` (other editors). */
function collector(): Collect | undefined {
  const exposed = (globalThis as { gc?: Collect }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as Collect;
  } catch {
    return undefined;
  }
}

export class IdleCollection {
  private timer: NodeJS.Timeout | undefined;
  /** Heap in use after the last collection (or at the first analysis since a document was opened). */
  private live: number | undefined;
  private checkPending = false;

  constructor(
    private readonly collect: Collect | undefined = collector(),
    private readonly idleMs = IDLE_MS,
    private readonly hooks: CollectionHooks = NODE_HOOKS,
  ) {}

  /** Documents changed: collect once things are quiet again. */
  noteChange(): void {
    if (!this.collect) return;
    if (this.timer) this.timer.refresh();
    else {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        // The first collection frees the old versions; the second, finding the heap mostly empty,
        // gives its pages back to the system (after one alone the process stays as large).
        this.collect!();
        this.collect!();
        this.live = this.hooks.heapUsed();
      }, this.idleMs);
      this.timer.unref();
    }
  }

  /**
   * A document was opened: collect once things are quiet, and take the heap after its analysis as
   * the new baseline (opening allocates a whole analysis; collecting right after each open would
   * slow down the next, and the idle collection follows anyway).
   */
  noteOpen(): void {
    this.noteChange();
    this.live = undefined;
  }

  /** A document was analysed for publishing: once that is sent, collect if the heap has grown too far. */
  noteAnalysis(): void {
    if (!this.collect || this.checkPending) return;
    this.checkPending = true;
    this.hooks.soon(() => {
      this.checkPending = false;
      const used = this.hooks.heapUsed();
      // After an open, the first reading is the baseline (what the open took, garbage included).
      if (this.live === undefined) this.live = used;
      else if (used - this.live > growthAllowance(this.live)) {
        // One collection frees the garbage for reuse; giving pages back takes a second (the idle one).
        this.collect!();
        this.live = this.hooks.heapUsed();
      }
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
