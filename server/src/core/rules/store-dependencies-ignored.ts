import { presentPair } from './support/scalar';
import type { ItemRule } from './rule';

/** Manifest `storeDependencies`: neither stored nor compared on install, though export emits it (P28). */
export const storeDependenciesIgnored: ItemRule = {
  id: 'store-dependencies-ignored',
  codes: ['store-dependencies-ignored'],
  sections: ['manifests'],
  check(ctx) {
    const pair = presentPair(ctx.item.node, 'storeDependencies');
    if (!pair?.key || (pair.value?.kind === 'seq' && pair.value.items.length === 0)) return;
    ctx.report({
      code: 'store-dependencies-ignored',
      message: 'Sinas ignores a manifest\'s `storeDependencies` on install (it is neither stored nor compared); declare the stores under `spec.stores` and reference them from agents or components.',
      span: pair.key,
    });
  },
};
