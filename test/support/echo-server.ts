/**
 * A careless Sinas: it answers the package endpoints, but echoes back what it was sent — the API key
 * and every variable value — in every form a server may use (as is, JSON-escaped, Python's ASCII
 * JSON, URL-encoded three ways, upper and lower case), in warnings, errors, change details, stored
 * values and error details, wrapped in terminal escape sequences. Used to check that no output path
 * of the CLI or the extension shows any of it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The forms a value may come back in; written out here, independently of the client's masking. */
export function echoedForms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const asciiJson = json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const url = encodeURIComponent(value);
  const pythonQuote = url.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%2F/g, '/');
  const forms = [value, json, asciiJson, url, url.replace(/%20/g, '+'), pythonQuote, url.toLowerCase()];
  return [...new Set([...forms, ...forms.map((f) => f.toUpperCase()), ...forms.map((f) => f.toLowerCase())])];
}

/** The forms of `values` found in `text`, ignoring case (what a leak check reports). */
export function leakedForms(text: string, values: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return values.flatMap(echoedForms).filter((form, i, all) => all.indexOf(form) === i && lower.includes(form.toLowerCase()));
}

export interface EchoServer {
  url: string;
  close(): Promise<void>;
}

const ESC = '\u001b';

export async function startEchoServer(): Promise<EchoServer> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => answer(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  const send = (status: number, value: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  let parsed: { source?: string; variables?: Record<string, unknown> } = {};
  try {
    parsed = JSON.parse(body || '{}');
  } catch {
    // Echo what can be echoed.
  }
  const sent = [String(req.headers['x-api-key'] ?? ''), ...Object.values(parsed.variables ?? {}).filter((v): v is string => typeof v === 'string')].filter(Boolean);
  const forms = sent.flatMap(echoedForms);
  const perValue = sent.map((value) => echoedForms(value).join(' | '));
  const path = (req.url ?? '/').split('?')[0];
  const name = /^\s*name:\s*"?([\w-]+)/m.exec(parsed.source ?? '')?.[1] ?? 'echoed';

  if (req.method === 'GET' && path === '/health') return send(200, { status: 'healthy' });
  if (req.method === 'GET' && path.startsWith('/api/v1/packages/')) return send(404, { detail: `Package '${decodeURIComponent(path.split('/').pop()!)}' not found` });
  const apply = {
    success: true,
    summary: { created: { functions: 1 }, updated: {}, unchanged: {}, deleted: {} },
    changes: [{ action: 'create', resourceType: 'functions', resourceName: 'default/echo', details: forms.join(' '), changes: null }],
    errors: perValue.map((f) => `${ESC}[31mFunction 'default/echo': values ${f} were rejected${ESC}[0m`),
    warnings: [`${ESC}]8;;https://evil.example${ESC}\\stored ${forms.join(', ')}${ESC}]8;;${ESC}\\`],
  };
  if (req.method === 'POST' && path === '/api/v1/packages/preview') return send(200, { ...apply, variables: [], requires_input: false });
  if (req.method === 'POST' && path === '/api/v1/packages/install') {
    const values = Object.fromEntries(Object.keys(parsed.variables ?? {}).map((k, i) => [k, forms[i % Math.max(forms.length, 1)] ?? '']));
    return send(200, { package: { id: '1', name, version: '1.0.0', description: forms.join(' '), author: null, source_url: null, installed_by: 'u', installed_at: '2026-01-01T00:00:00Z', updated_at: null, values }, apply });
  }
  send(500, { detail: `Could not handle ${forms.join(' ')}` });
}
