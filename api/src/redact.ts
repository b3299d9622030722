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

/** `text` with every occurrence of each sensitive string (of at least MIN_SCRUB_LENGTH characters) replaced by `***`. */
export function scrub(text: string, sensitive: readonly string[]): string {
  let out = text;
  for (const secret of sensitive) if (secret.length >= MIN_SCRUB_LENGTH) out = out.split(secret).join(REDACTED);
  return out;
}
