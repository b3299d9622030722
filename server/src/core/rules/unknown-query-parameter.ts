import { getValue } from '../parse/yaml-tree';
import { contentSpan } from './support/scalar';
import type { ScopedRule } from './rule';

/**
 * An agent's `queryParameters` for a query of this package names a parameter its SQL never uses
 * (`:name`): the value is passed along and ignored — usually a typo of a parameter name.
 */
export const unknownQueryParameter: ScopedRule = {
  id: 'unknown-query-parameter',
  codes: ['unknown-query-parameter'],
  check(ctx) {
    for (const ref of ctx.references) {
      if (ref.role !== 'parameters' || ref.field !== 'queryParameters' || ref.dynamic || ref.target === undefined) continue;
      const used = ctx.tables.queryParameters(ref.target);
      if (!used) continue;
      const map = getValue(ref.source.node, 'queryParameters');
      const entry = map?.kind === 'map' ? map.pairs.find((p) => p.key === ref.node)?.value : undefined;
      if (!entry || entry.kind !== 'map') continue;
      for (const pair of entry.pairs) {
        if (!pair.key || pair.key.kind !== 'scalar') continue;
        const name = String(pair.key.value);
        if (used.has(name) || name.includes('${{')) continue;
        ctx.report({
          code: 'unknown-query-parameter',
          message: `Query \`${ref.text}\` has no \`:${name}\` parameter in its SQL, so this value is never used.${used.size ? ` Its parameters: ${[...used].map((u) => `\`${u}\``).join(', ')}.` : ''}`,
          span: contentSpan(pair.key),
        });
      }
    }
  },
};
