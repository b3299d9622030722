import type { DocumentRule } from './rule';
import { contentSpan } from './support/scalar';

/**
 * Webhook and schedule `functionName` are validated as `default/<functionName>` (P2, P3): a
 * qualified `ns/f` becomes `default/ns/f` and the install is rejected. Only a bare name of a
 * function in namespace `default` can work — including one whose name has a `/` (`tools/f` in
 * namespace `default` is `default/tools/f`, which resolves).
 */
export const referenceMustBeBare: DocumentRule = {
  id: 'reference-must-be-bare',
  codes: ['reference-must-be-bare'],
  check(ctx) {
    for (const ref of ctx.references.references) {
      if (ref.form !== 'bare' || ref.dynamic || !ref.text.includes('/')) continue;
      if (ctx.references.definitions('functions', `default/${ref.text}`).length > 0) continue;
      const slash = ref.text.indexOf('/');
      const namespace = ref.text.slice(0, slash);
      const name = ref.text.slice(slash + 1);
      const owner = ref.source.section === 'webhooks' ? 'Webhook' : 'Schedule';
      const inDefault = namespace === 'default' || ctx.references.definitions('functions', `default/${name}`).length > 0;
      const definedHere = namespace !== 'default' && ctx.references.definitions('functions', ref.text).length > 0;
      const advice = inDefault
        ? `Write the bare name \`${name}\`.`
        : definedHere
          ? `${owner}s can only call functions in namespace \`default\`: move \`${ref.text}\` to namespace \`default\` and write \`${name}\`.`
          : `${owner}s can only call functions in namespace \`default\`, written as a bare name.`;
      ctx.report({
        code: 'reference-must-be-bare',
        message: `${owner} \`functionName\` is read as a bare name in namespace \`default\`: Sinas looks up \`default/${ref.text}\` and rejects the install. ${advice}`,
        span: contentSpan(ref.node),
        data: inDefault ? { replacement: name } : undefined,
      });
    }
  },
};
