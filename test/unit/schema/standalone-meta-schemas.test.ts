/**
 * The bundles check JSON Schema fields with meta-schema validators generated at build time
 * (standalone-meta-schemas.ts) instead of compiling them with ajv in the server. They must answer
 * exactly as the compiled ones: the same verdict and the same errors, for every draft, on every
 * schema field of the rule fixtures and the real packages and on schemas that use each draft's
 * dynamic references.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { analyze } from '../../../server/src/core/analyze';
import { toValue } from '../../../server/src/core/parse/to-value';
import { META_SCHEMA_DRAFTS, metaSchemaValidator, type Draft } from '../../../server/src/core/embedded/json-schema/meta-schema-validators';
import { standaloneMetaSchemasSource } from '../../../server/src/core/embedded/json-schema/standalone-meta-schemas';
import { CORPUS_FILES } from '../../support/corpus';
import { loadGenerated } from '../../support/load-generated';
import { yamlFiles } from '../../support/yaml-files';

const SCHEMA_KEYS = new Set(['inputSchema', 'outputSchema', 'schema', 'metadataSchema', 'variableSchema', 'parameters']);

/** Every mapping under a schema-holding key, anywhere in a value. */
function schemaFields(value: unknown, found: object[] = []): object[] {
  if (Array.isArray(value)) for (const v of value) schemaFields(v, found);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (SCHEMA_KEYS.has(key) && v && typeof v === 'object' && !Array.isArray(v)) found.push(v);
      schemaFields(v, found);
    }
  }
  return found;
}

const WRITTEN: object[] = [
  {},
  { type: 'strng' },
  { type: ['string', 'nmber'], required: 'name', minimum: 'zero' },
  { $defs: { node: { $dynamicAnchor: 'node', type: 'object', properties: { next: { $dynamicRef: '#node' } } } }, $ref: '#/$defs/node' },
  { $recursiveAnchor: true, type: 'object', properties: { child: { $recursiveRef: '#' } }, additionalProperties: 'no' },
  { definitions: { a: { type: 'integer', enum: 'x' } }, items: [{ type: 'string' }, { const: 1 }], additionalItems: 3 },
  { properties: { a: { pattern: 5, format: 7 } }, dependentRequired: { a: 'b' }, unevaluatedProperties: 'yes' },
  { anyOf: [], oneOf: [{}], allOf: 'x', not: [], if: 1, then: {}, else: null },
];

describe('meta-schema validators generated at build time', function () {
  this.timeout(60_000);
  const generated = loadGenerated<{ metaSchemaValidator(draft: Draft): ValidateFunction | undefined }>(
    standaloneMetaSchemasSource(),
    join(__dirname, '../../../server/src/core/embedded/json-schema/meta-schema-validators.ts'),
  );

  const answer = (validate: ValidateFunction, schema: unknown) => ({ ok: validate(schema), errors: validate.errors ?? [] });

  it('answer as the compiled ones, every draft, on every schema field of the fixtures and real packages', () => {
    const schemas = [...WRITTEN];
    for (const file of [...yamlFiles(join(__dirname, '../../fixtures/rules')), ...CORPUS_FILES]) schemas.push(...schemaFields(toValue(analyze(readFileSync(file, 'utf8')).root).value));
    assert.ok(schemas.length > 25, `${schemas.length} schemas`);
    let invalid = 0;
    for (const draft of META_SCHEMA_DRAFTS) {
      const mine = generated.metaSchemaValidator(draft);
      const reference = metaSchemaValidator(draft);
      assert.ok(mine && reference, draft);
      for (const schema of schemas) {
        const expected = answer(reference, schema);
        if (!expected.ok) invalid++;
        assert.deepEqual(answer(mine, schema), expected, `${draft}: ${JSON.stringify(schema).slice(0, 200)}`);
      }
    }
    assert.ok(invalid > 20, `${invalid} invalid schemas among them`);
  });

  it('need no schema compiler, only ajv\'s run-time helpers', () => {
    const required = [...standaloneMetaSchemasSource().matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    assert.ok(required.length > 0);
    for (const path of required) assert.match(path, /^ajv\/dist\/runtime\//);
  });
});
