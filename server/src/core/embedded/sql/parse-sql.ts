/**
 * PostgreSQL as Sinas sends a query's `sql` (asyncpg), read with the real PostgreSQL parser
 * (libpg-query, PostgreSQL 18's grammar compiled to WebAssembly). Before parsing, every `:name`
 * is turned into a `$n` parameter exactly as Sinas does (`sinasParameters`), so the parser sees
 * what the database will. Positions are UTF-16 offsets into the source given.
 */
import type { EmbeddedProblem } from '../embedded-text';

export type SqlTokenKind = 'keyword' | 'identifier' | 'string' | 'comment' | 'number' | 'other';

export interface SqlToken {
  start: number;
  end: number;
  kind: SqlTokenKind;
  /** Upper-cased text of keywords, the text itself otherwise. */
  text: string;
}

export interface SqlFacts {
  /** The first syntax error, as PostgreSQL reports it. */
  error?: EmbeddedProblem;
  /** Lexical tokens (when the text could be scanned). */
  tokens: SqlToken[];
  /** Whether the last statement has a LIMIT (or FETCH FIRST) clause of its own. */
  lastHasLimit: boolean;
}

export interface SqlParser {
  parse(source: string): SqlFacts;
}

interface PgQuery {
  loadModule(): Promise<void>;
  parseSync(sql: string): { stmts?: { stmt: Record<string, Record<string, unknown>> }[] };
  scanSync(sql: string): { tokens: { start: number; end: number; text: string; tokenName: string; keywordKind: number }[] };
}

export interface SinasParameter {
  name: string;
  /** Offset of the `:`. */
  index: number;
  length: number;
}

/** `:name` as Sinas finds it (`(?<!:):([a-zA-Z_][a-zA-Z0-9_]*)` over the raw text, strings and comments included). */
export function sinasParameters(sql: string): SinasParameter[] {
  const out: SinasParameter[] = [];
  for (const m of sql.matchAll(/(?<!:):([a-zA-Z_][a-zA-Z0-9_]*)/g)) out.push({ name: m[1], index: m.index ?? 0, length: m[0].length });
  return out;
}

export async function createSqlParser(): Promise<SqlParser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require('libpg-query') as PgQuery;
  await pg.loadModule();
  return { parse: (source) => parse(pg, source) };
}

function parse(pg: PgQuery, source: string): SqlFacts {
  const facts: SqlFacts = { tokens: [], lastHasLimit: false };
  // Bounded work: PostgreSQL's parser slows down and then gives up on extreme nesting.
  if (source.trim() === '' || bracketDepth(source) > MAX_DEPTH) return facts;
  const positional = withPositionalParameters(source);
  const units = byteToUnit(positional);
  try {
    facts.tokens = pg.scanSync(positional).tokens.map((t) => ({
      start: units(t.start),
      end: units(t.end),
      kind: tokenKind(t.tokenName, t.keywordKind),
      text: t.keywordKind > 0 ? t.text.toUpperCase() : t.text,
    }));
  } catch {
    // The parser below reports what the scanner could not read.
  }
  try {
    const stmts = pg.parseSync(positional).stmts ?? [];
    const last = stmts[stmts.length - 1]?.stmt;
    facts.lastHasLimit = !!last && hasLimit(last);
  } catch (error) {
    const details = (error as { sqlDetails?: { message: string; cursorPosition: number } }).sqlDetails;
    const message = details?.message ?? (error instanceof Error ? error.message : String(error));
    const start = details ? codePointToUnit(positional, details.cursorPosition) : 0;
    facts.error = { start, end: start + tokenLength(positional, start), message, reachesEnd: /unterminated/.test(message) };
  }
  return facts;
}

const MAX_DEPTH = 1000;

function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = text.indexOf('('); i !== -1 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) max = Math.max(max, ++depth);
    else if (c === 41) depth--;
  }
  return max;
}

/** `:name` → `$n` padded to the same length, as Sinas rewrites it (the same name gets the same number). */
function withPositionalParameters(source: string): string {
  const numbers = new Map<string, number>();
  return source.replace(/(?<!:):([a-zA-Z_][a-zA-Z0-9_]*)/g, (match, name: string) => {
    if (!numbers.has(name)) numbers.set(name, numbers.size + 1);
    return `$${numbers.get(name)}`.padEnd(match.length, ' ');
  });
}

function hasLimit(stmt: Record<string, Record<string, unknown>>): boolean {
  const select = stmt.SelectStmt;
  if (!select) return false;
  return select.limitCount !== undefined || (typeof select.limitOption === 'string' && select.limitOption !== 'LIMIT_OPTION_DEFAULT');
}

function tokenKind(name: string, keywordKind: number): SqlTokenKind {
  if (name.endsWith('_COMMENT')) return 'comment';
  if (name === 'SCONST' || name === 'USCONST' || name === 'BCONST' || name === 'XCONST') return 'string';
  if (name === 'ICONST' || name === 'FCONST') return 'number';
  if (name === 'IDENT' || name === 'UIDENT') return 'identifier';
  return keywordKind > 0 ? 'keyword' : 'other';
}

/** Maps UTF-8 byte offsets (the scanner's) to UTF-16 offsets. */
function byteToUnit(text: string): (byte: number) => number {
  if (/^[\x00-\x7f]*$/.test(text)) return (byte) => byte;
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let b = 0; b < bytes; b++) units.push(i);
    if (code >= 0x10000) i++;
  }
  return (byte) => (byte >= units.length ? text.length : units[byte]);
}

function codePointToUnit(text: string, codePoints: number): number {
  let unit = 0;
  for (let n = 0; n < codePoints && unit < text.length; n++) unit += (text.codePointAt(unit) ?? 0) >= 0x10000 ? 2 : 1;
  return unit;
}

/** Length of the word (or single character) at an error position. */
function tokenLength(text: string, at: number): number {
  const word = /^[\w$]+/.exec(text.slice(at, at + 200));
  return word ? word[0].length : at < text.length ? 1 : 0;
}
