/** A query's `sql`, scanned and parsed as PostgreSQL once per chunk. */
import type { Resource } from '../../model/package-model';
import { parsedField, type ParsedField } from '../parsed-field';

export type QuerySql = ParsedField<'sql'>;

/** Undefined when the item has no string `sql` or the PostgreSQL parser is not loaded yet. */
export function querySql(item: Resource): QuerySql | undefined {
  return parsedField(item, 'sql', 'sql');
}
