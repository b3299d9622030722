import { certainDespiteVariables, documentSpan } from '../embedded/embedded-text';
import { isPostgres } from '../embedded/sql/dialect';
import { querySql } from '../embedded/sql/query-sql';
import { stringAt } from './support/scalar';
import type { ItemRule } from './rule';

/**
 * Query `sql` that PostgreSQL cannot parse, with `:name` parameters rewritten to `$n` as Sinas
 * does. Only for connections known to be PostgreSQL (`built-in`, or the instance says so):
 * another or an unknown dialect is not guessed. Sinas stores the query unchecked; every run fails.
 */
export const sqlSyntax: ItemRule = {
  id: 'sql-syntax',
  codes: ['sql-syntax'],
  sections: ['queries'],
  check(ctx) {
    const connection = stringAt(ctx.item.node, 'connectionName')?.value;
    if (!isPostgres(connection, ctx.connectionTypes)) return;
    const sql = querySql(ctx.item);
    const error = sql?.facts.error;
    if (!sql || !error || !certainDespiteVariables(sql.text, error)) return;
    ctx.report({
      code: 'sql-syntax',
      message: `PostgreSQL syntax error: ${error.message}. Sinas stores the query unchecked, and every run fails.`,
      span: documentSpan(ctx.text, sql.text, error.start, error.end),
    });
  },
};
