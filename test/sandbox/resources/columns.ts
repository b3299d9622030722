/**
 * The database column rules apply does not check itself (§4, pitfalls 11, 24, 30): too-long strings
 * and a webhook method outside the Postgres enum only fail when the session flushes, which poisons
 * the transaction, so the whole install ends in a bare 500 and a rollback. Preview never flushes
 * and says `create`.
 */
import { DatabaseError } from '../errors';

interface ColumnRules {
  maxLength: Record<string, number>;
  oneOf?: Record<string, readonly string[]>;
}

const NAMESPACED = { namespace: 255, name: 255 };
const SHORT_NAMESPACED = { namespace: 100, name: 100 };

const RULES: Record<string, ColumnRules> = {
  connectors: { maxLength: SHORT_NAMESPACED },
  collections: { maxLength: SHORT_NAMESPACED },
  stores: { maxLength: SHORT_NAMESPACED },
  webhooks: {
    maxLength: { path: 255, response_mode: 10 },
    oneOf: { http_method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] },
  },
  schedules: { maxLength: { name: 255, schedule_type: 20, timezone: 50 } },
  databaseTriggers: { maxLength: { name: 255 } },
  packages: { maxLength: { name: 255, version: 50, author: 255, source_url: 1024 } },
};

/** Throws the error the database would raise when these columns are written. */
export function checkColumns(table: string, fields: Record<string, unknown>): void {
  const rules = RULES[table] ?? { maxLength: NAMESPACED };
  for (const [column, max] of Object.entries(rules.maxLength)) {
    const value = fields[column];
    if (typeof value === 'string' && value.length > max) {
      throw new DatabaseError(`value too long for type character varying(${max}) (${table}.${column})`);
    }
  }
  for (const [column, allowed] of Object.entries(rules.oneOf ?? {})) {
    const value = fields[column];
    if (value !== undefined && value !== null && !allowed.includes(String(value))) {
      throw new DatabaseError(`invalid input value for enum ${column.replace('_', '')}: "${value}" (${table}.${column})`);
    }
  }
}
