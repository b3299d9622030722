/**
 * Redaction for everything the client logs or reports: credentials in headers, the values of
 * secret install-time variables in request bodies, and (as a last line of defence) any known
 * sensitive string inside free text. The request hook only ever sees redacted data.
 */

export const REDACTED = '***';

const SENSITIVE_HEADERS = new Set(['x-api-key', 'authorization', 'cookie', 'set-cookie', 'proxy-authorization']);

/** A copy of `headers` with credential headers replaced by `***`. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = SENSITIVE_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  return out;
}

/** The part of a variable declaration redaction needs (core's and the wire's declarations both fit). */
export interface DeclaredVariable {
  name: string;
  type?: string | null;
}

/**
 * A copy of `variables` with the value of every `secret` variable replaced by `***`. Without
 * declarations nothing is known about the types, so every value is redacted; a variable that is
 * not declared is redacted too.
 */
export function redactVariables(
  variables: Record<string, unknown>,
  declarations?: readonly DeclaredVariable[],
): Record<string, unknown> {
  const types = new Map((declarations ?? []).map((d) => [d.name, d.type ?? undefined]));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) {
    const type = types.get(name);
    out[name] = !declarations || type === undefined || type === 'secret' ? REDACTED : value;
  }
  return out;
}

/** The secret values among `variables` (by declaration; all values when there are no declarations). */
export function secretValues(variables: Record<string, unknown> | undefined, declarations?: readonly DeclaredVariable[]): string[] {
  if (!variables) return [];
  const redacted = redactVariables(variables, declarations);
  return Object.entries(variables)
    .filter(([name, value]) => redacted[name] === REDACTED && value !== REDACTED && value !== undefined && value !== null)
    .map(([, value]) => String(value))
    .filter((value) => value.length > 0);
}

/**
 * What a request body looks like in a log line: `variables` redacted by declaration, a package
 * `source`/`config` reduced to its length (it may carry `secrets[].value`), the rest as is.
 */
export function redactBody(body: unknown, declarations?: readonly DeclaredVariable[]): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if ((key === 'source' || key === 'config') && typeof value === 'string') out[key] = `<${value.length} characters>`;
    else if (key === 'variables' && value && typeof value === 'object') out[key] = redactVariables(value as Record<string, unknown>, declarations);
    else out[key] = value;
  }
  return out;
}

/**
 * Strings shorter than this are not scrubbed from free text: masking every "key" in "check" would
 * garble messages. Structured redaction (headers, `variables`) has no such limit.
 */
export const MIN_SCRUB_LENGTH = 4;

const percent = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/**
 * The forms in which a server may echo a value: as is, JSON-escaped (JavaScript style, and
 * Python's default ASCII-only style), and URL-encoded (component, form with `+`, RFC 3986 strict,
 * and with `/` left as is like Python's `quote`). Case is ignored when matching.
 */
export function echoForms(value: string): string[] {
  const forms = new Set([value]);
  const json = JSON.stringify(value).slice(1, -1);
  forms.add(json);
  forms.add(json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  try {
    const component = encodeURIComponent(value);
    const strict = component.replace(/[!'()*]/g, percent);
    forms.add(component).add(component.replace(/%20/g, '+')).add(strict).add(strict.replace(/%2F/g, '/'));
  } catch {
    // A lone surrogate cannot be URL-encoded, so it cannot be echoed that way either.
  }
  return [...forms];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** One case-insensitive pattern for every echo form of every sensitive string worth scrubbing; longest forms first. */
function scrubPattern(sensitive: readonly string[]): RegExp | undefined {
  const forms = [...new Set(sensitive.filter((s) => s.length >= MIN_SCRUB_LENGTH).flatMap(echoForms))];
  if (forms.length === 0) return undefined;
  forms.sort((a, b) => b.length - a.length);
  return new RegExp(forms.map(escapeRegExp).join('|'), 'gi');
}

/**
 * `text` with every occurrence of each sensitive string (of at least MIN_SCRUB_LENGTH characters),
 * in any of its echo forms and any letter case, replaced by `***`.
 */
export function scrub(text: string, sensitive: readonly string[]): string {
  const pattern = scrubPattern(sensitive);
  return pattern ? text.replace(pattern, REDACTED) : text;
}

/** A copy of a decoded JSON value with `scrub` applied to every string in it (keys included). */
export function scrubDeep<T>(value: T, sensitive: readonly string[]): T {
  const pattern = scrubPattern(sensitive);
  if (!pattern) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(pattern, REDACTED);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, item]) => [k.replace(pattern, REDACTED), walk(item)]));
    return v;
  };
  return walk(value) as T;
}
