import { qualifiedFunctionNames } from '../references/qualified-function-names';
import type { ScopedRule } from './rule';
import { contentSpan } from './support/scalar';

/**
 * Webhook and schedule `functionName` are validated as `default/<functionName>` (P2, P3): a
 * qualified `ns/f` becomes `default/ns/f` and the install is rejected. Only a bare name of a
 * function in namespace `default` can work — including one whose name has a `/` (`tools/f` in
 * namespace `default` is `default/tools/f`, which resolves); the message says when no spelling can.
 */
export const referenceMustBeBare: ScopedRule = {
  id: 'reference-must-be-bare',
  codes: ['reference-must-be-bare'],
  check(ctx) {
    // The item's references, against the package's definitions.
    for (const found of qualifiedFunctionNames({ references: ctx.references, definitions: (kind, name) => ctx.tables.definitions.get(kind, name) })) {
      ctx.report({
        code: 'reference-must-be-bare',
        message: `${found.owner} \`functionName\` is read as a bare name in namespace \`default\`: Sinas looks up \`default/${found.written}\` and rejects the install. ${found.advice}`,
        span: contentSpan(found.reference.node),
        data: found.replacement !== undefined ? { replacement: found.replacement } : undefined,
      });
    }
  },
};
