/**
 * `config_checksum` as the backend computes it: sha256 of `json.dumps(data, sort_keys=True)`, i.e.
 * Python's default separators (", " and ": ") and ASCII-only output with \uXXXX escapes.
 */
import { createHash } from 'node:crypto';

function pyString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function pyNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const text = String(value);
  return /e/.test(text) ? text.replace(/e([+-])(\d)$/, 'e$10$2') : text;
}

export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value instanceof Date) return pyString(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${pyString(k)}: ${pythonJson(v)}`).join(', ')}}`;
}

export const checksum = (data: unknown): string => createHash('sha256').update(pythonJson(data)).digest('hex');
