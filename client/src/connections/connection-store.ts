/**
 * The configured Sinas instances and which one is active. Names and URLs go to globalState, each
 * API key to SecretStorage under its connection id; the environment connection (SINAS_URL) is
 * added in memory and used when nothing else is configured. No `vscode` import: tests drive it
 * with in-memory storages.
 */
import { randomUUID } from 'node:crypto';
import { Emitter, type Event } from '../util/emitter';
import { ENVIRONMENT_ID, ENVIRONMENT_NAME, environmentConnection, type EnvironmentConnection } from './environment';
import { checkName, checkUrl, normaliseUrl } from './validate';
import type { Connection, SecretStorageLike, StateStorage, StoredConnection } from './types';

const LIST_KEY = 'sinas.connections';
const ACTIVE_KEY = 'sinas.activeConnection';
const secretKey = (id: string) => `sinas.connection.${id}.apiKey`;

export interface NewConnection {
  name: string;
  url: string;
  apiKey: string;
}

export interface ConnectionEdit {
  name?: string;
  url?: string;
  /** A new key; undefined keeps the stored one. */
  apiKey?: string;
}

export class ConnectionStore {
  private readonly changed = new Emitter<void>();
  /** Fires after any change to the list, a key, or the active connection. */
  readonly onDidChange: Event<void> = this.changed.event;
  private readonly environment: EnvironmentConnection | undefined;
  /** Plain-http URLs accepted for the environment connection in this session (never persisted). */
  private readonly acceptedInMemory = new Set<string>();

  constructor(
    private readonly state: StateStorage,
    private readonly secrets: SecretStorageLike,
    env: Record<string, string | undefined>,
  ) {
    this.environment = environmentConnection(env);
  }

  /** Stored connections in the order added, then the environment one. */
  list(): Connection[] {
    const stored = this.stored().map(({ id, name, url }): Connection => ({ id, name, url, source: 'stored' }));
    return this.environment ? [...stored, this.environment.connection] : stored;
  }

  get(id: string): Connection | undefined {
    return this.list().find((c) => c.id === id);
  }

  /** The chosen connection; otherwise the first stored one; otherwise the environment's. */
  active(): Connection | undefined {
    const all = this.list();
    const chosen = this.state.get<string>(ACTIVE_KEY);
    return all.find((c) => c.id === chosen) ?? all.find((c) => c.source === 'stored') ?? all[0];
  }

  async setActive(id: string): Promise<void> {
    if (!this.get(id)) throw new Error(`No Sinas instance with id ${id}`);
    if (this.active()?.id === id && this.state.get(ACTIVE_KEY) === id) return;
    await this.state.update(ACTIVE_KEY, id);
    this.changed.fire();
  }

  async apiKey(id: string): Promise<string | undefined> {
    if (id === ENVIRONMENT_ID) return this.environment?.apiKey;
    return (await this.secrets.get(secretKey(id))) || undefined;
  }

  /** Names a new connection may not take. */
  takenNames(exceptId?: string): string[] {
    return this.stored().filter((c) => c.id !== exceptId).map((c) => c.name);
  }

  /** Adds a connection, active unless told otherwise. Throws with a user sentence on a bad name or URL. */
  async add(input: NewConnection, options: { activate?: boolean } = {}): Promise<Connection> {
    const name = input.name.trim();
    const problem = checkName(name, this.takenNames(), [ENVIRONMENT_NAME]) ?? checkUrl(input.url);
    if (problem) throw new Error(problem);
    const record: StoredConnection = { id: randomUUID(), name, url: normaliseUrl(input.url) };
    // The key first: a listener reacting to the new list must find it.
    if (input.apiKey) await this.secrets.store(secretKey(record.id), input.apiKey);
    // The current active one is pinned when the new one must not take over (active() prefers stored ones).
    const keep = options.activate === false ? this.active() : undefined;
    await this.state.update(LIST_KEY, [...this.stored(), record]);
    await this.state.update(ACTIVE_KEY, keep ? keep.id : record.id);
    this.changed.fire();
    return { id: record.id, name: record.name, url: record.url, source: 'stored' };
  }

  async update(id: string, edit: ConnectionEdit): Promise<Connection> {
    const all = this.stored();
    const record = all.find((c) => c.id === id);
    if (!record) throw new Error(id === ENVIRONMENT_ID ? 'The environment connection comes from SINAS_URL and SINAS_API_KEY; change them instead.' : `No Sinas instance with id ${id}`);
    const next: StoredConnection = { ...record };
    if (edit.name !== undefined) {
      const problem = checkName(edit.name, this.takenNames(id), [ENVIRONMENT_NAME]);
      if (problem) throw new Error(problem);
      next.name = edit.name.trim();
    }
    if (edit.url !== undefined) {
      const problem = checkUrl(edit.url);
      if (problem) throw new Error(problem);
      next.url = normaliseUrl(edit.url);
    }
    if (edit.apiKey) await this.secrets.store(secretKey(id), edit.apiKey);
    await this.state.update(LIST_KEY, all.map((c) => (c.id === id ? next : c)));
    this.changed.fire();
    return { id, name: next.name, url: next.url, source: 'stored' };
  }

  async remove(id: string): Promise<void> {
    const all = this.stored();
    if (!all.some((c) => c.id === id)) throw new Error(id === ENVIRONMENT_ID ? 'The environment connection comes from SINAS_URL; unset it to remove it.' : `No Sinas instance with id ${id}`);
    await this.secrets.delete(secretKey(id));
    await this.state.update(LIST_KEY, all.filter((c) => c.id !== id));
    if (this.state.get(ACTIVE_KEY) === id) await this.state.update(ACTIVE_KEY, undefined);
    this.changed.fire();
  }

  /** Whether the user already agreed to send this connection's key over plain http to its URL. */
  insecureAccepted(connection: Connection): boolean {
    if (connection.source === 'environment') return this.acceptedInMemory.has(connection.url);
    return this.stored().find((c) => c.id === connection.id)?.insecureAcceptedUrl === connection.url;
  }

  async acceptInsecure(connection: Connection): Promise<void> {
    if (connection.source === 'environment') {
      this.acceptedInMemory.add(connection.url);
      return;
    }
    await this.state.update(LIST_KEY, this.stored().map((c) => (c.id === connection.id ? { ...c, insecureAcceptedUrl: connection.url } : c)));
  }

  /** Another window changed a key: listeners drop clients built with the old one. */
  notifySecretChanged(storageKey: string): void {
    if (storageKey.startsWith('sinas.connection.')) this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private stored(): StoredConnection[] {
    const raw = this.state.get<unknown>(LIST_KEY);
    if (!Array.isArray(raw)) return [];
    // Defensive: globalState can hold anything an older version wrote; keep only what we can use.
    return raw.filter((c): c is StoredConnection => !!c && typeof c.id === 'string' && typeof c.name === 'string' && typeof c.url === 'string');
  }
}
