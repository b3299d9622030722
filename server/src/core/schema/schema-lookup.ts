/**
 * Navigating the package schema by YAML path, for hover, completion, the validators' message
 * building and the variables module. `$ref`s are resolved with their sibling annotations kept
 * (a property's own `description`/`default` win over the referenced definition's, as in Red Hat
 * YAML and the JSON language service).
 */
import rawSchema from '../../../../schemas/sinas-package.schema.json';
import jsonSchemaKeywords from '../../../../schemas/json-schema-keywords.json';
import type { PathSegment } from '../parse/yaml-tree';
import { LAX_KINDS, type ExpectedType, type JsonSchema, type JsonType, type LaxKind } from './schema-types';

export const SCHEMA = rawSchema as unknown as JsonSchema;
export const SCHEMA_ID = SCHEMA.$id as string;
/** JSON Schema's own keywords (a file of their own), for completion and hover inside `x-json-schema` fields. */
const JSON_SCHEMA_KEYWORDS = jsonSchemaKeywords as unknown as JsonSchema;
const DEFINITIONS: Record<string, JsonSchema> = { ...SCHEMA.definitions, JsonSchemaKeywords: JSON_SCHEMA_KEYWORDS };

/** Lax definition behind a (dereferenced) schema, remembered across merges. */
const laxOf = new WeakMap<JsonSchema, LaxKind>();
/** Definition name behind a (dereferenced) schema, e.g. 'Agent'. */
const defOf = new WeakMap<JsonSchema, string>();
const merged = new WeakMap<JsonSchema, JsonSchema>();

for (const [name, def] of Object.entries(DEFINITIONS)) {
  defOf.set(def, name);
  if ((LAX_KINDS as readonly string[]).includes(name)) laxOf.set(def, name as LaxKind);
}

function definitionFromRef(ref: string): JsonSchema | undefined {
  const match = /^(?:.*)?#\/definitions\/([^/]+)$/.exec(ref);
  return match ? DEFINITIONS[match[1]] : undefined;
}

/** The schema with its `$ref` resolved; siblings of `$ref` override the target's keywords. */
export function deref(schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const cached = merged.get(schema);
  if (cached) return cached;
  const target = definitionFromRef(schema.$ref);
  if (!target) return schema;
  const resolved = deref(target);
  const { $ref: _ref, ...siblings } = schema;
  const result: JsonSchema = { ...resolved, ...siblings };
  const lax = laxOf.get(resolved);
  if (lax) laxOf.set(result, lax);
  const def = defOf.get(resolved);
  if (def) defOf.set(result, def);
  merged.set(schema, result);
  return result;
}

export function laxKindOf(schema: JsonSchema): LaxKind | undefined {
  return laxOf.get(schema) ?? laxOf.get(deref(schema));
}

export function definitionNameOf(schema: JsonSchema): string | undefined {
  return defOf.get(schema) ?? defOf.get(deref(schema));
}

/** The sub-schema for one step down: a property (also one only declared in an if/then branch), an item, or a map value. */
export function childSchema(parent: JsonSchema, segment: PathSegment): JsonSchema | undefined {
  const schema = deref(parent);
  if (typeof segment === 'number') {
    return typeof schema.items === 'object' ? deref(schema.items) : undefined;
  }
  const own = schema.properties?.[segment];
  if (own) return deref(own);
  if (schema['x-json-schema']) return childSchema(JSON_SCHEMA_KEYWORDS, segment);
  for (const branch of schema.allOf ?? []) {
    const conditional = branch.then?.properties?.[segment];
    if (conditional) return deref(conditional);
  }
  if (typeof schema.additionalProperties === 'object') return deref(schema.additionalProperties);
  return undefined;
}

/** Sub-schema at a YAML path such as ['spec', 'agents', 3, 'enabledSkills', 0, 'skill']; undefined when free-form or unknown. */
export function schemaAt(path: readonly PathSegment[], from: JsonSchema = SCHEMA): JsonSchema | undefined {
  let schema: JsonSchema | undefined = deref(from);
  for (const segment of path) {
    if (!schema) return undefined;
    schema = childSchema(schema, segment);
  }
  return schema;
}

/** Schemas met along a path, starting with `from` itself (shorter than path+1 when it leaves the schema). */
export function schemaChain(path: readonly PathSegment[], from: JsonSchema): JsonSchema[] {
  const chain = [deref(from)];
  for (const segment of path) {
    const next = childSchema(chain[chain.length - 1], segment);
    if (!next) break;
    chain.push(next);
  }
  return chain;
}

/** Named properties of an object schema (dereferenced), including those only declared in if/then branches. */
export function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const resolved = deref(schema);
  if (resolved['x-json-schema'] && !resolved.properties) return propertiesOf(JSON_SCHEMA_KEYWORDS);
  const out: Record<string, JsonSchema> = {};
  for (const [name, prop] of Object.entries(resolved.properties ?? {})) out[name] = deref(prop);
  for (const branch of resolved.allOf ?? []) {
    for (const [name, prop] of Object.entries(branch.then?.properties ?? {})) if (!(name in out)) out[name] = deref(prop);
  }
  return out;
}

export function typesOf(schema: JsonSchema): JsonType[] {
  const type = deref(schema).type;
  return type === undefined ? [] : Array.isArray(type) ? type : [type];
}

/** Whether the object at this schema is a closed model (unknown keys flagged) rather than a free-form dict. */
export function isClosedObject(schema: JsonSchema): boolean {
  return deref(schema).additionalProperties === false;
}

const LAX_TYPE: Record<LaxKind, ExpectedType> = {
  LaxInt: 'integer',
  LaxIntOrNull: 'integer',
  LaxNumber: 'number',
  LaxBool: 'boolean',
  LaxBoolOrNull: 'boolean',
};

/**
 * What a `${{ vars.X }}` placed at this path must turn into: the field's type, or its allowed
 * values when it has a fixed set. A scalar type wins over object/array for unions such as
 * `enabledSkills[]` (string or object), since a substitution is always a scalar text.
 */
export function expectedTypeAt(path: readonly PathSegment[], from: JsonSchema = SCHEMA): ExpectedType | undefined {
  const schema = schemaAt(path, from);
  if (!schema) return undefined;
  const lax = laxKindOf(schema);
  if (lax) return LAX_TYPE[lax];
  if (schema.const !== undefined) return [schema.const];
  if (schema.enum) return schema.enum.filter((value) => value !== null);
  const types = typesOf(schema).filter((type) => type !== 'null');
  for (const scalar of ['string', 'integer', 'number', 'boolean'] as const) if (types.includes(scalar)) return scalar;
  if (types.includes('object')) return 'object';
  if (types.includes('array')) return 'array';
  return undefined;
}

/** Spec section name → its item definition, e.g. 'agents' → Agent. */
export const SECTION_ITEMS: ReadonlyMap<string, JsonSchema> = new Map(
  Object.entries(DEFINITIONS.Spec?.properties ?? {}).flatMap(([section, prop]) =>
    typeof prop.items === 'object' ? [[section, deref(prop.items)] as const] : [],
  ),
);
