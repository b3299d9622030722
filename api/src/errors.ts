/**
 * The one error type every API call rejects with. `kind` is what callers branch on (offer "Set API
 * key" for auth, "Retry" for unreachable/timeout/server, show `items` for validation); `message` is
 * a sentence a user understands and never contains the API key or a secret value.
 */

export type SinasErrorKind =
  /** 401: the key is missing, wrong, revoked or expired. */
  | 'auth'
  /** 403: the key lacks a permission (`permission` names it when known). */
  | 'forbidden'
  /** 404: the package / resource / route does not exist. */
  | 'notFound'
  /** 400 "Package validation failed" or 422: `items` lists each problem with its path. */
  | 'validation'
  /** Any other 4xx the server explains in `detail` (e.g. "Expected kind: SinasPackage"). */
  | 'badRequest'
  /** 5xx or 429. */
  | 'server'
  /** No answer within the call's time limit (connect, headers or body). */
  | 'timeout'
  /** Connection refused, DNS failure, connection reset. */
  | 'unreachable'
  /** Certificate not trusted, expired, or for another host name. */
  | 'tls'
  /** Plain http reached an address that is not this machine, and the user has not accepted that: nothing was sent. */
  | 'insecure'
  /** The server answered, but not with what the API sends (non-JSON, HTML, a redirect). */
  | 'badResponse'
  /** The caller's AbortSignal fired. */
  | 'cancelled'
  /** The instance does not support what was asked (older Sinas: no variables, 405). */
  | 'unsupported';

/** One validation problem: `path` as the server writes it (`spec.agents[0].enabledFunctions`, `body.source`). */
export interface ValidationItem {
  path: string;
  message: string;
}

export interface SinasApiErrorInit {
  kind: SinasErrorKind;
  message: string;
  method?: string;
  /** Request path (no host, no credentials). */
  path?: string;
  status?: number;
  /** The server's `detail` when it was a string. */
  detail?: string;
  items?: ValidationItem[];
  /** The missing permission, for `forbidden`. */
  permission?: string;
  /** Whether trying again later can succeed (network, timeout, 5xx, 429). */
  retryable?: boolean;
  /** From `Retry-After` on 429/503. */
  retryAfterMs?: number;
  /** Low-level code (`ECONNREFUSED`, `CERT_HAS_EXPIRED`, `UND_ERR_HEADERS_TIMEOUT`). */
  code?: string;
  cause?: unknown;
}

export class SinasApiError extends Error {
  override readonly name = 'SinasApiError';
  readonly kind: SinasErrorKind;
  readonly method?: string;
  readonly path?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly items: ValidationItem[];
  readonly permission?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly code?: string;

  constructor(init: SinasApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.detail = init.detail;
    this.items = init.items ?? [];
    this.permission = init.permission;
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.code = init.code;
  }

  /** The same error with another sentence (a caller adding what the failure means for its call). */
  withMessage(message: string): SinasApiError {
    return new SinasApiError({ ...this, kind: this.kind, message, items: this.items, cause: this.cause });
  }

  /** The message followed by one line per validation item when there are several (a single one is in the message). */
  describe(): string {
    if (this.items.length < 2) return this.message;
    return [this.message, ...this.items.map((i) => `  ${i.path ? `${i.path}: ` : ''}${i.message}`)].join('\n');
  }
}

export function isSinasApiError(value: unknown, kind?: SinasErrorKind): value is SinasApiError {
  return value instanceof SinasApiError && (kind === undefined || value.kind === kind);
}
