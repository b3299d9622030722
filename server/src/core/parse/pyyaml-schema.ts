/**
 * How the `yaml` library is asked to read packages (see also safe-load.ts).
 *
 * `yaml` is only the tokeniser and tree builder here: with the failsafe schema every scalar stays
 * a string, and pyyaml-scalars.ts resolves and constructs them as PyYAML does. That is both
 * faithful (YAML 1.1's `09`, `1:20`, `.inf`, `! 42`, timestamps, `!!binary`) and cheaper than
 * letting `yaml` try its own resolvers first.
 */
import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

export const PYYAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  schema: 'failsafe',
  // PyYAML keeps the last of duplicate keys silently; a rule reports them instead.
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false,
};
