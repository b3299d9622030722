/**
 * JSON Schema fields (`inputSchema`, `outputSchema`, a store's `schema`, …) checked against their
 * meta-schema, as Sinas's `jsonschema.validate` does before every use: it picks the draft from
 * `$schema` and defaults to 2020-12, and an invalid schema raises SchemaError on every call.
 * Draft-04 and older are not checked (ajv does not ship their meta-schemas).
 */
import type { ErrorObject } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import Ajv from 'ajv';

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

type Checker = (schema: unknown) => ErrorObject[];

export async function createMetaSchemaChecker(): Promise<MetaSchemaChecker> {
  const options = { allErrors: true, strict: false, validateFormats: false, validateSchema: false } as const;
  const checkers = new Map<string, Checker>();
  // Each draft's validator is compiled when a schema first names it (2020-12, the default, now).
  const make = (create: () => Ajv, metaId: string): Checker => {
    let validate: ReturnType<Ajv['getSchema']>;
    return (schema) => {
      validate ??= create().getSchema(metaId);
      if (!validate) return [];
      try {
        return validate(schema) ? [] : [...(validate.errors ?? [])];
      } catch (error) {
        if (error instanceof RangeError) return []; // nested deeper than the validator's stack: not judged
        throw error;
      }
    };
  };
  const latest = make(() => new Ajv2020(options), 'https://json-schema.org/draft/2020-12/schema');
  latest({});
  checkers.set('2020-12', latest);
  checkers.set('2019-09', make(() => new Ajv2019(options), 'https://json-schema.org/draft/2019-09/schema'));
  checkers.set('draft-07', make(() => new Ajv(options), 'http://json-schema.org/draft-07/schema'));
  return {
    check(schema) {
      const draft = draftOf(schema.$schema);
      const checker = draft && checkers.get(draft);
      if (!checker) return [];
      // One problem per place: the deepest error wins over the anyOf/oneOf that wraps it.
      const errors = checker(schema).sort((a, b) => b.instancePath.length - a.instancePath.length);
      const kept: ErrorObject[] = [];
      for (const e of errors) if (!kept.some((k) => k.instancePath === e.instancePath || k.instancePath.startsWith(`${e.instancePath}/`))) kept.push(e);
      return kept.reverse().map((e) => ({ path: e.instancePath, message: describe(e), draft: draft ?? '' }));
    },
  };
}

/** The draft `jsonschema.validators.validator_for` picks; undefined for drafts not checked here. */
function draftOf(id: unknown): string | undefined {
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
