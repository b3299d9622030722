/**
 * One `SinasClient` per connection, rebuilt when its URL, key or timeout changes. It never shows
 * UI: a missing key or an unconfirmed plain-http URL comes back as a result the caller handles
 * (commands ask, background refreshes just report the state). Health checks use a separate
 * client without the key, so probing reachability never sends it anywhere.
 */
import { plainHttpWarning, SinasClient, type ExchangeLog } from '../../../api/src';
import type { ConnectionStore } from './connection-store';
import type { Connection } from './types';

export type ClientResult =
  | { kind: 'ready'; connection: Connection; client: SinasClient }
  | { kind: 'noKey'; connection: Connection }
  /** http:// to a non-loopback host that the user has not agreed to yet. */
  | { kind: 'insecure'; connection: Connection; warning: string };

export interface ClientPoolOptions {
  timeoutMs(): number;
  onExchange(connection: Connection, entry: ExchangeLog): void;
  userAgent?: string;
}

interface Cached {
  url: string;
  apiKey: string;
  timeoutMs: number;
  plainHttp: 'allow' | 'loopback';
  client: SinasClient;
}

export class ClientPool {
  private readonly clients = new Map<string, Cached>();
  private readonly healthClients = new Map<string, Cached>();

  constructor(
    private readonly store: ConnectionStore,
    private readonly options: ClientPoolOptions,
  ) {}

  async client(connection: Connection): Promise<ClientResult> {
    const apiKey = await this.store.apiKey(connection.id);
    if (!apiKey) return { kind: 'noKey', connection };
    const warning = await plainHttpWarning(connection.url);
    const accepted = this.store.insecureAccepted(connection);
    if (warning && !accepted) return { kind: 'insecure', connection, warning };
    return { kind: 'ready', connection, client: this.cached(this.clients, connection, apiKey, accepted ? 'allow' : 'loopback') };
  }

  /**
   * A one-off client for an instance not stored yet (verifying its key before adding it); the
   * caller closes it. `plainHttpAccepted`: the user agreed to send the key over plain http.
   */
  unstoredClient(connection: { name: string; url: string }, apiKey: string, plainHttpAccepted: boolean): SinasClient {
    return this.build({ id: '', name: connection.name, url: connection.url, source: 'stored' }, apiKey, plainHttpAccepted ? 'allow' : 'loopback');
  }

  /** A client that sends no credentials (GET /health needs none). */
  healthClient(connection: Connection): SinasClient {
    return this.cached(this.healthClients, connection, '', 'allow');
  }

  /** Closes every client (settings changed, extension stopping). */
  dispose(): void {
    for (const cache of [this.clients, this.healthClients]) {
      for (const entry of cache.values()) void entry.client.close();
      cache.clear();
    }
  }

  /** `plainHttp`: whether the user accepted plain http to a host that is not this machine (see api/src/insecure-url.ts). */
  private cached(cache: Map<string, Cached>, connection: Connection, apiKey: string, plainHttp: Cached['plainHttp']): SinasClient {
    const timeoutMs = this.options.timeoutMs();
    const hit = cache.get(connection.id);
    if (hit && hit.url === connection.url && hit.apiKey === apiKey && hit.timeoutMs === timeoutMs && hit.plainHttp === plainHttp) return hit.client;
    if (hit) void hit.client.close();
    const client = this.build(connection, apiKey, plainHttp);
    cache.set(connection.id, { url: connection.url, apiKey, timeoutMs, plainHttp, client });
    return client;
  }

  private build(connection: Connection, apiKey: string, plainHttp: Cached['plainHttp']): SinasClient {
    return new SinasClient(
      { name: connection.name, url: connection.url, apiKey },
      { timeoutMs: this.options.timeoutMs(), plainHttp, userAgent: this.options.userAgent, onExchange: (entry) => this.options.onExchange(connection, entry) },
    );
  }
}
