import { getValue } from '../parse/yaml-tree';
import { readPattern } from '../variables/pattern';
import { asString } from './support/scalar';
import type { ItemRule } from './rule';

/**
 * A variable's `pattern` must be a valid Python regular expression (the installer's answer is
 * checked with it); one this tool cannot run in linear time is said so, once, as an info.
 */
export const invalidVariablePattern: ItemRule = {
  id: 'invalid-variable-pattern',
  codes: ['invalid-variable-pattern', 'uncheckable-variable-pattern'],
  sections: ['variables'],
  check(ctx) {
    const node = asString(getValue(ctx.item.node, 'pattern'));
    if (!node || node.value.includes('${{')) return;
    const reading = readPattern(node.value);
    if (reading.kind === 'invalid') {
      ctx.report({
        code: 'invalid-variable-pattern',
        message: `This \`pattern\` is not a valid Python regular expression (${reading.reason}); installing would fail when the value is checked.`,
        span: node,
      });
    } else if (reading.kind === 'uncheckable') {
      ctx.report({
        code: 'uncheckable-variable-pattern',
        message: `This \`pattern\` cannot be checked here because ${reading.reason}; values (and the \`default\`) are left to the Sinas server to judge.`,
        span: node,
      });
    }
  },
};
