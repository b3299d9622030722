import { documentSpan } from '../embedded/embedded-text';
import { querySql } from '../embedded/sql/query-sql';
import { stringAt } from './support/scalar';
import type { ItemRule } from './rule';

/**
 * Sinas enforces `maxRows` on read queries by appending ` LIMIT <maxRows>` — unless the SQL
 * contains the letters `LIMIT` anywhere (any case) (P25). Read from the parse tree: when the query
 * itself has no LIMIT (or FETCH FIRST) clause, the letters are in a name (`rate_limit`), a string,
 * a comment or a subquery's own LIMIT, and the row cap is silently off. SQL that does not parse is
 * read from its tokens (any LIMIT keyword counts as a clause).
 */
export const queryLimitSubstring: ItemRule = {
  id: 'query-limit-substring',
  codes: ['query-limit-substring'],
  sections: ['queries'],
  check(ctx) {
    if (stringAt(ctx.item.node, 'operation')?.value !== 'read') return;
    const sql = querySql(ctx.item);
    if (!sql || sql.text.placeholders.length || sql.facts.tokens.length === 0) return;
    const { facts } = sql;
    const limitKeywords = facts.tokens.filter((t) => t.kind === 'keyword' && (t.text === 'LIMIT' || t.text === 'FETCH'));
    if (facts.error ? limitKeywords.length > 0 : facts.lastHasLimit) return;
    const at = sql.text.source.toUpperCase().indexOf('LIMIT');
    if (at < 0) return;
    const holder = facts.tokens.find((t) => t.start <= at && at < t.end);
    const where =
      holder?.kind === 'comment' ? 'a comment' : holder?.kind === 'string' ? 'a string' : holder?.kind === 'keyword' ? "a subquery's own `LIMIT`" : `\`${holder?.text ?? 'LIMIT'}\``;
    ctx.report({
      code: 'query-limit-substring',
      message: `Sinas caps read queries at \`maxRows\` by appending \` LIMIT <maxRows>\`, but skips that whenever the SQL contains \`LIMIT\` anywhere — here in ${where}. This query returns every row; add an explicit \`LIMIT\` clause.`,
      span: documentSpan(ctx.text, sql.text, at, at + 5),
    });
  },
};
