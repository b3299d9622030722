/**
 * Holds the state and runs every mutation as a transaction: the change is made on a deep copy and
 * swapped in only if it completes, so a failed install leaves nothing behind (the backend rolls back
 * the same way). Mutations are synchronous, so two requests can never interleave inside one; the
 * write to disk happens after the swap and before the response is sent.
 */
import type { State } from './types';
import { StateWriter } from './persistence';

export class Store {
  private writer: StateWriter | undefined;

  constructor(
    private current: State,
    dataFile?: string,
  ) {
    if (dataFile) this.writer = new StateWriter(dataFile, () => this.current);
  }

  get state(): Readonly<State> {
    return this.current;
  }

  /** Runs `change` on a copy of the state; commits it unless it throws. Resolves after persisting. */
  async transaction<T>(change: (draft: State) => T): Promise<T> {
    const result = this.mutate(change);
    await this.writer?.save();
    return result;
  }

  /** The synchronous part of a transaction (for start-up seeding, before anyone can connect). */
  mutate<T>(change: (draft: State) => T): T {
    const draft = structuredClone(this.current);
    const result = change(draft);
    this.current = draft;
    return result;
  }

  async flush(): Promise<void> {
    await this.writer?.save();
    await this.writer?.idle();
  }
}
