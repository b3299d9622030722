/**
 * Routing with Starlette's outcomes: first route matching path and method wins; a path that matches
 * only with another method gives 405 (with `Allow`); no match gives 404 `{"detail":"Not Found"}`,
 * except that a trailing slash is answered with a 307 to the path without it.
 * Per request, checks run in FastAPI's order: JSON decoding (422 json_invalid) → auth (401) →
 * body fields (422) → the handler's own permission checks (403).
 */
import type { IncomingMessage } from 'node:http';
import { HttpError, notFound } from '../errors';
import { checkBody, decodeBody, readBody, type BodySchema } from './body';
import type { Reply } from './respond';

export interface Principal {
  userId: string;
  permissions: Record<string, boolean>;
}

export interface RequestContext {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Set on routes with `auth: true`. */
  principal: Principal;
  /** Checked against the route's schema when it has one, otherwise the decoded body (if any). */
  body: Record<string, unknown>;
}

export interface Route {
  method: string;
  /** `/api/v1/functions/{namespace}/{name}`; `{rest:path}` swallows the remaining segments. */
  path: string;
  auth?: boolean;
  body?: BodySchema;
  handle(ctx: RequestContext): Reply | Promise<Reply>;
}

export type Authenticate = (req: IncomingMessage) => Principal;

interface Compiled extends Route {
  regex: RegExp;
  names: string[];
}

function compile(route: Route): Compiled {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)(:path)?\}/g, (_m, name: string, isPath?: string) => {
    names.push(name);
    return isPath ? '(.+)' : '([^/]+)';
  });
  return { ...route, regex: new RegExp(`^${source}$`), names };
}

export class Router {
  private readonly routes: Compiled[] = [];

  constructor(private readonly authenticate: Authenticate) {}

  add(...routes: Route[]): this {
    for (const route of routes) this.routes.push(compile(route));
    return this;
  }

  private match(method: string, path: string): { route?: Compiled; params?: Record<string, string>; allowed: string[] } {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = m[i + 1]));
      return { route, params, allowed };
    }
    return { allowed };
  }

  async dispatch(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = (req.method ?? 'GET').toUpperCase();
    // ASGI hands Starlette the percent-decoded path, so `a%2Fb` is two segments there too.
    const path = decodePath(url.pathname);
    const found = this.match(method, path);
    if (!found.route) {
      if (found.allowed.length) {
        throw new HttpError(405, 'Method Not Allowed', { allow: [...new Set(found.allowed)].join(', ') });
      }
      const trimmed = path.replace(/\/+$/, '');
      if (trimmed !== path && trimmed && (this.match(method, trimmed).route || this.match(method, trimmed).allowed.length)) {
        const location = `http://${req.headers.host ?? 'localhost'}${url.pathname.replace(/\/+$/, '')}${url.search}`;
        return { status: 307, headers: { location }, text: '' };
      }
      throw notFound();
    }
    const { route, params } = found as { route: Compiled; params: Record<string, string> };
    const decoded = route.body ? decodeBody(await readBody(req), req.headers['content-type']) : undefined;
    const principal = route.auth ? this.authenticate(req) : { userId: '', permissions: {} };
    const body = route.body ? checkBody(decoded, route.body) : {};
    return route.handle({ req, params, query: url.searchParams, principal, body });
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
