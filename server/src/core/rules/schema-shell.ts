import { validateShell } from '../schema/validate-node';
import type { DocumentRule } from './rule';

/** JSON-Schema validation of the document around the items: root keys, `package`, `spec` sections. */
export const schemaShell: DocumentRule = {
  id: 'schema-shell',
  codes: ['unknown-key', 'invalid-type', 'missing-required', 'invalid-value'],
  check(ctx) {
    for (const finding of validateShell(ctx.root, undefined, { source: ctx.text })) ctx.report(finding);
  },
};
