/**
 * THE classifier: every way a call can fail ends here and leaves as one `SinasApiError` with a kind
 * and a sentence naming the host. Two entries: `classifyResponse` for an HTTP answer that is not
 * the expected success, `classifyFailure` for everything thrown before or while reading one.
 */
import { SinasApiError, type SinasApiErrorInit, type ValidationItem } from './errors';
import { NOT_LOOPBACK, type NotLoopbackError } from './insecure-url';
import { scrub, scrubDeep } from './redact';
import { serverText, stripControls } from './server-text';
import { pydanticItems, splitValidationDetail, VALIDATION_PREFIX } from './validation-detail';

export interface CallContext {
  method: string;
  /** Path and query, never credentials. */
  path: string;
  /** `host[:port]` of the base URL, as shown to users. */
  host: string;
  /** What the call does, for sentences: "install packages", "list LLM providers". */
  action?: string;
  /** The permission the endpoint checks, for 403 sentences. */
  permission?: string;
  timeoutMs: number;
  /** The key and secret values of this call: masked in whatever the server sends back. */
  sensitive: readonly string[];
}

export type FailurePhase = 'connect' | 'headers' | 'body';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
/** Server text inside one of our sentences: clean, cut to length, without its final full stop. */
const sentence = (text: string) => {
  const clean = serverText(text);
  let end = clean.length;
  while (end > 0 && (clean[end - 1] === '.' || /\s/.test(clean[end - 1]))) end--;
  return clean.slice(0, end);
};

function make(ctx: CallContext, init: Omit<SinasApiErrorInit, 'method' | 'path'>): SinasApiError {
  return new SinasApiError({ method: ctx.method, path: ctx.path, ...init });
}

/**
 * The server's `detail` when the body is FastAPI's `{"detail": …}`, with this call's sensitive values
 * masked and control characters removed (it is read, then shown).
 */
function parseDetail(body: string, sensitive: readonly string[]): { detail?: unknown; json: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch {
    return { json: false };
  }
  if (!value || typeof value !== 'object' || !('detail' in value)) return { json: true };
  const detail = scrubDeep((value as { detail: unknown }).detail, sensitive);
  return { detail: typeof detail === 'string' ? stripControls(detail) : detail, json: true };
}

/** Validation items as shown: clean and of readable length. */
const shownItems = (items: ValidationItem[]): ValidationItem[] => items.map((i) => ({ path: serverText(i.path, 200), message: serverText(i.message) }));

