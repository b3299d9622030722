import { getValue } from '../parse/yaml-tree';
import { presentPair } from './support/scalar';
import type { ItemRule } from './rule';

/** Connector `auth.position` / `auth.paramName`: stored, never used (P10). */
export const authPositionIgnored: ItemRule = {
  id: 'auth-position-ignored',
  codes: ['auth-position-ignored'],
  sections: ['connectors'],
  check(ctx) {
    const auth = getValue(ctx.item.node, 'auth');
    for (const key of ['position', 'paramName']) {
      const pair = presentPair(auth, key);
      if (!pair?.key) continue;
      ctx.report({
        code: 'auth-position-ignored',
        message: `Sinas stores \`auth.${key}\` but ignores it: API keys are always sent in a header (\`auth.header\`, default \`X-Api-Key\`); query-string keys are not supported.`,
        span: pair.key,
      });
    }
  },
};
