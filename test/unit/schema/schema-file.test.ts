/**
 * The schema file itself: it must stay plain draft-07 so Red Hat YAML (and any other draft-07
 * tool) reads it as we do, and our extension keywords must be registered codes.
 */
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { safeLoad } from '../../../server/src/core/parse/safe-load';
import { CODES } from '../../../server/src/core/diagnostics/codes';
import { EXTENSION_KEYWORDS } from '../../../server/src/core/schema/create-ajv';
import { loadSchema, SCHEMA, SECTION_ITEMS } from '../../../server/src/core/schema/load-schema';
import type { JsonSchema } from '../../../server/src/core/schema/schema-types';

/** Every sub-schema with the JSON pointer that reaches it. */
function* walk(node: unknown, pointer = '#'): Generator<[JsonSchema, string]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return;
  const schema = node as JsonSchema & Record<string, unknown>;
  yield [schema, pointer];
  for (const key of ['properties', 'definitions'] as const) {
    for (const [name, child] of Object.entries(schema[key] ?? {})) yield* walk(child, `${pointer}/${key}/${name}`);
  }
  for (const key of ['items', 'additionalProperties', 'propertyNames', 'if', 'then', 'else', 'not'] as const) {
    if (schema[key] && typeof schema[key] === 'object') yield* walk(schema[key], `${pointer}/${key}`);
  }
  for (const [i, child] of (schema.allOf ?? []).entries()) yield* walk(child, `${pointer}/allOf/${i}`);
}

const NEWER_DRAFT_KEYWORDS = [
  '$defs', '$anchor', '$dynamicRef', '$dynamicAnchor', '$recursiveRef', '$recursiveAnchor', 'unevaluatedProperties',
  'unevaluatedItems', 'dependentRequired', 'dependentSchemas', 'prefixItems', 'minContains', 'maxContains', 'contentSchema',
];

