import { getValue } from '../parse/yaml-tree';
import { presentPair } from './support/scalar';
import type { ItemRule } from './rule';

/** Webhook `dedup.ttlSeconds`: the runtime reads `ttl_seconds`, so the TTL is always 300 s (P12). */
export const dedupTtlIgnored: ItemRule = {
  id: 'dedup-ttl-ignored',
  codes: ['dedup-ttl-ignored'],
  sections: ['webhooks'],
  check(ctx) {
    const pair = presentPair(getValue(ctx.item.node, 'dedup'), 'ttlSeconds');
    if (!pair?.key) return;
    ctx.report({
      code: 'dedup-ttl-ignored',
      message: 'Sinas ignores `dedup.ttlSeconds` (the runtime reads a key the package format cannot set): duplicates are always remembered for 300 seconds.',
      span: pair.key,
    });
  },
};
