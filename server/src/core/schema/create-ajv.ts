/** The one ajv configuration every validator of the package schema is compiled with. */
import Ajv, { type Options } from 'ajv';

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

export const AJV_OPTIONS: Options = {
  allErrors: true,
  verbose: true, // errors carry parentSchema, which is how x-severity / lax kinds are found
  allowUnionTypes: true,
  // Measured: separate functions for $refs and no codegen optimiser pass compile ~2x faster
  // (the lax scalar definitions are referenced ~60 times) and validate no slower.
  inlineRefs: false,
  code: { optimize: false },
};

export function createAjv(options: { strict?: boolean; source?: boolean } = {}): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, strict: options.strict ?? true, code: { ...AJV_OPTIONS.code, source: options.source ?? false } });
  for (const keyword of EXTENSION_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}
