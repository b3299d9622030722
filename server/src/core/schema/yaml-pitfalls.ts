/**
 * Two YAML 1.1 traps that the plain value hides from ajv, found by a schema-guided walk:
 * - a date (`version: 2024-01-01`) becomes an ISO string in our value, but PyYAML hands pydantic
 *   a date, which a `str` field rejects;
 * - a key such as `on:` or `1:` is a boolean/number for PyYAML, which a `dict[str, …]` field
 *   rejects (closed models already report it as an unknown key).
 * The walk stops where the schema does (free-form values), so it stays cheap.
 */
import type { Finding } from '../diagnostics/finding';
import { keyName, type PathSegment, type YNode } from '../parse/yaml-tree';
import { fieldLabel, shownValue, tick } from './messages';
import { childSchema, deref, isClosedObject, laxKindOf, typesOf } from './schema-lookup';
import type { JsonSchema } from './schema-types';

function nonStringNoun(value: unknown): string | undefined {
  if (value instanceof Date) return 'a date';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'number') return 'a number';
  if (value === null) return 'null';
  return undefined;
}

/** A plain `str` field (or Optional[str]); unions with other scalars may well accept a date. */
function onlyString(schema: JsonSchema): boolean {
  const types = typesOf(schema).filter((type) => type !== 'null');
  return types.length === 1 && types[0] === 'string' && !laxKindOf(schema);
}

export function findYamlPitfalls(node: YNode | null, schema: JsonSchema, source?: string, base: PathSegment[] = []): Finding[] {
  const out: Finding[] = [];
  const walk = (current: YNode | null, currentSchema: JsonSchema | undefined, path: PathSegment[]): void => {
    // Aliases are checked where they are anchored; following them could loop.
    if (!current || !currentSchema || current.kind === 'alias') return;
    const resolved = deref(currentSchema);
    if (current.kind === 'scalar') {
      if (current.value instanceof Date && current.style === 'plain' && onlyString(resolved)) {
        const shown = shownValue(current, source);
        out.push({
          code: 'invalid-type',
          message: `${tick(fieldLabel([...base, ...path]))} must be a string, but YAML reads ${tick(shown)} as a date; quote it: "${shown}".`,
          span: { start: current.start, end: current.end },
        });
      }
      return;
    }
    if (current.kind === 'seq') {
      current.items.forEach((item, i) => walk(item, childSchema(resolved, i), [...path, i]));
      return;
    }
    const dict = typesOf(resolved).includes('object') && !isClosedObject(resolved);
    for (const pair of current.pairs) {
      const key = pair.key;
      if (dict && key?.kind === 'scalar' && key.style === 'plain') {
        const noun = nonStringNoun(key.value);
        if (noun) {
          const shown = shownValue(key, source);
          out.push({
            code: 'invalid-type',
            message: `Keys of ${tick(fieldLabel([...base, ...path]))} must be strings, but YAML reads ${tick(shown)} as ${noun}; quote it: "${shown}".`,
            span: { start: key.start, end: key.end },
          });
        }
      }
      const name = keyName(pair);
      if (name === undefined || name === '<<') continue;
      walk(pair.value, childSchema(resolved, name), [...path, name]);
    }
  };
  walk(node, schema, []);
  return out;
}
