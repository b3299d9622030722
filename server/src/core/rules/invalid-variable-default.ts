import { findPair, getValue, stringValue } from '../parse/yaml-tree';
import { compilePythonPattern } from './invalid-variable-pattern';
import type { ItemRule } from './rule';

/**
 * A variable's `default` must be a value the variable accepts: one of `choices` for an enum,
 * matching `pattern` for text (searched, as a JSON-Schema pattern is). Boolean defaults are typed
 * by the schema.
 */
export const invalidVariableDefault: ItemRule = {
  id: 'invalid-variable-default',
  codes: ['invalid-variable-default'],
  sections: ['variables'],
  check(ctx) {
    const node = ctx.item.node;
    const pair = findPair(node, 'default');
    const value = pair?.value;
    if (!value || value.kind !== 'scalar' || value.value === null) return;
    const type = stringValue(getValue(node, 'type')) ?? 'text';
    const shown = String(value.value instanceof Date ? value.value.toISOString().slice(0, 10) : value.value);
    if (type === 'enum') {
      const choices = getValue(node, 'choices');
      if (!choices || choices.kind !== 'seq') return;
      const values = choices.items.map((c) => (c.kind === 'scalar' ? String(c.value) : undefined));
      if (values.includes(undefined) || values.includes(shown)) return;
      ctx.report({
        code: 'invalid-variable-default',
        message: `The default \`${shown}\` is not one of the \`choices\` (${values.map((v) => `\`${v}\``).join(', ')}); installers who keep the default would be refused.`,
        span: value,
      });
    } else if (type === 'text') {
      const pattern = stringValue(getValue(node, 'pattern'));
      if (pattern === undefined) return;
      const compiled = compilePythonPattern(pattern);
      if (!compiled.ok || !compiled.regex || compiled.regex.test(shown)) return;
      ctx.report({
        code: 'invalid-variable-default',
        message: `The default \`${shown}\` does not match the variable's \`pattern\` \`${pattern}\`; installers who keep the default would be refused.`,
        span: value,
      });
    }
  },
};
