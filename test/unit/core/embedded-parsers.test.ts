/**
 * The embedded-language parsers against the real thing: source verdicts recorded from CPython 3.11
 * (what the executor runs) and from Jinja2 3.1 configured as Sinas configures it
 * (test/fixtures/embedded/*-verdicts.json). No false error is allowed; the known misses are
 * counted so a regression shows. PostgreSQL is libpg-query, the server's own parser.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { embeddedParser } from '../../../server/src/core/embedded/parsers';

interface Verdict {
  source: string;
  valid: boolean;
}

const verdicts = (name: string): Verdict[] => JSON.parse(readFileSync(join(__dirname, '../../fixtures/embedded', name), 'utf8')).cases;

describe('embedded-language parsers against the reference implementations', () => {
  it('Python: no false error on anything CPython 3.11 compiles; most of what it rejects is caught', () => {
    const python = embeddedParser('python')!;
    const cases = verdicts('python-verdicts.json');
    const falseErrors = cases.filter((c) => c.valid && python.parse(c.source).errors.length > 0).map((c) => c.source);
    assert.deepEqual(falseErrors, []);
    const caught = cases.filter((c) => !c.valid && python.parse(c.source).errors.length > 0).length;
    // The misses are compile-stage checks (return/yield/await outside a function, assignment targets, …).
    assert.ok(caught >= 61, `caught ${caught} of ${cases.filter((c) => !c.valid).length}`);
  });

  it('Jinja2: agrees with Jinja2 3.1 except `{% do %}` (an extension there)', () => {
    const jinja = embeddedParser('jinja')!;
    const disagreements = verdicts('jinja-verdicts.json')
      .filter((c) => (jinja.parse(c.source) === undefined) !== c.valid)
      .map((c) => c.source);
    assert.deepEqual(disagreements, ['{% do x.append(1) %}']);
  });

  it('PostgreSQL: the server grammar, with Sinas\'s :name parameters', () => {
    const sql = embeddedParser('sql')!;
    for (const valid of [
      'SELECT id FROM t WHERE a = :a AND b::text = :b',
      "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v",
      'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM t',
      "SELECT $$dollar ' quoted$$, E'\\n'",
    ]) assert.equal(sql.parse(valid).error, undefined, valid);
    const error = sql.parse("SELECT 'é' FRO t").error;
    assert.ok(error);
    assert.equal(error.start, "SELECT 'é' FRO ".length, 'code-point positions become UTF-16 offsets');
    assert.deepEqual(sql.parse('SELECT 1 -- c').tokens.map((t) => t.kind), ['keyword', 'number', 'comment']);
  });
  it('takes hostile nesting without throwing: Python reports it, PostgreSQL and JSON Schema stay silent', () => {
    const n = 5000;
    const python = embeddedParser('python')!.parse(`x = ${'('.repeat(n)}1${')'.repeat(n)}\n`);
    assert.match(python.errors[0]?.message ?? '', /nested too deeply/);
    assert.equal(embeddedParser('sql')!.parse(`SELECT ${'('.repeat(n)}1${')'.repeat(n)}`).error, undefined);
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < n; i++) deep = (deep.items = {}) as Record<string, unknown>;
    assert.deepEqual(embeddedParser('jsonSchema')!.check(root), []);
    assert.match(embeddedParser('jinja')!.parse(`{{ ${'('.repeat(n)}1${')'.repeat(n)} }}`)?.message ?? '', /recursion/);
  });
});
