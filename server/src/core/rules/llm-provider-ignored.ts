import { presentPair } from './support/scalar';
import type { ItemRule } from './rule';

/** `llmProviderName` is validated to exist, then ignored by package installs (P6). */
export const llmProviderIgnored: ItemRule = {
  id: 'llm-provider-ignored',
  codes: ['llm-provider-ignored'],
  sections: ['agents'],
  check(ctx) {
    const pair = presentPair(ctx.item.node, 'llmProviderName');
    if (!pair?.key) return;
    ctx.report({
      code: 'llm-provider-ignored',
      message:
        'Sinas ignores `llmProviderName` when it installs a package: the agent is created without a provider and uses the instance default. ' +
        'The name is still checked at install, so it must exist on the instance (or the install is rejected).',
      span: pair.key,
    });
  },
};
