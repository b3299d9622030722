/**
 * Reachability of the active instance for the status bar: GET /health (without credentials),
 * then, when it answers, whether its key is accepted and may list and install packages (one
 * authenticated call, never made over plain http the user has not agreed to). Checked on start,
 * when the connections or a key change, on demand, and on a slow timer that skips unfocused
 * windows, so an idle VS Code does not poll anyone. No UI here.
 */
import { isSinasApiError } from '../../../api/src';
import { Emitter, type Disposable, type Event } from '../util/emitter';
import type { ClientPool } from './client-pool';
import type { ConnectionStore } from './connection-store';
import { checkKey, type KeyCheck } from './key-check';
import type { Connection } from './types';

/** What the key may do: checked, or why it was not (no key stored, plain http not confirmed). */
export type Access = KeyCheck | { kind: 'noKey' } | { kind: 'insecure' };

export type Reachability =
  | { kind: 'none' }
  | { kind: 'checking'; connection: Connection }
  | { kind: 'reachable'; connection: Connection; checkedAt: number; access: Access }
  | { kind: 'unreachable'; connection: Connection; message: string; checkedAt: number };

export interface HealthMonitorOptions {
  /** 0 turns the timer off. */
  intervalMs(): number;
  isFocused(): boolean;
  /** False in Restricted Mode: then nothing is probed. */
  isAllowed(): boolean;
}

export class HealthMonitor {
  private current: Reachability = { kind: 'none' };
  private readonly changed = new Emitter<Reachability>();
  readonly onDidChange: Event<Reachability> = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: { key: string; promise: Promise<Reachability> } | undefined;
  /** Bumped on every change of the connections (a new key included): a check in flight is stale. */
  private generation = 0;
  private readonly subscription: Disposable;

  constructor(
    private readonly store: ConnectionStore,
    private readonly pool: ClientPool,
    private readonly options: HealthMonitorOptions,
  ) {
    // Any change may concern the active instance's key, URL or identity: check again.
    this.subscription = store.onDidChange(() => {
      this.generation++;
      void this.check();
    });
  }

  get state(): Reachability {
    return this.current;
  }

  /** Checks the active connection now (joins a check already running for it). */
  check(): Promise<Reachability> {
    const connection = this.store.active();
    if (!connection || !this.options.isAllowed()) {
      this.set({ kind: 'none' });
      return Promise.resolve(this.current);
    }
    const key = `${connection.id} ${connection.url} ${this.generation}`;
    if (this.inFlight?.key === key) return this.inFlight.promise;
    const promise = this.probe(connection).finally(() => {
      if (this.inFlight?.promise === promise) this.inFlight = undefined;
    });
    this.inFlight = { key, promise };
    return promise;
  }

  /** (Re)starts the timer with the current interval. */
  start(): void {
    this.stop();
    const interval = this.options.intervalMs();
    if (interval <= 0) return;
    this.timer = setInterval(() => {
      if (this.options.isFocused()) void this.check();
    }, interval);
    this.timer.unref?.();
  }

  /** The window got focus back: check if the last result is older than one interval. */
  onFocus(): void {
    const interval = this.options.intervalMs();
    const checkedAt = 'checkedAt' in this.current ? this.current.checkedAt : 0;
    if (interval > 0 && Date.now() - checkedAt >= interval) void this.check();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.stop();
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async probe(connection: Connection): Promise<Reachability> {
    const generation = this.generation;
    this.set({ kind: 'checking', connection });
    let next: Reachability;
    try {
      await this.pool.healthClient(connection).health({ timeoutMs: 10_000 });
      next = { kind: 'reachable', connection, checkedAt: Date.now(), access: await this.access(connection) };
    } catch (error) {
      const message = isSinasApiError(error) ? error.message : String(error);
      next = { kind: 'unreachable', connection, message, checkedAt: Date.now() };
    }
    // The user may have switched (or changed the key) while this ran; only a current result counts.
    if (this.store.active()?.id === connection.id && generation === this.generation) this.set(next);
    return next;
  }

  private async access(connection: Connection): Promise<Access> {
    try {
      const result = await this.pool.client(connection);
      return result.kind === 'ready' ? await checkKey(result.client, { timeoutMs: 10_000 }) : { kind: result.kind };
    } catch (error) {
      return { kind: 'unverified', message: error instanceof Error ? error.message : String(error) };
    }
  }

  private set(next: Reachability): void {
    this.current = next;
    this.changed.fire(next);
  }
}
