/**
 * Compiles the package schema with ajv once per process and hands out validators: one per spec
 * section item (so each resource is validated, and can be cached, on its own) and one for the
 * document shell (root, package, metadata, spec keys and section types, items left alone).
 * Validators are compiled lazily on first use; the schema is parsed once at import.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import type { JsonSchema } from './schema-types';
import { SCHEMA, SCHEMA_ID, SECTION_ITEMS, definitionNameOf } from './schema-lookup';

export { SCHEMA, SCHEMA_ID, SECTION_ITEMS } from './schema-lookup';
export { schemaAt, schemaChain, childSchema, propertiesOf, expectedTypeAt, deref, laxKindOf, definitionNameOf } from './schema-lookup';
export { describe } from './describe-schema';

/** Annotation keywords the schema uses besides draft-07 (Red Hat YAML / VS Code ones and ours). */
export const EXTENSION_KEYWORDS = [
  'markdownDescription',
  'defaultSnippets',
  'enumDescriptions',
  'x-severity',
  'x-code',
  'x-hint',
  'x-unchecked',
  'x-string-keys',
  'x-json-schema',
] as const;

export const SHELL_ID = SCHEMA_ID.replace(/\.schema\.json$/, '.shell.schema.json');

export function createAjv(options: { strict?: boolean } = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true, // errors carry parentSchema, which is how x-severity / lax kinds are found
    allowUnionTypes: true,
    strict: options.strict ?? true,
    // Measured: separate functions for $refs and no codegen optimiser pass compile ~2x faster
    // (the lax scalar definitions are referenced ~60 times) and validate no slower.
    inlineRefs: false,
    code: { optimize: false },
  });
  for (const keyword of EXTENSION_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}

/** The root schema with every section's items accepted as-is: items get their own validator. */
function shellSchema(): JsonSchema {
  const definitions = SCHEMA.definitions ?? {};
  const spec = definitions.Spec;
  const sections: Record<string, JsonSchema> = {};
  for (const [name, section] of Object.entries(spec.properties ?? {})) {
    const { items: _items, ...rest } = section;
    sections[name] = rest;
  }
  const specRef = SCHEMA.properties?.spec ?? {};
  const { $ref: _ref, ...specAnnotations } = specRef;
  return {
    ...SCHEMA,
    $id: SHELL_ID,
    properties: { ...SCHEMA.properties, spec: { ...spec, ...specAnnotations, properties: sections } },
  };
}

export interface CompiledSchema {
  /** Validator for one item of a spec section (e.g. 'agents'); undefined for unknown sections. */
  validatorFor(section: string): ValidateFunction | undefined;
  /** Validator for the document shell. */
  readonly shell: ValidateFunction;
  /** The item schema of a section, e.g. definitions.Agent for 'agents'. */
  itemSchema(section: string): JsonSchema | undefined;
  /** The root schema the shell validator was compiled from (its `spec` keeps no item schemas). */
  readonly shellRoot: JsonSchema;
}

let compiled: CompiledSchema | undefined;

export function loadSchema(): CompiledSchema {
  if (compiled) return compiled;
  const ajv = createAjv();
  ajv.addSchema(SCHEMA as object);
  const shellRoot = shellSchema();
  let shell: ValidateFunction | undefined;
  const validators = new Map<string, ValidateFunction>();
  compiled = {
    validatorFor(section) {
      const cached = validators.get(section);
      if (cached) return cached;
      const item = SECTION_ITEMS.get(section);
      const name = item && definitionNameOf(item);
      if (!name) return undefined;
      const validator = ajv.getSchema(`${SCHEMA_ID}#/definitions/${name}`);
      if (validator) validators.set(section, validator);
      return validator;
    },
    get shell() {
      shell ??= ajv.compile(shellRoot as object);
      return shell;
    },
    itemSchema: (section) => SECTION_ITEMS.get(section),
    shellRoot,
  };
  return compiled;
}

/** Compiles every validator now (the server does it right after start, so no edit pays for it). */
export function compileAll(): void {
  const schema = loadSchema();
  void schema.shell;
  for (const section of SECTION_ITEMS.keys()) schema.validatorFor(section);
}
