/**
 * Snippet text for completion inserts: escaping, choices, and schema `defaultSnippets` bodies
 * rendered as block YAML in the file's layout (Red Hat YAML's conventions: a string starting
 * with `^` is inserted raw, others are snippet text).
 */
import type { Layout } from '../yaml-layout';

/** Escapes literal text for a snippet (`$`, `}` and `\` are special there). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** A snippet choice `${n|a,b|}`; choices escape `,` and `|` as well. */
export function choice(tabstop: number, values: readonly string[]): string {
  return `\${${tabstop}|${values.map((v) => v.replace(/[\\$}|,]/g, '\\$&')).join(',')}|}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value.startsWith('^') ? value.slice(1) : value === '' ? '""' : value;
  if (isObject(value)) return '{}';
  if (Array.isArray(value)) return '[]';
  return value === null ? 'null' : String(value);
}

/**
 * A snippet body as block YAML whose keys sit at `column`; the first line carries no indentation
 * (it goes where the cursor is), later lines are indented absolutely.
 */
export function renderBody(body: unknown, column: number, layout: Layout): string {
  const lines = isObject(body) ? renderMap(body, column, layout) : [' '.repeat(column) + scalarText(body)];
  return lines.join('\n').slice(column);
}

function renderMap(map: Record<string, unknown>, column: number, layout: Layout): string[] {
  const pad = ' '.repeat(column);
  const out: string[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (isObject(value) && Object.keys(value).length) out.push(`${pad}${key}:`, ...renderMap(value, column + layout.unit, layout));
    else if (Array.isArray(value) && value.length) out.push(`${pad}${key}:`, ...renderSeq(value, column + layout.dashIndent, layout));
    else out.push(`${pad}${key}: ${scalarText(value)}`);
  }
  return out;
}

function renderSeq(items: unknown[], column: number, layout: Layout): string[] {
  const pad = ' '.repeat(column);
  const dash = '-' + ' '.repeat(layout.itemIndent - 1);
  const out: string[] = [];
  for (const item of items) {
    if (isObject(item) && Object.keys(item).length) {
      const lines = renderMap(item, column + layout.itemIndent, layout);
      out.push(pad + dash + lines[0].trimStart(), ...lines.slice(1));
    } else out.push(`${pad}${dash}${scalarText(item)}`);
  }
  return out;
}
