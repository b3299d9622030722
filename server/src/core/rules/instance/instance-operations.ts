import { referencePresence } from '../../instance/reference-presence';
import { closest } from '../../text/suggest';
import { contentSpan } from '../support/scalar';
import type { InstanceRule } from './instance-rule';

/**
 * `enabledConnectors[].operations` naming an operation that the connector on the instance (not
 * this package) does not have. As for a connector of this file: Sinas never checks it, and the
 * agent simply gets no such tool.
 */
export const instanceOperations: InstanceRule = {
  id: 'instance-operations',
  codes: ['unknown-operation'],
  check(ctx) {
    for (const ref of ctx.references.references) {
      if (ref.kind !== 'operations' || referencePresence(ctx.instance, ctx.references, ref)?.kind !== 'missing') continue;
      const connector = ctx.instance.presence('connectors', ref.connector!);
      const operations = connector.kind === 'found' ? (connector.item.operations ?? []) : [];
      const suggestion = closest(ref.text, operations);
      ctx.report({
        code: 'unknown-operation',
        message:
          `Connector \`${ref.connector}\` on ${ctx.instance.instance} has no operation \`${ref.text}\`; Sinas does not check this, and the agent gets no tool for it. ` +
          (suggestion ? `Did you mean \`${suggestion}\`?` : `Its operations are ${listed(operations)}.`),
        span: contentSpan(ref.node),
        data: suggestion ? { replacement: suggestion } : undefined,
      });
    }
  },
};

const MAX_LISTED = 10;

function listed(operations: readonly string[]): string {
  if (operations.length === 0) return 'none';
  const shown = operations.slice(0, MAX_LISTED).map((o) => `\`${o}\``).join(', ');
  return operations.length > MAX_LISTED ? `${shown} and ${operations.length - MAX_LISTED} more` : shown;
}
