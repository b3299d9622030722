import { KIND_NAME, type SectionName } from '../../model/sections';
import { referencePresence } from '../../instance/reference-presence';
import { contentSpan } from '../support/scalar';
import type { InstanceRule } from './instance-rule';

/**
 * An LLM provider or database connection that exists on the instance but is inactive: the name
 * passes the install check (it looks at every row), then what uses it does not work.
 */
export const inactiveOnInstance: InstanceRule = {
  id: 'inactive-on-instance',
  codes: ['inactive-on-instance'],
  check(ctx) {
    for (const ref of ctx.references.references) {
      if (ref.kind !== 'llmProviders' && ref.kind !== 'databaseConnections') continue;
      const presence = referencePresence(ctx.instance, ctx.references, ref);
      if (presence?.kind !== 'found' || presence.item.active !== false) continue;
      const label = KIND_NAME[ref.kind as SectionName];
      const consequence =
        ref.kind === 'llmProviders'
          ? 'packages ignore `llmProviderName` anyway, so the agent runs on the instance default provider'
          : ref.source.section === 'queries'
            ? `apply only finds active connections, so the query fails at apply (\`Database connection '${ref.target}' not found\`), a partial install`
            : 'what uses it fails when it runs';
      ctx.report({
        code: 'inactive-on-instance',
        message: `${label[0].toUpperCase()}${label.slice(1)} \`${ref.target}\` is inactive on ${ctx.instance.instance}: ${consequence}.`,
        span: contentSpan(ref.node),
      });
    }
  },
};
