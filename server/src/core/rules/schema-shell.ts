import { validateShell } from '../schema/validate-node';
import type { HeaderRule } from './rule';

/** JSON-Schema validation of the document around the items: root keys, `package`, `spec` sections. */
export const schemaShell: HeaderRule = {
  id: 'schema-shell',
  codes: ['unknown-key', 'invalid-type', 'missing-required', 'invalid-value'],
  check(ctx) {
    // The text only if a message quotes a value: it is built for that (a large package's, megabytes).
    const options = {
      get source() {
        return ctx.text;
      },
    };
    for (const finding of validateShell(ctx.root, undefined, options)) ctx.report(finding);
  },
};
