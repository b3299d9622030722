import { spanInScalar, stringAt } from './support/scalar';
import type { ItemRule } from './rule';

/** A real LIMIT clause: `LIMIT 10`, `LIMIT :n`, `LIMIT ALL`, `LIMIT (…)`. */
const LIMIT_CLAUSE = /\blimit\s+(?:\d|:[A-Za-z_]|all\b|\()/i;

/**
 * Sinas enforces `maxRows` on read queries by appending ` LIMIT <maxRows>` — unless the SQL
 * contains the letters `LIMIT` anywhere (any case). A column such as `rate_limit` or a word in a
 * string or comment therefore silently switches the row cap off (P25).
 */
export const queryLimitSubstring: ItemRule = {
  id: 'query-limit-substring',
  codes: ['query-limit-substring'],
  sections: ['queries'],
  check(ctx) {
    if (stringAt(ctx.item.node, 'operation')?.value !== 'read') return;
    const sql = stringAt(ctx.item.node, 'sql');
    if (!sql || sql.value.includes('${{') || LIMIT_CLAUSE.test(sql.value)) return;
    const at = sql.value.toUpperCase().indexOf('LIMIT');
    if (at < 0) return;
    ctx.report({
      code: 'query-limit-substring',
      message: `Sinas caps read queries at \`maxRows\` by appending \` LIMIT <maxRows>\`, but skips that whenever the SQL contains \`LIMIT\` anywhere — here in \`${wordAt(sql.value, at)}\`. This query returns every row; add an explicit \`LIMIT\` clause.`,
      span: spanInScalar(ctx.text, sql, at, 5),
    });
  },
};

function wordAt(s: string, at: number): string {
  let start = at;
  let end = at + 5;
  while (start > 0 && /\w/.test(s[start - 1])) start--;
  while (end < s.length && /\w/.test(s[end])) end++;
  return s.slice(start, end);
}
