/**
 * The schema of the document shell: the root schema with every section's items accepted as-is
 * (items get their own validator, so each resource is validated, and cached, on its own).
 */
import { SCHEMA, SCHEMA_ID } from './schema-lookup';
import type { JsonSchema } from './schema-types';

export const SHELL_ID = SCHEMA_ID.replace(/\.schema\.json$/, '.shell.schema.json');

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

/** One object for the process: validators and error mapping compare schema objects by identity. */
export const SHELL_ROOT: JsonSchema = shellSchema();
