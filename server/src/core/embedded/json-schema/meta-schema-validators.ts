/**
 * The validators of the JSON Schema meta-schemas, one per draft meta-schema.ts checks against.
 * This file compiles them with ajv at run time (tests, tools run from source); the bundles built
 * by esbuild.mjs replace it with the same validators generated at build time
 * (standalone-meta-schemas.ts), so the server carries no schema compiler and compiles nothing
 * when a package first holds a schema.
 */
import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';

export type Draft = '2020-12' | '2019-09' | 'draft-07';

/** Each draft's ajv class (which ships its meta-schema) and the meta-schema's `$id`. */
const DRAFTS: Record<Draft, { Ajv: typeof Ajv; id: string }> = {
  '2020-12': { Ajv: Ajv2020, id: 'https://json-schema.org/draft/2020-12/schema' },
  '2019-09': { Ajv: Ajv2019, id: 'https://json-schema.org/draft/2019-09/schema' },
  'draft-07': { Ajv, id: 'http://json-schema.org/draft-07/schema' },
};

export const META_SCHEMA_DRAFTS = Object.keys(DRAFTS) as Draft[];

/** The ajv instance a draft's meta-schema validator is compiled with (`source` keeps the code, for standalone generation). */
export function metaSchemaAjv(draft: Draft, source = false): { ajv: Ajv; id: string } {
  const { Ajv: Class, id } = DRAFTS[draft];
  return { ajv: new Class({ allErrors: true, strict: false, validateFormats: false, validateSchema: false, code: { source } }), id };
}

const compiled = new Map<Draft, ValidateFunction | undefined>();

/** The validator of a draft's meta-schema, compiled on first use. */
export function metaSchemaValidator(draft: Draft): ValidateFunction | undefined {
  if (!compiled.has(draft)) {
    const { ajv, id } = metaSchemaAjv(draft);
    compiled.set(draft, ajv.getSchema(id));
  }
  return compiled.get(draft);
}
