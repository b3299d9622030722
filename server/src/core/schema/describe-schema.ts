/**
 * Hover text for a schema node: its description, what it accepts (in Sinas terms, including the
 * lax coercions), its default and its allowed values.
 */
import { deref, laxKindOf, typesOf } from './schema-lookup';
import type { JsonSchema, LaxKind } from './schema-types';

const LAX_LABEL: Record<LaxKind, string> = {
  LaxInt: 'integer (a whole number in a string, like "45", also works)',
  LaxIntOrNull: 'integer or null (a whole number in a string, like "45", also works)',
  LaxNumber: 'number (a number in a string, like "0.5", also works)',
  LaxBool: 'boolean (also 0/1, yes/no, on/off)',
  LaxBoolOrNull: 'boolean or null (also 0/1, yes/no, on/off)',
};

const TYPE_LABEL: Record<string, string> = { object: 'mapping', array: 'list', null: 'null' };

function code(value: unknown): string {
  return '`' + (typeof value === 'string' ? value : JSON.stringify(value)) + '`';
}

/** A short human name of what the schema accepts, e.g. "list of Enabled skill", "string or null". */
export function typeLabel(schema: JsonSchema): string {
  const resolved = deref(schema);
  const lax = laxKindOf(resolved);
  if (lax) return LAX_LABEL[lax];
  const types = typesOf(resolved);
  if (types.length === 1 && types[0] === 'array' && typeof resolved.items === 'object') {
    const item = deref(resolved.items);
    return `list of ${item.title ?? typeLabel(item)}`;
  }
  if (resolved.title && types.includes('object')) return resolved.title;
  const labels = types.map((type) => TYPE_LABEL[type] ?? type);
  return labels.length ? labels.join(' or ') : 'any value';
}

/** Markdown hover text: description, type, default, allowed values (with their descriptions). */
export function describe(schema: JsonSchema): string {
  const resolved = deref(schema);
  const parts: string[] = [];
  const text = resolved.markdownDescription ?? resolved.description;
  if (text) parts.push(text);
  const facts = [`Type: ${typeLabel(resolved)}`];
  if (resolved.default !== undefined) facts.push(`Default: ${code(resolved.default)}`);
  if (resolved.const !== undefined) facts.push(`Must be ${code(resolved.const)}`);
  parts.push(facts.join(' · '));
  if (resolved.enum) {
    const docs = resolved.enumDescriptions;
    const lines = resolved.enum.map((value, i) => `- ${code(value)}${docs?.[i] ? ` — ${docs[i]}` : ''}`);
    parts.push(`Allowed values${resolved['x-severity'] === 'warning' ? ' (others are stored but not honoured)' : ''}:\n${lines.join('\n')}`);
  }
  return parts.join('\n\n');
}

