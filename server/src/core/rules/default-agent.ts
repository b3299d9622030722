import { findPair } from '../parse/yaml-tree';
import type { ItemRule } from './rule';

/** `isDefault: true` makes this the instance's default agent and clears the flag on every other agent (P23). */
export const defaultAgent: ItemRule = {
  id: 'default-agent',
  codes: ['default-agent'],
  sections: ['agents'],
  check(ctx) {
    const value = findPair(ctx.item.node, 'isDefault')?.value;
    if (!value || value.kind !== 'scalar') return;
    const on = value.value === true || value.value === 1 || (typeof value.value === 'string' && /^(?:true|yes|on|y|t|1)$/i.test(value.value.trim()));
    if (!on) return;
    ctx.report({
      code: 'default-agent',
      message: 'Installing this package makes this agent the default for the whole instance and clears `isDefault` on every other agent, including ones other packages or users rely on.',
      span: value,
    });
  },
};
