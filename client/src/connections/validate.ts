/** Input checks for the connection prompts (pure; the messages show under the input box). */
import { withoutTrailingSlashes } from '../../../api/src';

/** Undefined when `url` is an http(s) base URL; otherwise why not. */
export function checkUrl(url: string): string | undefined {
  const text = url.trim();
  if (!text) return 'Enter the base URL of the Sinas instance, e.g. https://sinas.example.com';
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return 'This is not a URL; write it with its scheme, e.g. https://sinas.example.com';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'Use an http:// or https:// URL';
  if (parsed.username || parsed.password) return 'Leave credentials out of the URL; the API key is asked for next';
  if (parsed.search || parsed.hash) return 'Use the base URL only, without ?query or #fragment';
  return undefined;
}

/** `https://x.example.com/` -> `https://x.example.com` (what is stored and shown). */
export function normaliseUrl(url: string): string {
  return withoutTrailingSlashes(url.trim());
}

/** Undefined when `name` can label a new (or renamed) connection. */
export function checkName(name: string, taken: readonly string[], reserved: readonly string[]): string | undefined {
  const text = name.trim();
  if (!text) return 'Give the instance a short name, e.g. staging';
  if (text.length > 60) return 'Keep the name under 60 characters';
  const lower = text.toLowerCase();
  if (reserved.some((r) => r.toLowerCase() === lower)) return `"${text}" is reserved for the connection from SINAS_URL`;
  if (taken.some((t) => t.toLowerCase() === lower)) return `An instance named "${text}" already exists`;
  return undefined;
}
