import { getValue } from '../parse/yaml-tree';
import { asString, inQuotesOf } from './support/scalar';
import type { ItemRule } from './rule';

/**
 * In `enabledStores`, a plain string means read-write, while an object without `access` means
 * read-only (P18). Suggest the explicit object form so the access is visible.
 */
export const implicitStoreAccess: ItemRule = {
  id: 'implicit-store-access',
  codes: ['implicit-store-access'],
  sections: ['agents', 'components'],
  check(ctx) {
    const list = getValue(ctx.item.node, 'enabledStores');
    if (!list || list.kind !== 'seq') return;
    for (const entry of list.items) {
      const store = asString(entry);
      if (!store || store.value.includes('${{')) continue;
      ctx.report({
        code: 'implicit-store-access',
        message: `A plain store name grants read-write access (an entry \`{store: …}\` without \`access\` is read-only). Make it explicit: \`{store: ${store.value}, access: readwrite}\`, or \`readonly\`.`,
        span: store,
        data: { replacement: `{store: ${inQuotesOf(store, store.value)}, access: readwrite}` },
      });
    }
  },
};
