import { findPair } from '../parse/yaml-tree';
import { laxBool } from './support/scalar';
import type { ItemRule } from './rule';

/** `isDefault: true` makes this the instance's default agent and clears the flag on every other agent (P23). */
export const defaultAgent: ItemRule = {
  id: 'default-agent',
  codes: ['default-agent'],
  sections: ['agents'],
  check(ctx) {
    const value = findPair(ctx.item.node, 'isDefault')?.value;
    if (!value || laxBool(value) !== true) return;
    ctx.report({
      code: 'default-agent',
      message: 'Installing this package makes this agent the default for the whole instance and clears `isDefault` on every other agent, including ones other packages or users rely on.',
      span: value,
    });
  },
};
