/**
 * The Sinas backend reads packages with PyYAML (YAML 1.1). eemeli `yaml`'s 1.1 schema is close but
 * resolves a few scalars differently; these overrides make our values match PyYAML's, so the
 * type checks agree with what the server will see (`name: y` is a string there, `1e3` too).
 */
import type { ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';

type Tags = Exclude<SchemaOptions['customTags'], undefined | null | unknown[]>;
type TagList = Parameters<Extract<Tags, (...args: never[]) => unknown>>[0];

const PY_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const PY_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
/** PyYAML's float: a dot is required, and an exponent needs its sign. */
const PY_FLOAT_EXP = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?)$/;

function pyyamlTags(tags: TagList): TagList {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || !('test' in tag) || !tag.test) return tag;
    if (tag.tag === 'tag:yaml.org,2002:bool') {
      return { ...tag, test: tag.identify?.(true) ? PY_TRUE : PY_FALSE } as typeof tag;
    }
    if (tag.tag === 'tag:yaml.org,2002:float' && /eE/.test(tag.test.source)) {
      return { ...tag, test: PY_FLOAT_EXP } as typeof tag;
    }
    return tag;
  });
}

export const PYYAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  // PyYAML keeps the last of duplicate keys silently; a rule reports them instead.
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false,
  customTags: pyyamlTags as SchemaOptions['customTags'],
};
