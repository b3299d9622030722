import { validateShell } from '../schema/validate-node';
import type { HeaderRule } from './rule';

/** JSON-Schema validation of the document around the items: root keys, `package`, `spec` sections. */
export const schemaShell: HeaderRule = {
  id: 'schema-shell',
  codes: ['unknown-key', 'invalid-type', 'missing-required', 'invalid-value'],
  check(ctx) {
    for (const finding of validateShell(ctx.root, undefined, { source: ctx.text })) ctx.report(finding);
  },
};