describe('schemas/sinas-package.schema.json', () => {
  it('is a draft-07 schema with the agreed $id and a title', () => {
    assert.equal(SCHEMA.$id, 'https://sinas.co/schemas/sinas-package.schema.json');
    assert.equal((SCHEMA as Record<string, unknown>).$schema, 'http://json-schema.org/draft-07/schema#');
    assert.ok(SCHEMA.title);
  });

  it('compiles with a stock draft-07 ajv in strict mode (only annotation keywords added)', () => {
    const warnings: unknown[] = [];
    const ajv = new Ajv({ strict: true, allowUnionTypes: true, logger: { log() {}, warn: (...a: unknown[]) => warnings.push(a), error() {} } });
    for (const keyword of EXTENSION_KEYWORDS) ajv.addKeyword({ keyword });
    assert.ok(ajv.validateSchema(SCHEMA as object), JSON.stringify(ajv.errors));
    ajv.compile(SCHEMA as object);
    for (const name of Object.keys(SCHEMA.definitions ?? {})) assert.ok(ajv.getSchema(`${SCHEMA.$id}#/definitions/${name}`), name);
    assert.deepEqual(warnings, []);
  });

  it('uses no keywords from newer drafts and only local $refs that resolve', () => {
    for (const [schema, pointer] of walk(SCHEMA)) {
      for (const keyword of NEWER_DRAFT_KEYWORDS) assert.ok(!(keyword in schema), `${pointer} uses ${keyword}`);
      if (schema.$ref) {
        const match = /^#\/definitions\/(.+)$/.exec(schema.$ref);
        assert.ok(match && SCHEMA.definitions?.[match[1]], `${pointer}: $ref ${schema.$ref}`);
      }
      for (const key of Object.keys(schema)) {
        if (key.startsWith('x-')) assert.ok((EXTENSION_KEYWORDS as readonly string[]).includes(key), `${pointer}: unregistered ${key}`);
      }
    }
  });

  it('has patterns that compile as unicode regular expressions (as Red Hat YAML builds them)', () => {
    for (const [schema, pointer] of walk(SCHEMA)) {
      if (schema.pattern) assert.doesNotThrow(() => new RegExp(schema.pattern as string, 'u'), pointer);
    }
  });

  it('registers every x-code in codes.ts, with a matching severity', () => {
    const seen = new Set<string>();
    for (const [schema, pointer] of walk(SCHEMA)) {
      const code = schema['x-code'];
      if (code === undefined) continue;
      seen.add(code);
      assert.ok(Object.prototype.hasOwnProperty.call(CODES, code), `${pointer}: x-code ${code} is not in codes.ts`);
      const registered = CODES[code as keyof typeof CODES].severity;
      if (schema['x-severity']) assert.equal(schema['x-severity'], registered, `${pointer}: x-severity differs from codes.ts`);
      else assert.ok(schema['x-unchecked'], `${pointer}: x-code without x-severity only makes sense on x-unchecked nodes`);
    }
    assert.ok(seen.size >= 15);
  });

  it('describes every property', () => {
    for (const [schema, pointer] of walk(SCHEMA)) {
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        if (pointer.includes('/then') || pointer.includes('/if')) continue; // conditional restatements
        const resolved = prop.$ref && !prop.description ? undefined : prop;
        assert.ok(resolved?.description, `${pointer}/properties/${name} has no description`);
      }
    }
  });

  it('closes every model object (unknown keys are flagged) but not free-form dicts', () => {
    const openOnPurpose = new Set(['#/definitions/Manifest/properties/exposedNamespaces', '#/definitions/Agent/properties/initialMessages/items']);
    for (const [schema, pointer] of walk(SCHEMA)) {
      if (!schema.properties || pointer.includes('/then') || pointer.includes('/if')) continue;
      if (openOnPurpose.has(pointer)) assert.notEqual(schema.additionalProperties, false, pointer);
      else assert.equal(schema.additionalProperties, false, `${pointer} is not closed`);
    }
  });

  it('has a default that satisfies its own schema wherever a default is given', () => {
    const ajv = new Ajv({ strict: false, allowUnionTypes: true });
    ajv.addSchema(SCHEMA as object);
    for (const [schema, pointer] of walk(SCHEMA)) {
      if (schema.default === undefined || pointer === '#') continue;
      const validate = ajv.compile({ $ref: `${SCHEMA.$id}${pointer}` });
      assert.ok(validate(schema.default), `${pointer}: default ${JSON.stringify(schema.default)} is invalid`);
    }
  });

  it('offers defaultSnippets for the items of every spec section', () => {
    assert.equal(SECTION_ITEMS.size, 20);
    for (const [section, item] of SECTION_ITEMS) {
      assert.ok(item.defaultSnippets?.length, `${section} items have no defaultSnippets`);
      for (const snippet of item.defaultSnippets ?? []) assert.ok(snippet.label && snippet.body, `${section}: snippet without label/body`);
    }
  });

  it('has snippets that insert valid resources (as Red Hat YAML inserts them: raw text, `^` = verbatim)', () => {
    // Placeholders take their default (or first choice); each string is then read back as YAML,
    // which is what the inserted text becomes.
    const fill = (text: string) =>
      text
        .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
        .replace(/\$\{\d+:((?:\\\}|[^}])*)\}/g, '$1')
        .replace(/\\([$}\\])/g, '$1');
    const render = (body: unknown): unknown => {
      if (typeof body === 'string') {
        const text = fill(body.startsWith('^') ? body.slice(1) : body);
        return safeLoad(text).value;
      }
      if (Array.isArray(body)) return body.map(render);
      if (body && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([k, v]) => [fill(k), render(v)]));
      return body;
    };
    for (const [section, item] of SECTION_ITEMS) {
      const validate = loadSchema().validatorFor(section)!;
      for (const snippet of item.defaultSnippets ?? []) {
        const value = render(snippet.body);
        assert.ok(validate(value), `${section} snippet "${snippet.label}": ${JSON.stringify(validate.errors?.map((e) => [e.instancePath, e.message]))} in ${JSON.stringify(value)}`);
      }
    }
  });
});