/** `Retry-After` as delta-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function forbidden(ctx: CallContext, detail: string | undefined): SinasApiErrorInit {
  const denied = /^Permission denied: (\S{1,200})/.exec(detail ?? '');
  const permission = denied?.[1] ?? ctx.permission;
  const notAuthorized = /^Not authorized to (.+?)\.?$/.exec(detail ?? '');
  const what = notAuthorized ? sentence(notAuthorized[1]) : (ctx.action ?? `${ctx.method} ${ctx.path}`);
  const message = permission
    ? `${ctx.host} refused to ${what}: the API key lacks the permission ${permission}.`
    : `${ctx.host} refused to ${what} with this API key (${sentence(detail ?? 'forbidden')}).`;
  return { kind: 'forbidden', message, permission };
}

function validation(ctx: CallContext, raw: ValidationItem[], what: string): SinasApiErrorInit {
  const items = shownItems(raw);
  const first = items[0];
  const summary =
    items.length === 1 && first ? `${first.path ? `${first.path}: ` : ''}${sentence(first.message)}` : plural(items.length, 'problem');
  return { kind: 'validation', message: `${ctx.host} rejected ${what}: ${summary}.`, items };
}

/** A non-success HTTP answer (any status the endpoint does not document as success). */
export function classifyResponse(
  ctx: CallContext,
  status: number,
  headers: Record<string, string | string[] | undefined>,
  body: string,
): SinasApiError {
  const header = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const { detail, json } = parseDetail(body, ctx.sensitive);
  const text = typeof detail === 'string' ? detail : undefined;
  const base = { status, detail: text === undefined ? undefined : serverText(text) };

  if (status === 401) {
    const message =
      text === 'Missing authorization header'
        ? `No API key was sent to ${ctx.host}; set one for this connection.`
        : `The API key was rejected by ${ctx.host} (${sentence(text ?? 'unauthorized')}); check it or create a new one.`;
    return make(ctx, { ...base, kind: 'auth', message });
  }
  if (status === 403) return make(ctx, { ...base, ...forbidden(ctx, text) });
  if (status === 404) {
    const message =
      !json || text === 'Not Found'
        ? `${ctx.host} has no ${ctx.method} ${ctx.path.split('?')[0]} (404); check that the URL points at the Sinas API.`
        : `${sentence(text ?? 'Not found')} on ${ctx.host}.`;
    return make(ctx, { ...base, kind: 'notFound', message });
  }
  if (status === 405) {
    return make(ctx, {
      ...base,
      kind: 'unsupported',
      message: `${ctx.host} does not support ${ctx.method} ${ctx.path.split('?')[0]} (405); is it an older Sinas?`,
    });
  }
  if (status === 422) {
    const items = pydanticItems(detail) ?? [{ path: '', message: text ?? 'Unprocessable request' }];
    return make(ctx, { ...base, ...validation(ctx, items, 'the request') });
  }
  if (status === 400 && text?.startsWith(VALIDATION_PREFIX)) {
    return make(ctx, { ...base, ...validation(ctx, splitValidationDetail(text), 'the package') });
  }
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(header('retry-after'));
    const wait = retryAfterMs !== undefined ? ` Try again in ${seconds(retryAfterMs)}.` : '';
    const message =
      status === 429
        ? `${ctx.host} is limiting requests (429 Too Many Requests).${wait || ' Try again later.'}`
        : status === 502 || status === 503 || status === 504
          ? `${ctx.host} is unavailable (HTTP ${status}${text ? `: ${sentence(text)}` : ''}).${wait || ' Try again later.'}`
          : `${ctx.host} failed with an internal error (HTTP ${status}) on ${ctx.method} ${ctx.path.split('?')[0]}${text ? `: ${sentence(text)}` : ''}.`;
    return make(ctx, { ...base, kind: 'server', message, retryable: true, retryAfterMs });
  }
  if (status >= 300 && status < 400) {
    const location = header('location');
    return make(ctx, {
      ...base,
      kind: 'badResponse',
      message: `${ctx.host} redirected ${ctx.method} ${ctx.path.split('?')[0]}${location ? ` to ${sentence(scrub(location, ctx.sensitive))}` : ''} (HTTP ${status}); use the final URL in the connection settings.`,
    });
  }
  if (status >= 400 && status < 500) {
    const message = text?.startsWith('Package apply failed: ')
      ? `${ctx.host} could not install the package and rolled it back: ${sentence(text.slice('Package apply failed: '.length))}.`
      : `${ctx.host} rejected the request (HTTP ${status}${text ? `: ${sentence(text)}` : ''}).`;
    return make(ctx, { ...base, kind: 'badRequest', message });
  }
  return make(ctx, { ...base, kind: 'badResponse', message: `${ctx.host} answered with an unexpected HTTP ${status}.` });
}

