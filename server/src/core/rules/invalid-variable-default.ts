import { findPair, getValue, stringValue, type YScalar } from '../parse/yaml-tree';
import { mismatchMessage, testPattern } from '../variables/pattern';
import type { ItemContext, ItemRule } from './rule';

/**
 * A variable's own `default` and `example` must be values the variable accepts: one of `choices`
 * for an enum, containing a match for `pattern` for text (the one reading in
 * variables/pattern.ts). Boolean defaults are typed by the schema. A value built from another
 * variable (`${{ … }}`) is unknown until install: silent.
 */
export const invalidVariableDefault: ItemRule = {
  id: 'invalid-variable-default',
  codes: ['invalid-variable-default'],
  sections: ['variables'],
  check(ctx) {
    for (const key of ['default', 'example'] as const) {
      const value = findPair(ctx.item.node, key)?.value;
      if (value && value.kind === 'scalar' && value.value !== null) checkValue(ctx, key, value);
    }
  },
};

function checkValue(ctx: ItemContext, key: 'default' | 'example', value: YScalar): void {
  const node = ctx.item.node;
  const type = stringValue(getValue(node, 'type')) ?? 'text';
  const shown = String(value.value instanceof Date ? value.value.toISOString().slice(0, 10) : value.value);
  if (shown.includes('${{')) return;
  const consequence = key === 'default' ? 'installers who keep the default would be refused' : 'installers who follow the example would be refused';
  if (type === 'enum') {
    const choices = getValue(node, 'choices');
    if (!choices || choices.kind !== 'seq') return;
    const values = choices.items.map((c) => (c.kind === 'scalar' ? String(c.value) : undefined));
    if (values.includes(undefined) || values.includes(shown)) return;
    ctx.report({
      code: 'invalid-variable-default',
      message: `The ${key} \`${shown}\` is not one of the \`choices\` (${values.map((v) => `\`${v}\``).join(', ')}); ${consequence}.`,
      span: value,
    });
  } else if (type === 'text') {
    const pattern = stringValue(getValue(node, 'pattern'));
    if (pattern === undefined || pattern.includes('${{') || testPattern(pattern, shown).kind !== 'mismatch') return;
    ctx.report({
      code: 'invalid-variable-default',
      message: `The ${key} \`${shown}\` ${mismatchMessage(pattern)} (the value must contain a match; anchor with \`^…$\` to match it whole); ${consequence}.`,
      span: value,
    });
  }
}
