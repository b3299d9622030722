/**
 * `startSandbox(options)`: a local stand-in for the Sinas backend's HTTP API, for client/CLI tests
 * (in-process, port 0) and `npm start`. Returns its URL, an admin API key (`sinas.*:all`, held in
 * memory only, new on every start unless given), the live state and `close()`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticator, newKey } from './auth';
import type { SandboxContext } from './context';
import { DatabaseError, HttpError } from './errors';
import { faultReply, Faults } from './faults';
import { Router } from './http/router';
import { json, send, text } from './http/respond';
import { packageRoutes } from './packages/routes';
import { apiKeyRoutes } from './routes/api-keys';
import { authRoutes } from './routes/auth';
import { configRoutes } from './routes/config';
import { infraRoutes } from './routes/infra';
import { resourceRoutes } from './routes/resources';
import { applySeed } from './seed';
import { loadState, removeStaleTempFiles } from './state/persistence';
import { Store } from './state/store';
import { emptyState, type State } from './state/types';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Persist the state in this JSON file (atomic writes); reloaded on start. */
  dataFile?: string;
  /** The admin key to accept; a random one otherwise. */
  apiKey?: string;
  /** Directory of seed YAML files, applied to a fresh state. */
  seedDir?: string;
  /** Enables `/__sandbox/faults`. */
  faults?: boolean;
  /** False emulates a Sinas without install-time variables. Default true. */
  variables?: boolean;
  /** Receives one line per emulated server-side failure (the command line prints them). */
  log?: (message: string) => void;
}

export interface RunningSandbox {
  url: string;
  adminKey: string;
  readonly state: Readonly<State>;
  close(): Promise<void>;
}

function freshState(): State {
  const state = emptyState();
  const now = new Date().toISOString();
  state.users.push({ id: randomUUID(), email: 'admin@sandbox.local', roles: ['Admins'], created_at: now });
  // The two roles every Sinas instance starts with.
  for (const [name, description] of [['Admins', 'Full access'], ['Users', 'Default role for every user']]) {
    state.roles.push({ id: randomUUID(), name, description, email_domain: null, created_at: now, updated_at: now });
  }
  return state;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  if (options.dataFile) {
    for (const name of await removeStaleTempFiles(options.dataFile)) options.log?.(`removed ${name}, left by a sandbox that stopped while saving`);
  }
  const loaded = options.dataFile ? await loadState(options.dataFile) : undefined;
  const store = new Store(loaded ?? freshState(), options.dataFile);
  const adminId = store.state.users[0].id;
  if (!loaded && options.seedDir) store.mutate((draft) => applySeed(draft, options.seedDir!, adminId));
  if (!loaded) await store.flush();

  const adminKey = options.apiKey ?? newKey();
  const sandbox: SandboxContext = { store, variables: options.variables !== false };
  const faults = options.faults ? new Faults() : undefined;
  const router = new Router(authenticator(() => store.state, { key: adminKey, userId: adminId }));
  router.add(
    { method: 'GET', path: '/health', handle: () => json({ status: 'healthy' }) },
    ...authRoutes(sandbox),
    ...packageRoutes(sandbox),
    ...configRoutes(sandbox),
    ...resourceRoutes(sandbox),
    ...infraRoutes(sandbox),
    ...apiKeyRoutes(sandbox),
    ...(faults?.routes() ?? []),
  );

  const timers = new Set<NodeJS.Timeout>();
  const delay = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(() => (timers.delete(timer), resolve()), ms);
    timers.add(timer);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fault = faults?.take((req.method ?? 'GET').toUpperCase(), new URL(req.url ?? '/', 'http://x').pathname);
    if (fault?.latencyMs) await delay(fault.latencyMs);
    if (fault?.reset) {
      req.socket.destroy();
      return;
    }
    if (fault?.status) return send(res, faultReply(fault.status));
    try {
      send(res, await router.dispatch(req), fault?.malformed);
    } catch (error) {
      if (error instanceof HttpError) {
        send(res, { ...json({ detail: error.detail }, error.status), headers: error.headers }, fault?.malformed);
        return;
      }
      // Unhandled errors are a bare 500, as Starlette sends them. Emulated database failures are
      // expected (logged only when asked); anything else is a sandbox bug and always reported.
      if (error instanceof DatabaseError) options.log?.(`database error: ${error.message}`);
      else process.stderr.write(`sandbox: ${(error as Error).stack ?? error}\n`);
      send(res, text('Internal Server Error', 'text/plain', 500));
    }
  }

  /** No request may take the process down: whatever escapes `handle` (even while replying) ends as a bare 500. */
  function serve(req: IncomingMessage, res: ServerResponse): void {
    handle(req, res).catch((error: unknown) => {
      process.stderr.write(`sandbox: ${(error as Error)?.stack ?? String(error)}\n`);
      if (!res.headersSent) send(res, text('Internal Server Error', 'text/plain', 500));
      else res.destroy();
    });
  }

  const server = createServer(serve);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    adminKey,
    get state() {
      return store.state;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.flush();
    },
  };
}
