import { closest } from '../text/suggest';
import type { ScopedRule } from './rule';
import { contentSpan } from './support/scalar';

/**
 * `enabledConnectors[].operations` naming an operation the connector (defined in this file) does
 * not have. Sinas never checks it; the agent simply gets no such tool.
 */
export const unknownOperation: ScopedRule = {
  id: 'unknown-operation',
  codes: ['unknown-operation'],
  check(ctx) {
    for (const ref of ctx.references) {
      if (ref.kind !== 'operations' || ref.role !== 'use' || ref.dynamic || ref.connector === undefined) continue;
      const ops = ctx.tables.operations(ref.connector);
      if (!ops || ops.has(ref.text)) continue;
      const suggestion = closest(ref.text, ops.keys());
      ctx.report({
        code: 'unknown-operation',
        message:
          `Connector \`${ref.connector}\` has no operation \`${ref.text}\`; Sinas does not check this, and the agent gets no tool for it. ` +
          (suggestion ? `Did you mean \`${suggestion}\`?` : `Its operations are ${[...ops.keys()].map((o) => `\`${o}\``).join(', ') || 'none'}.`),
        span: contentSpan(ref.node),
        data: suggestion ? { replacement: suggestion } : undefined,
      });
    }
  },
};
