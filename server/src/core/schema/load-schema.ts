/**
 * The package schema's validators, once per process: one per spec section item (so each resource
 * is validated, and can be cached, on its own) and one for the document shell (root, package,
 * metadata, spec keys and section types, items left alone). compile-validators.ts says where
 * they come from (compiled from source, or generated at build time).
 */
import type { ValidateFunction } from 'ajv';
import { compileValidators } from './compile-validators';
import type { JsonSchema } from './schema-types';
import { SECTION_ITEMS } from './schema-lookup';
import { SHELL_ROOT } from './shell-schema';

export { SCHEMA, SCHEMA_ID, SECTION_ITEMS } from './schema-lookup';
export { schemaAt, schemaChain, childSchema, propertiesOf, expectedTypeAt, deref, laxKindOf, definitionNameOf } from './schema-lookup';
export { describe } from './describe-schema';
export { SHELL_ID } from './shell-schema';

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
  const validators = compileValidators();
  compiled = {
    validatorFor: (section) => validators.section(section),
    get shell() {
      return validators.shell();
    },
    itemSchema: (section) => SECTION_ITEMS.get(section),
    shellRoot: SHELL_ROOT,
  };
  return compiled;
}

/** Compiles every validator now (from source; the bundles' validators are generated at build time). */
export function compileAll(): void {
  const schema = loadSchema();
  void schema.shell;
  for (const section of SECTION_ITEMS.keys()) schema.validatorFor(section);
}
