/**
 * Holds the state and runs every mutation as a transaction: the change is made on a deep copy,
 * written to the data file (when there is one), and only then swapped in. A change that throws, or
 * a state that cannot be saved, leaves the old state in place: a failed install leaves nothing
 * behind (the backend rolls back the same way), and nothing unsaved is ever served. Transactions
 * run one at a time, in order; the response is sent after the swap.
 */
import { DatabaseError } from '../errors';
import { writeAtomic } from './persistence';
import type { State } from './types';

export class Store {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private current: State,
    private readonly dataFile?: string,
  ) {}

  get state(): Readonly<State> {
    return this.current;
  }

  /** Runs `change` on a copy of the state; commits it once it completed and was saved. */
  transaction<T>(change: (draft: State) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const draft = structuredClone(this.current);
      const result = change(draft);
      await this.save(draft);
      this.current = draft;
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A change made before anyone can connect (start-up seeding); saved by the next `flush`. */
  mutate<T>(change: (draft: State) => T): T {
    const draft = structuredClone(this.current);
    const result = change(draft);
    this.current = draft;
    return result;
  }

  /** Writes the current state once every queued transaction has finished. */
  async flush(): Promise<void> {
    await this.queue;
    await this.save(this.current);
  }

  /** A failed save is the sandbox's commit failing: like the backend's, a bare 500. */
  private async save(state: State): Promise<void> {
    if (!this.dataFile) return;
    try {
      await writeAtomic(this.dataFile, JSON.stringify(state));
    } catch (error) {
      throw new DatabaseError(`could not save the state to ${this.dataFile}: ${(error as Error).message}`);
    }
  }
}
