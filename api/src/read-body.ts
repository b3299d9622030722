/**
 * Response bodies are read with a byte budget, counted while they stream in: a server that sends
 * more (a runaway export, an endless stream, a hostile peer) ends the call at the limit instead of
 * filling memory. The limit is far above any real answer: the largest are package exports, and the
 * editor stops analysing files at 5 MB by default.
 */
import type { Readable } from 'node:stream';

/** 32 MiB. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * The body as UTF-8 text (a BOM dropped), or undefined when it is larger than `limit` bytes — by its
 * `content-length`, before anything is read, or by counting. Then the stream is destroyed, which
 * closes the connection.
 */
export async function readCapped(body: Readable, limit: number, contentLength?: string | string[]): Promise<string | undefined> {
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  if (Number.isFinite(declared) && declared > limit) {
    body.destroy();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return new TextDecoder().decode(Buffer.concat(chunks, size));
}
