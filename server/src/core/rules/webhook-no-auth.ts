import { findPair } from '../parse/yaml-tree';
import { laxBool } from './support/scalar';
import type { ItemRule } from './rule';

/** `requiresAuth: false`: anyone can call the webhook, and the function runs as the installing admin (P12). */
export const webhookNoAuth: ItemRule = {
  id: 'webhook-no-auth',
  codes: ['webhook-no-auth'],
  sections: ['webhooks'],
  check(ctx) {
    const value = findPair(ctx.item.node, 'requiresAuth')?.value;
    if (!value || laxBool(value) !== false) return;
    ctx.report({
      code: 'webhook-no-auth',
      message: 'With `requiresAuth: false` anyone who knows the URL can call this webhook, and the function runs as the webhook owner — the admin who installed the package.',
      span: value,
    });
  },
};
