/**
 * The active instance's snapshot for the language server: fetched lazily (only once a SinasPackage
 * is open, never while typing waits), cached per instance, refreshed on switching, after install
 * and uninstall, on demand and when older than the TTL. Whatever is current goes to `send`; `null`
 * whenever nothing may or can be known (checks off, Restricted Mode, no instance, no key,
 * unreachable), so the server behaves exactly as without an instance. No `vscode` here.
 */
import { buildInstanceSnapshot, isSinasApiError } from '../../../api/src';
import { declaredResources } from '../../../server/src/core/instance/declared-resources';
import type { InstanceSnapshot } from '../../../server/src/protocol/instance-snapshot';
import type { ClientPool } from '../connections/client-pool';
import type { Connection } from '../connections/types';
import { Emitter, type Disposable, type Event } from '../util/emitter';

export interface InstanceSnapshotsOptions {
  /** `sinas.instanceChecks.enabled`. */
  enabled(): boolean;
  /** `sinas.instanceChecks.refreshMinutes` in ms; 0: no refresh by age. */
  ttlMs(): number;
  /** Restricted Mode answers false: nothing is fetched. */
  isTrusted(): boolean;
  /** Whether a SinasPackage document is open (nothing is fetched before one is). */
  hasPackageDocument(): boolean;
  /** Runs a fetch with visible progress (the status bar). */
  withProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T>;
  log: { info(message: string): void; warn(message: string): void };
  now?: () => number;
}

export interface SnapshotConnections {
  active(): Connection | undefined;
  get(id: string): Connection | undefined;
  onDidChange: Event<void>;
}

/** What is known about one instance. */
export type SnapshotState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'ready'; snapshot: InstanceSnapshot; fetchedAt: number }
  /** No key, plain http not confirmed, or the instance could not be read (tried again after the TTL, or any change). */
  | { kind: 'unavailable'; reason: string; at: number };

interface Entry {
  url: string;
  state: SnapshotState;
  loading?: Promise<SnapshotState>;
}

