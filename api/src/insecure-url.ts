/**
 * Sending the API key over plain http is only harmless when the traffic never leaves the machine,
 * and only the address actually connected to says so: a name (`x.localhost`, `localhost.`,
 * `127.0.0.1.nip.io`) can resolve anywhere. So loopback is decided on addresses twice: before the
 * first request, on what the host name resolves to (callers warn — the extension with a modal, the
 * CLI with a prompt or a refusal), and at every connection, on the peer's address (the client
 * refuses to send anything unless the user accepted plain http; see `loopbackOnly`).
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { Socket } from 'node:net';
import type { buildConnector } from 'undici';

/** A loopback IP address: 127.0.0.0/8, `::1`, or 127/8 mapped into IPv6. Names are not addresses. */
export function isLoopbackAddress(address: string): boolean {
  const ip = address.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (ip === '::1' || ip === '0:0:0:0:0:0:0:1') return true;
  // IPv4-mapped 127/8, as written (`::ffff:127.0.0.1`) or as URL normalises it (`::ffff:7f00:1`).
  if (/^(?:0:0:0:0:0:|::)ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(ip)) return true;
  const v4 = /^(?:(?:0:0:0:0:0:|::)ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  return !!v4 && Number(v4[1]) === 127 && v4.slice(2).every((part) => Number(part) <= 255);
}

export type Lookup = (hostname: string) => Promise<readonly { address: string }[]>;

const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * The warning to show before the key is sent to `url`: for `http://` unless every address the host
 * name resolves to is loopback (a name that does not resolve is not known to be loopback). Undefined
 * for https, a loopback address or an unparsable URL.
 */
export async function plainHttpWarning(url: string, lookup: Lookup = systemLookup): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (parsed.protocol !== 'http:' || isLoopbackAddress(hostname)) return undefined;
  const addresses = await lookup(hostname).catch(() => []);
  if (addresses.length > 0 && addresses.every((a) => isLoopbackAddress(a.address))) return undefined;
  return `${parsed.host} is reached over plain http: the API key would travel unencrypted. Use https:// unless this network is trusted.`;
}

/** The code of the error a refused connection fails with (classify.ts turns it into kind `insecure`). */
export const NOT_LOOPBACK = 'SINAS_PLAIN_HTTP_NOT_LOOPBACK';

export class NotLoopbackError extends Error {
  readonly code = NOT_LOOPBACK;
  constructor(readonly address: string) {
    super(`plain http connection to ${address}, which is not this machine`);
  }
}

/**
 * Wraps an undici connector: a plain-http connection whose peer is not a loopback address is
 * closed before a byte is sent, and the request fails with `NotLoopbackError`.
 */
export function loopbackOnly(connect: buildConnector.connector): buildConnector.connector {
  return (options, callback) =>
    connect(options, (error, socket) => {
      if (error || !socket) return callback(error ?? new Error('no socket'), null);
      const address = (socket as Socket).remoteAddress ?? '';
      if (options.protocol === 'http:' && !isLoopbackAddress(address)) {
        socket.destroy();
        return callback(new NotLoopbackError(address || 'an unknown address'), null);
      }
      callback(null, socket);
    });
}
