/**
 * Typed reads of one YAML resource item (camelCase keys), applying the schema defaults of §4.
 * Validation has already rejected wrong types; these only coerce what pydantic's lax mode coerces.
 */
export type ConfigItem = Record<string, unknown>;

export const isItem = (value: unknown): value is ConfigItem => !!value && typeof value === 'object' && !Array.isArray(value);

/** The mappings of a YAML list; anything else in it is a schema error for the validator, skipped here. */
export const itemsOf = (value: unknown): ConfigItem[] => (Array.isArray(value) ? value.filter(isItem) : []);

export const str = (item: ConfigItem, key: string, fallback: string | null = null): string | null => {
  const value = item[key];
  return value === undefined || value === null ? fallback : String(value);
};

export const num = (item: ConfigItem, key: string, fallback: number | null = null): number | null => {
  const value = item[key];
  if (value === undefined || value === null || value === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) ? n : fallback;
};

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1', 't', 'y']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0', 'f', 'n']);

export const bool = (item: ConfigItem, key: string, fallback: boolean | null = null): boolean | null => {
  const value = item[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const word = String(value).toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return fallback;
};

export const list = <T = unknown>(item: ConfigItem, key: string): T[] => {
  const value = item[key];
  return Array.isArray(value) ? (value as T[]) : [];
};

export const dict = (item: ConfigItem, key: string): Record<string, unknown> | null => {
  const value = item[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
};

/** `Optional[dict]` fields that apply stores as `x or {}`. */
export const dictOrEmpty = (item: ConfigItem, key: string): Record<string, unknown> => dict(item, key) ?? {};

/** The identity columns of a namespaced item (`namespace` defaults to `default`). */
export const namespaced = (item: ConfigItem) => ({ namespace: str(item, 'namespace', 'default'), name: str(item, 'name') });

/** Splits `ns/name` (or a bare name, meaning `default/<name>`) at the first slash. */
export function splitRef(ref: string): [string, string] {
  const slash = ref.indexOf('/');
  return slash < 0 ? ['default', ref] : [ref.slice(0, slash), ref.slice(slash + 1)];
}

/** Drops keys whose value is null/undefined, recursing into nested dicts only (not lists), as the export serialisers do. */
export function dropNulls(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    out[key] = v && typeof v === 'object' && !Array.isArray(v) ? dropNulls(v as Record<string, unknown>) : v;
  }
  return out;
}

/** "x or None": falsy values ([], {}, false, 0, "") are omitted from exports. */
export function orNone(value: unknown): unknown {
  if (!value) return null;
  if (Array.isArray(value) && value.length === 0) return null;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return null;
  return value;
}
