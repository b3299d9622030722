/**
 * The package schema's validators: one per spec section item, and one for the document shell.
 * This file compiles them with ajv at run time (tests, tools run from source); the bundles built
 * by esbuild.mjs replace it with the same validators generated at build time
 * (standalone-validators.ts), so the language server pays no compilation when it starts.
 */
import type { ValidateFunction } from 'ajv';
import { createAjv } from './create-ajv';
import { SCHEMA, SCHEMA_ID, SECTION_ITEMS, definitionNameOf } from './schema-lookup';
import { SHELL_ID, SHELL_ROOT } from './shell-schema';

export interface Validators {
  /** Validator for one item of a spec section (e.g. 'agents'); undefined for unknown sections. */
  section(section: string): ValidateFunction | undefined;
  /** Validator for the document shell. */
  shell(): ValidateFunction;
}

export function compileValidators(): Validators {
  const ajv = createAjv();
  ajv.addSchema(SCHEMA as object);
  let shell: ValidateFunction | undefined;
  return {
    // ajv keeps what it compiled: each definition is compiled once, on first use.
    section(section) {
      const item = SECTION_ITEMS.get(section);
      const name = item && definitionNameOf(item);
      return name ? ajv.getSchema(`${SCHEMA_ID}#/definitions/${name}`) : undefined;
    },
    shell: () => (shell ??= ajv.getSchema(SHELL_ID) ?? ajv.compile(SHELL_ROOT as object)),
  };
}
