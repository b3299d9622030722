/**
 * YAML 1.1 traps that the plain value hides from ajv, found by a schema-guided walk:
 * - a date (`version: 2024-01-01`) becomes an ISO string in our value, but PyYAML hands pydantic
 *   a date, which a `str` field (or a union with `str`) rejects;
 * - `!!binary` bytes that are not UTF-8 text, which a mapping or list field rejects (scalar
 *   fields reject them by type already);
 * - a key such as `on:` or `1:` is a boolean/number for PyYAML, which a `dict[str, …]` field
 *   rejects, and so does the root (the server calls `SinasConfig(**doc)`); models ignore it
 *   (`x-string-keys` in the schema says which is which).
 * The walk stops where the schema does (free-form values), so it stays cheap.
 */
import type { Finding } from '../diagnostics/finding';
import { keyName, type PathSegment, type YNode } from '../parse/yaml-tree';
import { fieldLabel, shownValue, tick } from './messages';
import { childSchema, deref, isClosedObject, laxKindOf, typesOf } from './schema-lookup';
import type { JsonSchema } from './schema-types';
import type { ValidateOptions } from './validate-node';

function nonStringNoun(value: unknown): string | undefined {
  if (value instanceof Date) return 'a date';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'number') return 'a number';
  if (value === null) return 'null';
  return undefined;
}

/**
 * A field taking `str` (alone or in a union, e.g. a string or an object): ajv sees the date as an
 * ISO string there and accepts it. Lax kinds have patterns that reject the ISO string themselves.
 */
function takesString(schema: JsonSchema): boolean {
  return typesOf(schema).includes('string') && !laxKindOf(schema);
}

/** A mapping or list field, which ajv would let a Uint8Array pass as an object. */
function takesOnlyCollections(schema: JsonSchema): boolean {
  const types = typesOf(schema).filter((type) => type !== 'null');
  return types.length > 0 && types.every((type) => type === 'object' || type === 'array');
}

/** A scalar the walk must look at: a date, or bytes that are not text. */
function isSuspectScalar(node: YNode): boolean {
  return node.kind === 'scalar' && (node.value instanceof Date || node.value instanceof Uint8Array);
}

/** Whether the walk needs to look at this node at all: collections, dates and bytes; other scalars are fine. */
function worthVisiting(node: YNode | null): node is YNode {
  return !!node && (node.kind === 'map' || node.kind === 'seq' || isSuspectScalar(node));
}

interface WalkState {
  out: Finding[];
  /** A stack of the current path, copied only when something is reported. */
  path: PathSegment[];
  base: PathSegment[];
  /** Read only when a value is quoted (validate-node.ts ValidateOptions). */
  options: ValidateOptions;
  /** Inside a subtree the server stores as `Any` (`x-unchecked` above): nothing is rejected there. */
  unchecked: boolean;
}

// Module-level functions, not closures: this runs for every item on every edit.
function currentLabel(state: WalkState): string {
  return tick(fieldLabel([...state.base, ...state.path]));
}

function walk(state: WalkState, current: YNode, currentSchema: JsonSchema): void {
  const resolved = deref(currentSchema);
  if (current.kind === 'scalar') {
    if (state.unchecked) return;
    if (current.value instanceof Date && current.style === 'plain' && takesString(resolved)) {
      const shown = shownValue(current, state.options.source);
      state.out.push({
        code: 'invalid-type',
        message: `${currentLabel(state)} must be a string, but YAML reads ${tick(shown)} as a date; quote it: "${shown}".`,
        span: { start: current.start, end: current.end },
      });
    } else if (current.value instanceof Uint8Array && takesOnlyCollections(resolved)) {
      state.out.push({
        code: 'invalid-type',
        message: `${currentLabel(state)} must be a ${typesOf(resolved).includes('object') ? 'mapping' : 'list'}, but \`!!binary\` gives bytes.`,
        span: { start: current.start, end: current.end },
      });
    }
    return;
  }
  // Below an `x-unchecked` node the server keeps anything (its own keys are still checked).
  const outer = state.unchecked;
  if (current.kind === 'seq') {
    state.unchecked = outer || resolved['x-unchecked'] === true;
    for (let i = 0; i < current.items.length; i++) {
      const item = current.items[i];
      if (!worthVisiting(item)) continue;
      const child = childSchema(resolved, i);
      if (!child) continue;
      state.path.push(i);
      walk(state, item, child);
      state.path.pop();
    }
    state.unchecked = outer;
    return;
  }
  if (current.kind !== 'map') return; // aliases are checked where they are anchored
  let dict: boolean | undefined;
  for (const pair of current.pairs) {
    const key = pair.key;
    if (!state.unchecked && key?.kind === 'scalar' && key.style === 'plain' && typeof key.value !== 'string') {
      dict ??= resolved['x-string-keys'] ?? (typesOf(resolved).includes('object') && !isClosedObject(resolved));
      const noun = dict ? nonStringNoun(key.value) : undefined;
      if (noun) {
        const shown = shownValue(key, state.options.source);
        state.out.push({
          code: 'invalid-type',
          message: `${state.base.length + state.path.length ? `Keys of ${currentLabel(state)}` : 'Top-level keys'} must be strings, but YAML reads ${tick(shown)} as ${noun}; quote it: "${shown}".`,
          span: { start: key.start, end: key.end },
        });
      }
    }
  }
  state.unchecked = outer || resolved['x-unchecked'] === true;
  for (const pair of current.pairs) {
    if (!worthVisiting(pair.value)) continue;
    const name = keyName(pair);
    if (name === undefined || name === '<<') continue;
    const child = childSchema(resolved, name);
    if (!child) continue;
    state.path.push(name);
    walk(state, pair.value, child);
    state.path.pop();
  }
  state.unchecked = outer;
}

/** Cheap pre-scan without schema lookups: most items have neither dates nor non-string keys. */
function hasCandidates(node: YNode | null): boolean {
  if (!node) return false;
  if (node.kind === 'scalar') return isSuspectScalar(node);
  if (node.kind === 'seq') {
    for (const item of node.items) if (hasCandidates(item)) return true;
    return false;
  }
  if (node.kind !== 'map') return false;
  for (const pair of node.pairs) {
    const key = pair.key;
    if (key?.kind === 'scalar' && typeof key.value !== 'string') return true;
    if (hasCandidates(pair.value)) return true;
  }
  return false;
}

export function findYamlPitfalls(node: YNode | null, schema: JsonSchema, options: ValidateOptions = {}, base: PathSegment[] = []): Finding[] {
  const state: WalkState = { out: [], path: [], base, options, unchecked: false };
  if (node && node.kind !== 'alias' && hasCandidates(node)) walk(state, node, schema);
  return state.out;
}