export class InstanceSnapshots implements Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new Emitter<InstanceSnapshot | null>();
  /** Fires with what the server should now have (the same value `current` returns). */
  readonly onDidChange: Event<InstanceSnapshot | null> = this.changed.event;
  /** The server starts without a snapshot. */
  private sent: InstanceSnapshot | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscription: Disposable;

  constructor(
    private readonly connections: SnapshotConnections,
    private readonly clients: Pick<ClientPool, 'client'>,
    private readonly options: InstanceSnapshotsOptions,
  ) {
    let activeId = connections.active()?.id;
    this.subscription = connections.onDidChange(() => {
      // A new key, URL or consent may be what an unavailable instance was waiting for.
      for (const [id, entry] of this.entries) if (entry.state.kind === 'unavailable' && !entry.loading) this.entries.delete(id);
      // Switching shows the new instance's cached snapshot at once and reads it again.
      const switched = connections.active()?.id !== activeId;
      activeId = connections.active()?.id;
      if (switched && activeId && this.allowed() && this.options.hasPackageDocument()) void this.refresh(activeId);
      else this.update();
    });
  }

  /** What the server should have now: the active instance's snapshot, or null. */
  get current(): InstanceSnapshot | null {
    const active = this.allowed() ? this.connections.active() : undefined;
    const entry = active && this.entry(active);
    return entry?.state.kind === 'ready' ? entry.state.snapshot : null;
  }

  state(connectionId: string): SnapshotState {
    return this.entries.get(connectionId)?.state ?? { kind: 'none' };
  }

  /**
   * Re-evaluates after anything that may matter (a document opened, trust granted, settings,
   * switching instance): sends what is current, and starts a fetch when one is due.
   */
  update(): void {
    this.publish();
    const active = this.connections.active();
    if (!active || !this.allowed() || !this.options.hasPackageDocument()) return;
    const entry = this.entry(active);
    if (entry.loading) return;
    const state = entry.state;
    if (state.kind === 'none' || (state.kind === 'ready' && this.stale(state.fetchedAt)) || (state.kind === 'unavailable' && this.stale(state.at))) void this.fetch(active);
  }

  /** Reads the instance again now (the refresh command, after install or uninstall); the active one by default. */
  async refresh(connectionId?: string): Promise<SnapshotState> {
    const connection = connectionId ? this.connections.get(connectionId) : this.connections.active();
    if (!connection || !this.allowed()) return { kind: 'none' };
    const entry = this.entry(connection);
    if (entry.loading) await entry.loading.catch(() => undefined);
    return this.fetch(connection);
  }

  /** Resolves once no instance is being read (for tests and callers that want the outcome of an update). */
  async settled(): Promise<void> {
    for (let pending = this.pending(); pending.length; pending = this.pending()) await Promise.allSettled(pending);
  }

  private pending(): Promise<SnapshotState>[] {
    return [...this.entries.values()].flatMap((e) => (e.loading ? [e.loading] : []));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
  }

  private allowed(): boolean {
    return this.options.enabled() && this.options.isTrusted();
  }

  private stale(fetchedAt: number): boolean {
    const ttl = this.options.ttlMs();
    return ttl > 0 && this.now() - fetchedAt >= ttl;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The entry of a connection; a changed URL makes it a different instance. */
  private entry(connection: Connection): Entry {
    let entry = this.entries.get(connection.id);
    if (!entry || entry.url !== connection.url) {
      entry = { url: connection.url, state: { kind: 'none' } };
      this.entries.set(connection.id, entry);
    }
    return entry;
  }

  private fetch(connection: Connection): Promise<SnapshotState> {
    const entry = this.entry(connection);
    const previous = entry.state;
    entry.state = previous.kind === 'ready' ? previous : { kind: 'loading' };
    const loading = this.options
      .withProgress(`Sinas: reading ${connection.name}'s resources`, (signal) => this.read(connection, signal))
      .then((state) => {
        // A snapshot that arrives after the URL changed belongs to no one.
        if (this.entries.get(connection.id) === entry) entry.state = state;
        return state;
      })
      .finally(() => {
        entry.loading = undefined;
        this.publish();
        this.schedule();
      });
    entry.loading = loading;
    // Meanwhile the server keeps (or gets) what is known: a previous snapshot of this instance, or none.
    this.publish();
    return loading;
  }

  private async read(connection: Connection, signal: AbortSignal): Promise<SnapshotState> {
    const started = this.now();
    try {
      const result = await this.clients.client(connection);
      if (result.kind === 'noKey') return { kind: 'unavailable', reason: `${connection.name} has no API key`, at: this.now() };
      if (result.kind === 'insecure') return { kind: 'unavailable', reason: `plain http to ${connection.name} is not confirmed yet`, at: this.now() };
      const snapshot = await buildInstanceSnapshot(result.client, { instance: connection.name, source: connection.id, resourcesOf: declaredResources, signal });
      const count = Object.values(snapshot.lists).reduce((n, list) => n + (list?.items.length ?? 0), 0);
      this.options.log.info(`Read ${count} resources of ${connection.name} for instance checks in ${Math.round(this.now() - started)} ms.`);
      return { kind: 'ready', snapshot, fetchedAt: this.now() };
    } catch (error) {
      const reason = isSinasApiError(error) ? error.message : error instanceof Error ? error.message : String(error);
      this.options.log.warn(`Instance checks for ${connection.name} are off until it can be read: ${reason}`);
      return { kind: 'unavailable', reason, at: this.now() };
    }
  }

  /** Sends the current snapshot when it differs from what was sent last. */
  private publish(): void {
    const next = this.current;
    if (next === this.sent) return;
    this.sent = next;
    this.changed.fire(next);
  }

  /** Refreshes the active instance once its snapshot is older than the TTL (if still wanted then). */
  private schedule(): void {
    clearTimeout(this.timer);
    const ttl = this.options.ttlMs();
    if (ttl <= 0) return;
    this.timer = setTimeout(() => this.update(), ttl);
    this.timer.unref?.();
  }
}