/** A body larger than the client reads (see read-body.ts). */
export function classifyOversized(ctx: CallContext, status: number, limit: number): SinasApiError {
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} kB`;
  return make(ctx, {
    kind: 'badResponse',
    status,
    message: `${ctx.host} sent an oversized response to ${ctx.method} ${ctx.path.split('?')[0]} (more than ${size}); it was not read further.`,
  });
}

/** A success status whose body is not what the API sends (HTML from a console, truncated JSON, …). */
export function classifyBadBody(ctx: CallContext, status: number, contentType: string | undefined, cause?: unknown): SinasApiError {
  const html = /html/i.test(contentType ?? '');
  const message = html
    ? `${ctx.host} answered ${ctx.method} ${ctx.path.split('?')[0]} with an HTML page instead of JSON; is the URL the Sinas API rather than the console?`
    : `${ctx.host} answered ${ctx.method} ${ctx.path.split('?')[0]} with a body that is not valid JSON (HTTP ${status}${contentType ? `, ${contentType}` : ''}).`;
  return make(ctx, { kind: 'badResponse', status, message, cause });
}

const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'is self-signed and not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'is signed by a self-signed certificate that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'is not signed by a trusted authority',
  UNABLE_TO_GET_ISSUER_CERT: 'is not signed by a trusted authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'is not signed by a trusted authority',
  CERT_UNTRUSTED: 'is not trusted',
  CERT_HAS_EXPIRED: 'has expired',
  CERT_NOT_YET_VALID: 'is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'is for another host name',
  CERT_REVOKED: 'has been revoked',
};

const UNREACHABLE: Record<string, (host: string, hostname: string) => string> = {
  ECONNREFUSED: (host) => `Cannot connect to ${host}: the connection was refused (is Sinas running on that port?).`,
  ENOTFOUND: (_host, hostname) => `Cannot resolve the host name ${hostname}; check the URL.`,
  EAI_AGAIN: (_host, hostname) => `Cannot resolve the host name ${hostname} right now (DNS lookup failed).`,
  ECONNRESET: (host) => `The connection to ${host} was reset before the response was complete.`,
  EPIPE: (host) => `The connection to ${host} was closed while sending the request.`,
  UND_ERR_SOCKET: (host) => `${host} closed the connection before the response was complete.`,
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: (host) => `${host} closed the connection before the response was complete.`,
  EHOSTUNREACH: (host) => `Cannot reach ${host}: no route to the host.`,
  ENETUNREACH: (host) => `Cannot reach ${host}: the network is unreachable.`,
};

/** The error's own code, else that of its cause or first aggregated error (happy-eyeballs). */
export function errorCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined;
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown[] };
  if (typeof e.code === 'string' && e.code !== 'UND_ERR_CONNECT') return e.code;
  return errorCode(e.cause, depth + 1) ?? (Array.isArray(e.errors) ? errorCode(e.errors[0], depth + 1) : undefined);
}

/** Codes worth retrying a GET for: the connection broke or was not there yet. */
export const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH']);

/**
 * A thrown error. `aborted` says which of our signals fired (the deadline or the caller's), which
 * outranks whatever undici threw in response; `phase` is how far the exchange got.
 */
export function classifyFailure(
  ctx: CallContext & { hostname: string },
  error: unknown,
  aborted: 'timeout' | 'cancelled' | undefined,
  phase: FailurePhase,
): SinasApiError {
  if (error instanceof SinasApiError) return error;
  if (aborted === 'cancelled') {
    return make(ctx, { kind: 'cancelled', message: `The request to ${ctx.host} was cancelled.`, cause: error });
  }
  const code = errorCode(error);
  const timeoutPhase: FailurePhase | undefined =
    aborted === 'timeout'
      ? phase
      : code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT'
        ? 'connect'
        : code === 'UND_ERR_HEADERS_TIMEOUT'
          ? 'headers'
          : code === 'UND_ERR_BODY_TIMEOUT'
            ? 'body'
            : undefined;
  if (timeoutPhase) {
    const doing = { connect: 'to accept the connection', headers: 'to answer', body: 'to send the whole response' }[timeoutPhase];
    return make(ctx, {
      kind: 'timeout',
      message: `${ctx.host} took longer than ${seconds(ctx.timeoutMs)} ${doing} (${ctx.method} ${ctx.path.split('?')[0]}).`,
      retryable: true,
      code,
      cause: error,
    });
  }
  if (code === NOT_LOOPBACK) {
    return make(ctx, {
      kind: 'insecure',
      message: `${ctx.host} connects to ${(error as NotLoopbackError).address}, which is not this machine: the API key was not sent over plain http. Use https://, or allow plain http for this instance.`,
      code,
      cause: error,
    });
  }
  if (code && TLS_REASONS[code]) {
    return make(ctx, {
      kind: 'tls',
      message: `The TLS certificate of ${ctx.host} ${TLS_REASONS[code]} (${code}); the API key was not sent.`,
      code,
      cause: error,
    });
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO' || (code ?? '').startsWith('ERR_SSL_')) {
    return make(ctx, {
      kind: 'tls',
      message: `The TLS handshake with ${ctx.host} failed (${code}); does the server speak https on that port?`,
      code,
      cause: error,
    });
  }
  if (code && UNREACHABLE[code]) {
    return make(ctx, { kind: 'unreachable', message: UNREACHABLE[code](ctx.host, ctx.hostname), retryable: true, code, cause: error });
  }
  if (code?.startsWith('HPE_')) {
    return make(ctx, { kind: 'badResponse', message: `${ctx.host} did not answer with valid HTTP (${code}).`, code, cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return make(ctx, {
    kind: 'unreachable',
    message: `Cannot reach ${ctx.host}: ${sentence(reason)}${code ? ` (${code})` : ''}.`,
    retryable: true,
    code,
    cause: error,
  });
}
