import { spanInScalar, stringAt } from './support/scalar';
import type { ItemRule } from './rule';

/** SQL with string literals, quoted identifiers, dollar quotes and comments blanked out (same length). */
export function blankSqlLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$([A-Za-z_]*)\$[\s\S]*?\$\1\$|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
}

const FOREIGN = /%\(([A-Za-z_][A-Za-z0-9_]*)\)s|%s|\$\d+/g;

/**
 * Query parameters are `:name` only (P25): Sinas turns each `:name` into a positional parameter.
 * `%(name)s`, `%s` (psycopg) and `$1` (asyncpg) are sent as written and fail or bind nothing.
 */
export const queryParameterStyle: ItemRule = {
  id: 'query-parameter-style',
  codes: ['query-parameter-style'],
  sections: ['queries'],
  check(ctx) {
    const sql = stringAt(ctx.item.node, 'sql');
    if (!sql || sql.value.includes('${{')) return;
    const code = blankSqlLiterals(sql.value);
    for (const m of code.matchAll(FOREIGN)) {
      const index = m.index ?? 0;
      const name = m[1];
      const replacement = name ? `:${name}` : undefined;
      ctx.report({
        code: 'query-parameter-style',
        message: `Sinas binds query parameters written \`:name\` only; \`${m[0]}\` is sent to the database as written${replacement ? `. Write \`${replacement}\`` : ' and fails; use a named `:parameter` from the input schema'}.`,
        span: spanInScalar(ctx.text, sql, index, m[0].length),
        data: replacement ? { replacement } : undefined,
      });
    }
  },
};
