/**
 * Message text for schema findings (style.md: what is wrong, what is expected, the user's
 * identifier in backticks). YAML 1.1 surprises are spelled out, since they are the usual cause:
 * `version: 1.0` is a number and `name: yes` a boolean before Sinas ever sees them.
 */
import { resolve, type PathSegment, type YNode } from '../parse/yaml-tree';
import { clip } from '../diagnostics/shown-text';
import type { LaxKind } from './schema-types';

export function tick(text: string): string {
  return '`' + text + '`';
}

/** `auth.type`, `operations[0].method`; `base` names the object when the path is empty. */
export function fieldLabel(path: readonly PathSegment[], base = 'value'): string {
  let label = '';
  for (const segment of path) label += typeof segment === 'number' ? `[${segment}]` : label ? `.${segment}` : segment;
  return label || base;
}

/** The user's text for a node: the source slice when we have it, else the parsed value. */
export function shownValue(node: YNode | null | undefined, source: string | undefined): string {
  if (!node) return '';
  if (source !== undefined && node.kind === 'scalar') return clip(source.slice(node.start, node.end));
  const target = resolve(node);
  if (target?.kind === 'scalar') {
    const value = target.value;
    return clip(value instanceof Date ? value.toISOString().slice(0, 10) : value === null ? 'null' : String(value));
  }
  return target?.kind === 'seq' ? 'a list' : target?.kind === 'map' ? 'a mapping' : '';
}

export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'empty' | 'date' | 'mapping' | 'list' | 'other';

export function valueKind(node: YNode | null | undefined, value: unknown): ValueKind {
  const target = resolve(node);
  if (!target) return value === null || value === undefined ? 'empty' : 'other';
  if (target.kind === 'map') return 'mapping';
  if (target.kind === 'seq') return 'list';
  if (target.kind !== 'scalar') return 'other';
  const scalar = target.value;
  if (scalar instanceof Date) return 'date';
  if (scalar === null) return target.end === target.start ? 'empty' : 'null';
  if (typeof scalar === 'string') return 'string';
  if (typeof scalar === 'number') return 'number';
  if (typeof scalar === 'boolean') return 'boolean';
  return 'other';
}

const KIND_NOUN: Record<ValueKind, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
  empty: 'empty',
  date: 'a date',
  mapping: 'a mapping',
  list: 'a list',
  other: 'another kind of value',
};

const TYPE_NOUN: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

/** "a, b or c" / "a, b and c". */
function joinWords(words: readonly string[], conjunction: 'or' | 'and'): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

export function expectedNoun(types: readonly string[]): string {
  const nouns = [...new Set(types.filter((t) => t !== 'null').map((t) => TYPE_NOUN[t] ?? t))];
  return nouns.length ? joinWords(nouns, 'or') : 'a value';
}

/** "`version` must be a string, but YAML reads `1.0` as a number; quote it: "1.0"." */
export function wrongTypeMessage(label: string, expected: readonly string[], node: YNode | null | undefined, value: unknown, source?: string): string {
  const kind = valueKind(node, value);
  const shown = shownValue(node, source);
  const want = expectedNoun(expected);
  const target = resolve(node);
  const plain = target?.kind === 'scalar' && target.style === 'plain';
  if (kind === 'empty') {
    return expected.includes('array')
      ? `${tick(label)} has no value; it must be ${want}: write \`[]\` or remove the key.`
      : `${tick(label)} has no value; it must be ${want}.`;
  }
  if (kind === 'null') {
    const fix = expected.includes('array') ? 'write `[]` or remove the key' : expected.includes('object') ? 'remove the key or fill it in' : 'remove the key or give a value';
    return `${tick(label)} must be ${want}, not null; ${fix}.`;
  }
  if (plain && expected.includes('string') && (kind === 'number' || kind === 'boolean' || kind === 'date')) {
    const yaml = kind === 'boolean' ? 'YAML 1.1 reads' : 'YAML reads';
    return `${tick(label)} must be ${want}, but ${yaml} ${tick(shown)} as ${KIND_NOUN[kind]}; quote it: "${shown}".`;
  }
  return `${tick(label)} must be ${want}, not ${KIND_NOUN[kind]}${shown && kind !== 'mapping' && kind !== 'list' ? ` (${tick(shown)})` : ''}.`;
}

const LAX_EXPECTED: Record<LaxKind, string> = {
  LaxInt: 'an integer (like 30 or "30")',
  LaxIntOrNull: 'an integer (like 30 or "30")',
  LaxNumber: 'a number (like 0.5 or "0.5")',
  LaxBool: 'a boolean (true/false, yes/no, on/off or 0/1)',
  LaxBoolOrNull: 'a boolean (true/false, yes/no, on/off or 0/1)',
};

export function laxMessage(label: string, lax: LaxKind, node: YNode | null | undefined, value: unknown, source?: string): string {
  const kind = valueKind(node, value);
  if (kind === 'empty' || kind === 'null') return `${tick(label)} must be ${LAX_EXPECTED[lax]}, not null.`;
  if (kind === 'mapping' || kind === 'list') return `${tick(label)} must be ${LAX_EXPECTED[lax]}, not ${KIND_NOUN[kind]}.`;
  return `${tick(label)} must be ${LAX_EXPECTED[lax]}; ${tick(shownValue(node, source))} is not one.`;
}

export function boolAsNumberMessage(label: string, node: YNode | null | undefined, value: unknown, source?: string): string {
  const shown = shownValue(node, source);
  const read = value === true ? 1 : 0;
  const yaml = shown !== 'true' && shown !== 'false' ? ` (YAML 1.1 reads ${tick(shown)} as a boolean)` : '';
  return `${tick(label)} is a boolean${yaml}, which Sinas turns into ${read}; write a number.`;
}

export function listOf(values: readonly unknown[]): string {
  return joinWords(values.map((v) => tick(typeof v === 'string' ? v : JSON.stringify(v))), 'or');
}

export function withHint(message: string, hint: string | undefined): string {
  return hint ? `${message.replace(/\.$/, '')}: ${hint}.` : message;
}

export function fieldsList(names: readonly string[]): string {
  return joinWords(names.map(tick), 'and');
}
