/**
 * One problem, one finding. When a specific rule and a generic check (schema, YAML syntax) see
 * the same problem, the specific finding wins: a finding whose code is listed below removes the
 * findings of the listed generic codes on a nested span (one inside the other). Declared here, not inside either
 * check, so neither has to know about the other.
 */
import type { DiagnosticCode } from './codes';
import type { Finding } from './finding';

export const SUPERSEDES: Partial<Record<DiagnosticCode, readonly DiagnosticCode[]>> = {
  // `onUserMessage`: the schema sees an unknown hooks key; the rule knows the snake_case fix.
  'hook-key-case': ['ignored-field', 'invalid-hook', 'unknown-key'],
  // `cronExpression: */5 * * * *`: the parser sees stray aliases, the schema a null value.
  'unquoted-cron': ['yaml-syntax', 'invalid-type'],
  // `auth.secret: "{{KEY}}"`: the schema sees braces, the rule knows whether `KEY` is a variable.
  'connector-secret-template': ['invalid-secret-ref'],
  // Too long for the database column / a `/` in the package name: the install consequence beats
  // the REST naming note on the same value.
  'value-too-long': ['name-format', 'unsupported-response-mode', 'unsupported-schedule-type', 'invalid-timezone'],
  'package-name-slash': ['name-format'],
  // `${APP_URL}` in a path or name: the schema sees stray characters, the rule the intended variable.
  'uninterpolated-variable': ['name-format', 'webhook-path-format', 'path-param-syntax'],
  // `%(day)s` in SQL: PostgreSQL sees a stray `%`, the rule knows the `:day` Sinas binds.
  'query-parameter-style': ['sql-syntax'],
};

const nested = (a: Finding, b: Finding) =>
  (a.span.start <= b.span.start && b.span.end <= a.span.end) || (b.span.start <= a.span.start && a.span.end <= b.span.end);

/** Drops findings superseded by a more specific one on the same, an enclosing or an enclosed span. */
export function applyPrecedence<T extends Finding>(findings: T[]): T[] {
  const winners = findings.filter((f) => SUPERSEDES[f.code]);
  if (winners.length === 0) return findings;
  return findings.filter((f) => !winners.some((w) => w !== f && SUPERSEDES[w.code]!.includes(f.code) && nested(w, f)));
}
