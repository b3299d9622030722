import { spanInScalar, stringAt } from './support/scalar';
import type { ItemRule } from './rule';

/**
 * A read query ending in `;`: Sinas appends ` LIMIT <maxRows>` to read SQL that has no LIMIT,
 * which after a `;` is a syntax error, so the query fails every time (P25).
 */
export const queryTrailingSemicolon: ItemRule = {
  id: 'query-trailing-semicolon',
  codes: ['query-trailing-semicolon'],
  sections: ['queries'],
  check(ctx) {
    if (stringAt(ctx.item.node, 'operation')?.value !== 'read') return;
    const sql = stringAt(ctx.item.node, 'sql');
    if (!sql || sql.value.includes('${{')) return;
    const trimmed = sql.value.replace(/\s+$/, '');
    if (!trimmed.endsWith(';') || /limit/i.test(sql.value)) return;
    ctx.report({
      code: 'query-trailing-semicolon',
      message: 'Remove the trailing `;`: Sinas appends ` LIMIT <maxRows>` to read queries, and after a `;` that is a syntax error, so this query would fail every time.',
      span: spanInScalar(ctx.text, sql, trimmed.length - 1, 1),
    });
  },
};
