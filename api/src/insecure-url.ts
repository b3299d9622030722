/**
 * Sending the API key over plain http is only harmless when the traffic never leaves the machine.
 * Callers check this before the first request and warn (the extension with a modal, the CLI with a
 * prompt or a refusal).
 */

/** Loopback names and addresses: `localhost`, `*.localhost`, 127.0.0.0/8, `::1` (and IPv4-mapped forms). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  // IPv4-mapped 127/8, as written (`::ffff:127.0.0.1`) or as URL normalises it (`::ffff:7f00:1`).
  if (/^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host.replace(/^::ffff:/, ''));
}

/** True for `http://` to a host that is not loopback; false for https, loopback, or an unparsable URL. */
export function isInsecureUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return false;
  }
  return parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname);
}

/** The warning to show before the key is sent, or undefined when the URL is fine. */
export function insecureUrlWarning(url: string): string | undefined {
  if (!isInsecureUrl(url)) return undefined;
  const host = new URL(url.trim()).host;
  return `${host} is reached over plain http: the API key would travel unencrypted. Use https:// unless this network is trusted.`;
}
