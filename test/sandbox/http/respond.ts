/** Writing responses the way Starlette does (JSON without spaces, `text/plain; charset=utf-8`). */
import type { ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  /** Serialised as JSON unless `text` is set; omitted entirely for 204. */
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export const json = (value: unknown, status = 200): Reply => ({ status, json: value });
export const noContent = (): Reply => ({ status: 204 });
export const text = (body: string, contentType: string, status = 200): Reply => ({ status, text: body, contentType });

/** The body bytes and headers of a reply; split out so fault injection can corrupt the body. */
export function encodeReply(reply: Reply): { body: Buffer; headers: Record<string, string> } {
  const headers: Record<string, string> = { ...reply.headers };
  let body = Buffer.alloc(0);
  if (reply.status !== 204 && reply.status !== 304) {
    if (reply.text !== undefined) {
      body = Buffer.from(reply.text, 'utf8');
      headers['content-type'] = `${reply.contentType ?? 'text/plain'}; charset=utf-8`;
    } else {
      body = Buffer.from(JSON.stringify(reply.json ?? null), 'utf8');
      headers['content-type'] = 'application/json';
    }
    headers['content-length'] = String(body.length);
  }
  return { body, headers };
}

export function send(res: ServerResponse, reply: Reply, corrupt = false): void {
  const { body, headers } = encodeReply(reply);
  if (corrupt) {
    // A body cut in the middle (or a lone brace for empty replies): unparsable JSON for the client.
    const broken = body.length > 1 ? body.subarray(0, Math.floor(body.length / 2)) : Buffer.from('{');
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(broken.length);
    res.writeHead(reply.status === 204 ? 200 : reply.status, headers).end(broken);
    return;
  }
  res.writeHead(reply.status, headers).end(body);
}
