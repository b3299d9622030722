/**
 * The one request function of the Sinas client, over undici: base URL + path, `X-API-Key`, JSON
 * bodies, a per-attempt deadline covering connect, headers and body, cancellation through an
 * AbortSignal, bounded retries for GET only (broken connections, 502/503/504, 429 with
 * Retry-After), and every failure classified into a `SinasApiError` (see classify.ts). A hook
 * receives one redacted line of data per attempt (method, path, status, duration).
 */
import { rootCertificates } from 'node:tls';
import type { Dispatcher } from 'undici';
import type * as Undici from 'undici';

let undici: typeof Undici | undefined;
/** undici is loaded on the first request: it is most of the extension's load time, and editing never needs it. */
function loadUndici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (undici ??= require('undici') as typeof Undici);
}
import { classifyBadBody, classifyFailure, classifyOversized, classifyResponse, TRANSIENT_CODES, type CallContext, type FailurePhase } from './classify';
import { SinasApiError, type SinasErrorKind } from './errors';
import { loopbackOnly } from './insecure-url';
import { MAX_RESPONSE_BYTES, readCapped } from './read-body';
import { redactBody, redactHeaders, scrub, scrubDeep, type DeclaredVariable } from './redact';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface RetryPolicy {
  /** Extra attempts after the first (GET only). */
  retries: number;
  /** First backoff; doubled per attempt, with jitter, capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is returned instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 250, maxDelayMs: 2000, maxRetryAfterMs: 10_000 };
export const DEFAULT_TIMEOUT_MS = 30_000;

/** What the hook gets per attempt. Headers and body are already redacted. */
export interface ExchangeLog {
  method: HttpMethod;
  /** Path and query; the base URL's host is in `host`. */
  path: string;
  host: string;
  /** HTTP status, when an answer arrived. */
  status?: number;
  durationMs: number;
  /** 1 for the first try. */
  attempt: number;
  /** Set when the attempt failed (including non-2xx answers). */
  errorKind?: SinasErrorKind;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
}

export type ExchangeHook = (entry: ExchangeLog) => void;

/** `POST /api/v1/packages/install 200 143 ms` — one log line, safe to show anywhere. */
export function formatExchange(e: ExchangeLog): string {
  const outcome = e.status !== undefined ? String(e.status) : (e.errorKind ?? 'failed');
  const retry = e.attempt > 1 ? ` (attempt ${e.attempt})` : '';
  return `${e.method} ${e.path} ${outcome}${e.errorKind && e.status !== undefined ? ` ${e.errorKind}` : ''} ${Math.round(e.durationMs)} ms${retry}`;
}

export interface HttpOptions {
  baseUrl: string;
  /** Sent as `X-API-Key`; omitted when empty. */
  apiKey?: string;
  /** Per attempt, covering connect + headers + body. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Certificate authorities (PEM) trusted besides the built-in ones, e.g. a company CA. Ignored with a custom dispatcher. */
  ca?: string | string[];
  /**
   * `allow`: the user accepted sending the key over plain http to this URL. Otherwise (default) a
   * plain-http connection that carries the key must reach a loopback address, or nothing is sent.
   */
  plainHttp?: 'loopback' | 'allow';
  /** Largest response body read, in bytes (default MAX_RESPONSE_BYTES); a larger one fails the call. */
  maxResponseBytes?: number;
  /** A custom undici dispatcher (tests, proxies). Not closed by `close()`; the plain-http check is then the dispatcher's. */
  dispatcher?: Dispatcher;
  onExchange?: ExchangeHook;
  userAgent?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}

export interface HttpRequest extends CallOptions {
  method: HttpMethod;
  /** Starts with `/`; appended to the base URL (whose own path prefix is kept). */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Serialised as JSON. */
  body?: unknown;
  /** How a success body is read. */
  expect: 'json' | 'text' | 'empty';
  /** For error sentences. */
  action?: string;
  permission?: string;
  /** Declarations used to redact `variables` in the logged body. */
  declarations?: readonly DeclaredVariable[];
  /** Values to keep out of logs and error messages (secret variable values). */
  sensitive?: readonly string[];
}

export interface HttpResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  data: T;
}

