import { documentSpan } from '../embedded/embedded-text';
import { querySql } from '../embedded/sql/query-sql';
import { stringAt } from './support/scalar';
import type { ItemRule } from './rule';

/**
 * A read query ending in `;`: Sinas appends ` LIMIT <maxRows>` to read SQL that has no `LIMIT`
 * anywhere, which after a `;` is a statement of its own and a syntax error, so the query fails
 * every time (P25). Read from the tokens: a `;` followed only by a `--` comment is harmless (the
 * comment swallows the LIMIT), one followed by a block comment is not.
 */
export const queryTrailingSemicolon: ItemRule = {
  id: 'query-trailing-semicolon',
  codes: ['query-trailing-semicolon'],
  sections: ['queries'],
  check(ctx) {
    if (stringAt(ctx.item.node, 'operation')?.value !== 'read') return;
    const sql = querySql(ctx.item);
    if (!sql || sql.text.placeholders.length || /limit/i.test(sql.text.source)) return;
    const tokens = sql.facts.tokens.filter((t) => !(t.kind === 'comment' && t.text.startsWith('/*')));
    const last = tokens[tokens.length - 1];
    if (!last || last.text !== ';') return;
    ctx.report({
      code: 'query-trailing-semicolon',
      message: 'Remove the trailing `;`: Sinas appends ` LIMIT <maxRows>` to read queries, and after a `;` that is a syntax error, so this query would fail every time.',
      span: documentSpan(ctx.text, sql.text, last.start, last.end),
    });
  },
};
