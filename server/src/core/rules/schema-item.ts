import { validateItem } from '../schema/validate-node';
import type { ItemRule } from './rule';

/** JSON-Schema validation of one section item (types, required fields, unknown keys, enums). */
export const schemaItem: ItemRule = {
  id: 'schema-item',
  codes: ['invalid-type', 'missing-required', 'invalid-value', 'ignored-field', 'unhonoured-value'],
  check(ctx) {
    for (const finding of validateItem(ctx.item.section, ctx.item.node, ctx.value, { source: ctx.text })) ctx.report(finding);
  },
};
