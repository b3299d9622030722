import { embeddedText } from '../embedded/embedded-text';
import { sinasParameters } from '../embedded/sql/parse-sql';
import { getValue } from '../parse/yaml-tree';
import { spanInScalar } from './support/scalar';
import type { ItemRule } from './rule';

/**
 * Sinas binds each `:name` from the call's input (`params.get(name)`, NULL when absent). Agents
 * only pass what the query's `inputSchema.properties` declare, so a `:name` missing there is
 * always NULL from an agent. Silent without literal properties (any input may then arrive).
 */
export const unboundQueryParameter: ItemRule = {
  id: 'unbound-query-parameter',
  codes: ['unbound-query-parameter'],
  sections: ['queries'],
  check(ctx) {
    const text = embeddedText(getValue(ctx.item.node, 'sql'));
    const properties = getValue(getValue(ctx.item.node, 'inputSchema'), 'properties');
    if (!text || !properties || properties.kind !== 'map') return;
    if (ctx.text.slice(properties.start, properties.end).includes('${{')) return;
    const declared = new Set(properties.pairs.map((p) => (p.key?.kind === 'scalar' ? String(p.key.value) : '')));
    const seen = new Set<string>();
    for (const param of sinasParameters(text.source)) {
      if (declared.has(param.name) || seen.has(param.name)) continue;
      seen.add(param.name);
      ctx.report({
        code: 'unbound-query-parameter',
        message: `\`:${param.name}\` is not in \`inputSchema.properties\`, so agents never pass it and Sinas binds it as NULL. Declare \`${param.name}\` in the input schema.`,
        span: spanInScalar(ctx.text, text.node, param.index, param.length),
      });
    }
  },
};
