/**
 * Installed packages per instance: a cache of `GET /api/v1/packages` with explicit states
 * (loading, no key, plain-http not confirmed, loaded, error) and a change event. The tree and the
 * code lenses read it; commands invalidate it after install / uninstall. No `vscode`, no UI.
 */
import { isSinasApiError, type PackageListItem, type SinasErrorKind } from '../../../../api/src';
import type { ClientResult } from '../../connections/client-pool';
import type { Connection } from '../../connections/types';
import { Emitter, type Disposable, type Event } from '../../util/emitter';

export type PackagesState =
  | { kind: 'idle' }
  /** `previous`: the list before this reload, still shown (no flicker in the tree and the lenses). */
  | { kind: 'loading'; previous?: PackageListItem[] }
  | { kind: 'noKey' }
  | { kind: 'insecure'; warning: string }
  | { kind: 'loaded'; packages: PackageListItem[]; loadedAt: number }
  | { kind: 'error'; errorKind: SinasErrorKind | 'unknown'; message: string; permission?: string };

export interface ModelConnections {
  list(): Connection[];
  get(id: string): Connection | undefined;
  active(): Connection | undefined;
  onDidChange: Event<void>;
}

export interface ModelClients {
  client(connection: Connection): Promise<ClientResult>;
}

export class PackagesModel implements Disposable {
  private readonly states = new Map<string, PackagesState>();
  private readonly loads = new Map<string, Promise<PackagesState>>();
  /** Bumped on every reset, so a load started before it does not overwrite newer state. */
  private generation = 0;
  private readonly changed = new Emitter<string>();
  /** Fires with the connection id whose state changed. */
  readonly onDidChange: Event<string> = this.changed.event;
  private readonly subscription: Disposable;

  constructor(
    private readonly connections: ModelConnections,
    private readonly clients: ModelClients,
  ) {
    // A new key, URL or instance list invalidates everything known; views reload what they show.
    this.subscription = connections.onDidChange(() => this.reset());
  }

  state(connectionId: string): PackagesState {
    return this.states.get(connectionId) ?? { kind: 'idle' };
  }

  /** Starts a load unless one ran already (or is running); resolves with the resulting state. */
  ensureLoaded(connectionId: string): Promise<PackagesState> {
    const state = this.state(connectionId);
    if (state.kind !== 'idle') return this.loads.get(connectionId) ?? Promise.resolve(state);
    return this.load(connectionId);
  }

  /** Fetches the list now (joins a load already running). */
  load(connectionId: string): Promise<PackagesState> {
    const running = this.loads.get(connectionId);
    if (running) return running;
    const promise = this.fetch(connectionId).finally(() => this.loads.delete(connectionId));
    this.loads.set(connectionId, promise);
    return promise;
  }

  /** Forgets one instance's list (or all) and reloads what had been loaded or is active. */
  async refresh(connectionId?: string): Promise<void> {
    const ids = connectionId ? [connectionId] : [...new Set([...this.states.keys(), ...(this.connections.active() ? [this.connections.active()!.id] : [])])];
    await Promise.all(ids.map(async (id) => {
      await this.loads.get(id)?.catch(() => undefined);
      await this.load(id);
    }));
  }

  /**
   * The installed package of that name on the instance: the list item, `null` when the list is
   * loaded and has none, `undefined` when not known (not loaded, or failed).
   */
  installed(connectionId: string, name: string): PackageListItem | null | undefined {
    const state = this.state(connectionId);
    const packages = state.kind === 'loaded' ? state.packages : state.kind === 'loading' ? state.previous : undefined;
    if (!packages) return undefined;
    return packages.find((p) => p.name === name) ?? null;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private reset(): void {
    this.generation++;
    const ids = [...this.states.keys()];
    this.states.clear();
    this.loads.clear();
    for (const id of ids) this.changed.fire(id);
  }

  private async fetch(connectionId: string): Promise<PackagesState> {
    const generation = this.generation;
    const connection = this.connections.get(connectionId);
    if (!connection) return { kind: 'idle' };
    const before = this.state(connectionId);
    this.set(connectionId, { kind: 'loading', previous: before.kind === 'loaded' ? before.packages : before.kind === 'loading' ? before.previous : undefined });
    let next: PackagesState;
    try {
      const result = await this.clients.client(connection);
      if (result.kind === 'noKey') next = { kind: 'noKey' };
      else if (result.kind === 'insecure') next = { kind: 'insecure', warning: result.warning };
      else next = { kind: 'loaded', packages: await result.client.listPackages(), loadedAt: Date.now() };
    } catch (error) {
      next = isSinasApiError(error)
        ? { kind: 'error', errorKind: error.kind, message: error.message, permission: error.permission }
        : { kind: 'error', errorKind: 'unknown', message: error instanceof Error ? error.message : String(error) };
    }
    if (generation !== this.generation) return this.state(connectionId);
    this.set(connectionId, next);
    return next;
  }

  private set(connectionId: string, state: PackagesState): void {
    this.states.set(connectionId, state);
    this.changed.fire(connectionId);
  }
}
