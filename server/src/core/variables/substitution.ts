/**
 * Install-time substitution as Sinas does it, for the sandbox, the CLI and the editor alike: each
 * `${{ vars.NAME }}` is replaced in the raw text before the YAML is parsed (seed: "simple string
 * replacement before parsing"), and the text it becomes for a value. Then what a whole-value
 * `${{ vars.X }}` turns into when PyYAML reads the result: a quoted scalar stays a string, a plain
 * one is resolved with YAML 1.1 rules (`true`, `5`, `1.0`, `on`, `~` are not strings any more).
 */
import { yamlBreaks } from '../parse/line-breaks';
import { parseRegion } from '../parse/parse-region';
import type { ExpectedType } from '../schema/schema-types';
import type { VariableDeclaration } from './variable-table';

/** One placeholder as Sinas replaces it. */
export const PLACEHOLDER = /\$\{\{\s*vars\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The raw text with each placeholder replaced by its text; placeholders without one are left as written. */
export function substituteVariables(text: string, texts: ReadonlyMap<string, string>): string {
  return text.replace(PLACEHOLDER, (match, name: string) => texts.get(name) ?? match);
}

/** What a declaration needs to turn a value into text. */
export type Substitutable = Pick<VariableDeclaration, 'name' | 'type' | 'required' | 'default'>;

const isGiven = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/**
 * The text a variable's uses become for `value` (undefined when not given): a secret always
 * expands to its own name (the Secret it creates; the credential never enters the YAML), a
 * missing value to the default, an optional one without either to the empty string, a boolean
 * to `true` / `false`. Undefined when nothing can stand there (a required variable without a
 * value, or a list or mapping).
 */
export function substitutionText(declaration: Substitutable, value: unknown): string | undefined {
  if (declaration.type === 'secret') return declaration.name;
  const chosen = isGiven(value) ? value : declaration.default;
  if (!isGiven(chosen)) return declaration.required ? undefined : '';
  if (typeof chosen === 'object') return undefined;
  const text = String(chosen);
  return declaration.type === 'boolean' ? text.toLowerCase() : text;
}

/** The substitution text of each declared variable (the first declaration of a name wins). */
export function substitutionTexts(declarations: readonly Substitutable[], values: Readonly<Record<string, unknown>>): Map<string, string> {
  const texts = new Map<string, string>();
  const seen = new Set<string>();
  for (const d of declarations) {
    if (seen.has(d.name)) continue;
    seen.add(d.name);
    const text = substitutionText(d, values[d.name]);
    if (text !== undefined) texts.set(d.name, text);
  }
  return texts;
}

/** The value PyYAML reads from `text` written as a plain scalar. */
export function plainValue(text: string): unknown {
  if (/^[A-Za-z_][A-Za-z0-9_ -]*$/.test(text) && !/^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/.test(text)) {
    return text; // a word: always a string (fast path, no parse)
  }
  const root = parseRegion(yamlBreaks(`v: ${text}\n`)).root;
  const node = root && root.kind === 'map' ? root.pairs[0]?.value : undefined;
  if (!node) return null;
  return node.kind === 'scalar' ? (node.value instanceof Date ? node.value : node.value) : node.kind;
}

/** The texts a variable can be replaced with, when they are known (boolean, enum, secret). */
export function possibleTexts(declaration: Pick<VariableDeclaration, 'name' | 'type' | 'choices'>): string[] | undefined {
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
