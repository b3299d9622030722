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

/**
 * Drops findings superseded by a more specific one on the same, an enclosing or an enclosed span.
 * Near-linear in the number of findings (a hostile file can have a hundred thousand): per losing
 * code, the winners that beat it are sorted by start, and each candidate loser asks for an
 * enclosing winner (a prefix maximum of ends) or an enclosed one (a scan that stops at the first).
 */
export function applyPrecedence<T extends Finding>(findings: T[]): T[] {
  const winners = findings.filter((f) => SUPERSEDES[f.code]);
  if (winners.length === 0) return findings;
  const beaten = new Map<DiagnosticCode, Winners>();
  for (const w of winners) {
    for (const code of SUPERSEDES[w.code]!) {
      let list = beaten.get(code);
      if (!list) beaten.set(code, (list = new Winners()));
      list.add(w);
    }
  }
  return findings.filter((f) => !beaten.get(f.code)?.nests(f));
}

class Winners {
  private readonly items: Finding[] = [];
  private readonly members = new WeakSet<Finding>();
  private sorted = false;
  private maxEnd: number[] = [];

  add(w: Finding): void {
    this.items.push(w);
    this.members.add(w);
    this.sorted = false;
  }

  /** Is there a winner (other than `f`) on a span that encloses `f`'s or lies inside it? */
  nests(f: Finding): boolean {
    if (!this.sorted) this.sort();
    const { start, end } = f.span;
    // Winners starting at or before `start`: one of them encloses f when the furthest end reaches `end`.
    const last = upperBound(this.items, start) - 1;
    if (last >= 0 && this.maxEnd[last] >= end) {
      if (!this.members.has(f)) return true;
      for (let i = last; i >= 0; i--) if (this.items[i] !== f && this.items[i].span.end >= end) return true;
    }
    // Winners starting inside f's span: one of them is enclosed when it also ends inside.
    for (let i = lowerBound(this.items, start); i < this.items.length && this.items[i].span.start <= end; i++) {
      if (this.items[i] !== f && this.items[i].span.end <= end) return true;
    }
    return false;
  }

  private sort(): void {
    this.items.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    let max = -Infinity;
    this.maxEnd = this.items.map((w) => (max = Math.max(max, w.span.end)));
    this.sorted = true;
  }
}

/** First index whose start is >= `offset`. */
function lowerBound(items: Finding[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose start is > `offset`. */
function upperBound(items: Finding[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].span.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
