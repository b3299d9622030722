/**
 * JSON Schema fields (`inputSchema`, `outputSchema`, a store's `schema`, …) checked against their
 * meta-schema, as Sinas's `jsonschema.validate` does before every use: it picks the draft from
 * `$schema` and defaults to 2020-12, and an invalid schema raises SchemaError on every call.
 * Draft-04 and older are not checked (ajv does not ship their meta-schemas).
 */
import type { ErrorObject } from 'ajv';
import { metaSchemaValidator, type Draft } from './meta-schema-validators';

export interface MetaSchemaProblem {
  /** JSON pointer into the schema value. */
  path: string;
  message: string;
  /** Which draft the schema was checked against. */
  draft: string;
}

export interface MetaSchemaChecker {
  check(schema: Record<string, unknown>): MetaSchemaProblem[];
}

/** The meta-schema's errors for a schema (each draft's validator is made when a schema first names it). */
function metaSchemaErrors(draft: Draft, schema: unknown): ErrorObject[] {
  const validate = metaSchemaValidator(draft);
  if (!validate) return [];
  try {
    return validate(schema) ? [] : [...(validate.errors ?? [])];
  } catch (error) {
    if (error instanceof RangeError) return []; // nested deeper than the validator's stack: not judged
    throw error;
  }
}

export async function createMetaSchemaChecker(): Promise<MetaSchemaChecker> {
  metaSchemaErrors('2020-12', {}); // the default draft, ready now
  return {
    check(schema) {
      const draft = draftOf(schema.$schema);
      if (!draft) return [];
      // One problem per place: the deepest error wins over the anyOf/oneOf that wraps it.
      const errors = metaSchemaErrors(draft, schema).sort((a, b) => b.instancePath.length - a.instancePath.length);
      const kept: ErrorObject[] = [];
      for (const e of errors) if (!kept.some((k) => k.instancePath === e.instancePath || k.instancePath.startsWith(`${e.instancePath}/`))) kept.push(e);
      return kept.reverse().map((e) => ({ path: e.instancePath, message: describe(e), draft }));
    },
  };
}

/** The draft `jsonschema.validators.validator_for` picks; undefined for drafts not checked here. */
function draftOf(id: unknown): Draft | undefined {
  if (id === undefined || typeof id !== 'string') return '2020-12';
  if (/draft-0[34]\b/.test(id)) return undefined;
  if (/draft-0[67]\b/.test(id)) return 'draft-07';
  if (/2019-09/.test(id)) return '2019-09';
  return '2020-12'; // an unknown `$schema` falls back to the latest draft
}

function describe(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) return `must be one of ${params.allowedValues.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (e.keyword === 'type') return `must be ${String(params.type).replace(/,/g, ' or ')}`;
  return e.message ?? e.keyword;
}
