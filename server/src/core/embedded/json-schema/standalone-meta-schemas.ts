/**
 * Build time only: the source of a module that replaces meta-schema-validators.ts in the bundles,
 * with the same validators already generated (ajv standalone code). Each draft's code is wrapped
 * in a function run on the draft's first use, as the compiled validators are.
 */
import standaloneCode from 'ajv/dist/standalone';
import { META_SCHEMA_DRAFTS, metaSchemaAjv } from './meta-schema-validators';

export function standaloneMetaSchemasSource(): string {
  const makers = META_SCHEMA_DRAFTS.map((draft) => {
    const { ajv, id } = metaSchemaAjv(draft, true);
    ajv.getSchema(id);
    const code = standaloneCode(ajv, { validate: id }).replace(/^"use strict";/, '');
    return `  ${JSON.stringify(draft)}: () => {\n    const exports = {};\n${code}\n    return exports.validate;\n  },`;
  });
  return [
    '"use strict";',
    'const MAKERS = {',
    ...makers,
    '};',
    'const compiled = new Map();',
    'exports.metaSchemaValidator = (draft) => {',
    '  if (!compiled.has(draft)) compiled.set(draft, MAKERS[draft]?.());',
    '  return compiled.get(draft);',
    '};',
    '',
  ].join('\n');
}
