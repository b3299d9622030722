import { findPair } from '../parse/yaml-tree';
import { functionCode } from '../embedded/python/function-code';
import type { ItemRule } from './rule';

/**
 * A function's `code` must bind `handler` at module level (P26): the executor runs the code and
 * looks the name up, failing every call with "No 'handler' function found". Sinas does not check
 * it at install. A function named after the resource still works, as a deprecated fallback (info).
 * Code with syntax errors is left to `python-syntax`; code with `${{ … }}` may get its handler at install.
 */
export const missingHandler: ItemRule = {
  id: 'missing-handler',
  codes: ['missing-handler'],
  sections: ['functions'],
  check(ctx) {
    const code = functionCode(ctx.item);
    const pair = findPair(ctx.item.node, 'code');
    if (!code || !pair?.key || code.facts.handler || code.facts.errors.length || code.text.placeholders.length) return;
    const name = ctx.item.name;
    const fallback = name !== undefined && code.facts.functions.has(name);
    ctx.report({
      code: 'missing-handler',
      severity: fallback ? 'info' : undefined,
      message: fallback
        ? `The code defines \`${name}(…)\` but no \`handler(input_data, context)\`: Sinas still calls \`${name}\` as a deprecated fallback. Rename it to \`handler\`.`
        : "The code does not define `handler(input_data, context)`: Sinas does not check this at install, and every call fails with \"No 'handler' function found\".",
      span: pair.key,
    });
  },
};
