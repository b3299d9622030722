/**
 * Which SQL a query's connection speaks. `built-in` is the instance's own PostgreSQL (the
 * scheduler creates it with `connection_type: postgresql`); any other connection's type is known
 * only from the instance (`ConnectionTypeLookup`, given by instance-aware callers). An unknown
 * type is never guessed: the syntax check then stays silent.
 */
export interface ConnectionTypeLookup {
  /** Changes whenever the answers may change (memoised findings depend on it). */
  readonly revision: string | number;
  /** `postgresql`, `clickhouse`, `snowflake`, …, or undefined when the instance does not say. */
  typeOf(connectionName: string): string | undefined;
}

export function isPostgres(connectionName: string | undefined, lookup: ConnectionTypeLookup | undefined): boolean {
  if (connectionName === undefined || connectionName.includes('${{')) return false;
  if (connectionName === 'built-in') return true;
  return lookup?.typeOf(connectionName)?.toLowerCase() === 'postgresql';
}
