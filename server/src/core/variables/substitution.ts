/**
 * What a whole-value `${{ vars.X }}` turns into after Sinas substitutes it in the raw text and
 * PyYAML reads the result: a quoted scalar stays a string, a plain one is resolved with YAML 1.1
 * rules (`true`, `5`, `1.0`, `on`, `~` are not strings any more).
 */
import { parseRegion } from '../parse/parse-region';
import type { ExpectedType } from '../schema/schema-types';
import type { VariableDeclaration } from './variable-table';

/** The value PyYAML reads from `text` written as a plain scalar. */
export function plainValue(text: string): unknown {
  if (/^[A-Za-z_][A-Za-z0-9_ -]*$/.test(text) && !/^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/.test(text)) {
    return text; // a word: always a string (fast path, no parse)
  }
  const root = parseRegion(`v: ${text}\n`).root;
  const node = root && root.kind === 'map' ? root.pairs[0]?.value : undefined;
  if (!node) return null;
  return node.kind === 'scalar' ? (node.value instanceof Date ? node.value : node.value) : node.kind;
}

/** The texts a variable can be replaced with, when they are known (boolean, enum, secret). */
export function possibleTexts(declaration: VariableDeclaration): string[] | undefined {
  switch (declaration.type) {
    case 'boolean':
      return ['true', 'false'];
    case 'enum':
      return declaration.choices?.every((c) => c !== undefined && c !== null && typeof c !== 'object') ? declaration.choices.map((c) => String(c)) : undefined;
    case 'secret':
      // A secret variable stands for the name of the secret it creates: the variable's name.
      return [declaration.name];
    default:
      return undefined;
  }
}

const LAX_INT = /^\s*[+-]?\d(?:_?\d)*(?:\.0+)?\s*$/;
const LAX_NUMBER = /^\s*[+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?\s*$/;
const LAX_BOOL = /^(?:[01]|[tT](?:[rR][uU][eE])?|[fF](?:[aA][lL][sS][eE])?|[yY](?:[eE][sS])?|[nN][oO]?|[oO](?:[nN]|[fF][fF]))$/;

/** Whether pydantic (lax mode) accepts this value for a field of the expected type. */
export function fits(value: unknown, expected: ExpectedType): boolean {
  if (Array.isArray(expected)) return expected.some((allowed) => allowed === value);
  switch (expected) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && LAX_INT.test(value));
    case 'number':
      return typeof value === 'number' || (typeof value === 'string' && LAX_NUMBER.test(value));
    case 'boolean':
      return typeof value === 'boolean' || value === 0 || value === 1 || (typeof value === 'string' && LAX_BOOL.test(value));
    case 'object':
    case 'array':
      return false;
    default:
      return true;
  }
}

export function describeExpected(expected: ExpectedType): string {
  if (Array.isArray(expected)) return `one of ${expected.map((v) => `\`${String(v)}\``).join(', ')}`;
  return { string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean', object: 'a mapping', array: 'a list' }[expected as string] ?? String(expected);
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return `the boolean \`${value}\``;
  if (typeof value === 'number') return `the number \`${value}\``;
  if (value instanceof Date) return 'a date';
  return `\`${String(value)}\``;
}
