/**
 * A full garbage collection once the server has been idle for a moment after documents changed.
 * Each version of a large document leaves its analysis behind as garbage; V8 collects the old
 * generation only when it has grown well past what is live, so over a long edit session the
 * process would sit tens of megabytes above what it needs. Collecting while nobody waits keeps it
 * at what the open documents take, and costs no request anything. (V8's size-over-speed policy,
 * `--optimize-for-size`, does the same by collecting during the work instead: two to three times
 * the cost on documents that allocate a lot, such as a line holding a hundred thousand `${{ }}`.)
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Quiet time after the last change before collecting. */
const IDLE_MS = 1_500;

export type Collect = () => void;

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

  constructor(
    private readonly collect: Collect | undefined = collector(),
    private readonly idleMs = IDLE_MS,
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
      }, this.idleMs);
      this.timer.unref();
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
