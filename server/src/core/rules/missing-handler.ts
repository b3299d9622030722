import { findPair } from '../parse/yaml-tree';
import { asString } from './support/scalar';
import type { ItemRule } from './rule';

const HANDLER = /^(?:[ \t]*(?:async[ \t]+)?def[ \t]+handler[ \t]*\(|handler[ \t]*=|(?:from[ \t]+\S+[ \t]+)?import[ \t].*\bhandler\b)/m;

/**
 * A function's `code` must define `handler(input_data, context)` (P26). Sinas does not check it at
 * install; the executor then fails every call with "No 'handler' function found". A function
 * named after the resource still works, as a deprecated fallback (info).
 */
export const missingHandler: ItemRule = {
  id: 'missing-handler',
  codes: ['missing-handler'],
  sections: ['functions'],
  check(ctx) {
    const pair = findPair(ctx.item.node, 'code');
    const code = asString(pair?.value);
    if (!pair?.key || !code || code.value.includes('${{') || HANDLER.test(code.value)) return;
    const name = ctx.item.name;
    const fallback = name && new RegExp(`^[ \\t]*(?:async[ \\t]+)?def[ \\t]+${name.replace(/[^\w]/g, '')}[ \\t]*\\(`, 'm').test(code.value);
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