interface Attempt {
  ctx: CallContext & { hostname: string };
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export class HttpClient {
  readonly baseUrl: string;
  readonly host: string;
  private readonly hostname: string;
  private readonly origin: string;
  /** The base URL's own path (`/sinas` behind a prefixing proxy), or ''. */
  private readonly basePath: string;
  private ownDispatcher: Dispatcher | undefined;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;

  constructor(private readonly options: HttpOptions) {
    const url = parseBaseUrl(options.baseUrl);
    this.baseUrl = withoutTrailingSlashes(url.href);
    this.host = url.host;
    this.hostname = url.hostname;
    this.origin = url.origin;
    this.basePath = withoutTrailingSlashes(url.pathname);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** The caller's dispatcher, or our own connection pool, created on first use. */
  private get dispatcher(): Dispatcher {
    if (this.options.dispatcher) return this.options.dispatcher;
    const { ca, apiKey, plainHttp } = this.options;
    if (!this.ownDispatcher) {
      const { Agent, buildConnector } = loadUndici();
      const connect = buildConnector({ timeout: this.timeoutMs, ...(ca ? { ca: [...rootCertificates, ...[ca].flat()] } : {}) });
      this.ownDispatcher = new Agent({ keepAliveTimeout: 4_000, connect: apiKey && plainHttp !== 'allow' ? loopbackOnly(connect) : connect });
    }
    return this.ownDispatcher;
  }

  async request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
    const attempt = this.prepare(req);
    for (let n = 1; ; n++) {
      try {
        return await this.once<T>(req, attempt, n);
      } catch (raw) {
        const error = scrubError(raw as SinasApiError, attempt.ctx.sensitive);
        const delay = req.method === 'GET' && n <= this.retry.retries ? this.retryDelay(error, n) : undefined;
        if (delay === undefined) throw error;
        await sleep(delay, req.signal, () => cancelled(attempt.ctx));
      }
    }
  }

  /** Releases the connections of the client's own dispatcher. */
  async close(): Promise<void> {
    await this.ownDispatcher?.close(); // never the caller's
  }

  private prepare(req: HttpRequest): Attempt {
    const query = Object.entries(req.query ?? {})
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    const path = `${this.basePath}${req.path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = { accept: req.expect === 'text' ? 'text/yaml, text/plain, */*' : 'application/json' };
    if (this.options.userAgent) headers['user-agent'] = this.options.userAgent;
    if (this.options.apiKey) headers['x-api-key'] = this.options.apiKey;
    let body: string | undefined;
    if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    const ctx = {
      method: req.method,
      path,
      host: this.host,
      hostname: this.hostname,
      action: req.action,
      permission: req.permission,
      timeoutMs: req.timeoutMs ?? this.timeoutMs,
      sensitive: [this.options.apiKey ?? '', ...(req.sensitive ?? [])].filter(Boolean),
    };
    return { ctx, url: `${this.origin}${path}`, headers, body };
  }

  private async once<T>(req: HttpRequest, attempt: Attempt, n: number): Promise<HttpResponse<T>> {
    const { ctx } = attempt;
    if (req.signal?.aborted) throw cancelled(ctx);
    const started = performance.now();
    const controller = new AbortController();
    let aborted: 'timeout' | 'cancelled' | undefined;
    const timer = setTimeout(() => {
      aborted = 'timeout';
      controller.abort(new Error('deadline'));
    }, ctx.timeoutMs);
    const onCancel = () => {
      aborted ??= 'cancelled';
      controller.abort(new Error('cancelled'));
    };
    req.signal?.addEventListener('abort', onCancel, { once: true });
    let status: number | undefined;
    let error: SinasApiError | undefined;
    try {
      const res = await loadUndici().request(attempt.url, {
        method: req.method,
        headers: attempt.headers,
        body: attempt.body,
        signal: controller.signal,
        dispatcher: this.dispatcher,
        headersTimeout: ctx.timeoutMs,
        bodyTimeout: ctx.timeoutMs,
      });
      status = res.statusCode;
      const headers = res.headers as HttpResponse<T>['headers'];
      const limit = this.options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
      const text = await readCapped(res.body, limit, headers['content-length']);
      if (text === undefined) throw classifyOversized(ctx, status, limit);
      if (status < 200 || status >= 300) throw classifyResponse(ctx, status, headers, text);
      // Whatever the server echoes back of the key or a secret value is masked before anyone sees it.
      return { status, headers, data: scrubDeep(decode<T>(ctx, req.expect, status, headers, text), ctx.sensitive) };
    } catch (raw) {
      // Before the status line the deadline covers connecting and waiting; after it, the body.
      const phase: FailurePhase = status === undefined ? 'headers' : 'body';
      error = raw instanceof SinasApiError ? raw : classifyFailure(ctx, raw, aborted, phase);
      throw error;
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onCancel);
      this.log(req, attempt, n, performance.now() - started, status, error?.kind);
    }
  }

  private retryDelay(error: SinasApiError, n: number): number | undefined {
    const transient =
      (error.kind === 'unreachable' && TRANSIENT_CODES.has(error.code ?? '')) ||
      (error.kind === 'server' && [429, 502, 503, 504].includes(error.status ?? 0));
    if (!transient) return undefined;
    if (error.retryAfterMs !== undefined) return error.retryAfterMs <= this.retry.maxRetryAfterMs ? error.retryAfterMs : undefined;
    const exp = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (n - 1));
    return exp / 2 + Math.random() * (exp / 2);
  }

  private log(req: HttpRequest, attempt: Attempt, n: number, durationMs: number, status?: number, errorKind?: SinasErrorKind): void {
    const hook = this.options.onExchange;
    if (!hook) return;
    try {
      hook({
        method: req.method,
        path: attempt.ctx.path,
        host: this.host,
        status,
        durationMs,
        attempt: n,
        errorKind,
        requestHeaders: redactHeaders(attempt.headers),
        requestBody: req.body === undefined ? undefined : redactBody(req.body, req.declarations),
      });
    } catch {
      // A failing logger must not fail the call.
    }
  }
}

/** `raw` as it may be shown: a password (or a whole `user:password@`) replaced by `***`. */
export function displayUrl(raw: string): string {
  return raw.replace(/^(\s*[a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/i, '$1***@');
}

/** `url` without trailing slashes (a loop: `/\/+$/` backtracks quadratically over many slashes). */
export function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 47) end--;
  return url.slice(0, end);
}

/** The base URL to call, or a SinasApiError saying why `raw` cannot be one (the password masked). */
export function parseBaseUrl(raw: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(raw.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new SinasApiError({ kind: 'unreachable', message: `"${displayUrl(raw.trim())}" is not an http(s) URL; set the Sinas URL, e.g. https://sinas.example.com.` });
  }
  if (url.username || url.password) {
    // Sinas authenticates with the API key only; credentials in the URL would be dropped or leak.
    throw new SinasApiError({ kind: 'unreachable', message: `The Sinas URL ${displayUrl(url.href)} holds a user name or password; remove them (the API key is given separately).` });
  }
  url.search = '';
  url.hash = '';
  return url;
}

function decode<T>(ctx: CallContext, expect: HttpRequest['expect'], status: number, headers: HttpResponse<T>['headers'], text: string): T {
  const contentType = String(headers['content-type'] ?? '');
  if (expect === 'empty') return undefined as T;
  if (/html/i.test(contentType)) throw classifyBadBody(ctx, status, contentType);
  if (expect === 'text') return text as T;
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw classifyBadBody(ctx, status, contentType || undefined, cause);
  }
}

function cancelled(ctx: CallContext): SinasApiError {
  return new SinasApiError({ kind: 'cancelled', method: ctx.method, path: ctx.path, message: `The request to ${ctx.host} was cancelled.` });
}

function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(onAbort());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(onAbort());
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** Rebuilds an error whose text contains a sensitive value (an echoed secret) with that value masked. */
function scrubError(error: SinasApiError, sensitive: readonly string[]): SinasApiError {
  const texts = [error.message, error.detail ?? '', ...error.items.flatMap((i) => [i.path, i.message])];
  if (texts.every((t) => scrub(t, sensitive) === t)) return error;
  return new SinasApiError({
    ...error,
    message: scrub(error.message, sensitive),
    detail: error.detail === undefined ? undefined : scrub(error.detail, sensitive),
    items: error.items.map((i) => ({ path: scrub(i.path, sensitive), message: scrub(i.message, sensitive) })),
  });
}
