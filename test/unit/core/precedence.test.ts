/** One problem, one finding (diagnostics/precedence.ts): the same answer as the plain definition, in near-linear time. */
import assert from 'node:assert/strict';
import type { DiagnosticCode } from '../../../server/src/core/diagnostics/codes';
import type { Finding } from '../../../server/src/core/diagnostics/finding';
import { applyPrecedence, SUPERSEDES } from '../../../server/src/core/diagnostics/precedence';

const nested = (a: Finding, b: Finding) =>
  (a.span.start <= b.span.start && b.span.end <= a.span.end) || (b.span.start <= a.span.start && a.span.end <= b.span.end);

/** The definition, pair by pair. */
function plain(findings: Finding[]): Finding[] {
  return findings.filter((f) => !findings.some((w) => w !== f && SUPERSEDES[w.code]?.includes(f.code) && nested(w, f)));
}

const finding = (code: DiagnosticCode, start: number, end: number): Finding => ({ code, message: code, span: { start, end } });

describe('finding precedence', () => {
  it('drops exactly what the pairwise definition drops (seeded random spans)', () => {
    let state = 42;
    const next = (n: number) => ((state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) % n);
    const codes: DiagnosticCode[] = ['uninterpolated-variable', 'name-format', 'webhook-path-format', 'value-too-long', 'invalid-timezone', 'unquoted-cron', 'yaml-syntax', 'invalid-type', 'duplicate-key'];
    for (let round = 0; round < 300; round++) {
      const findings = Array.from({ length: 1 + next(30) }, () => {
        const start = next(60);
        return finding(codes[next(codes.length)], start, start + next(15));
      });
      assert.deepEqual(applyPrecedence(findings), plain(findings), `round ${round}`);
    }
  });

  it('handles 100,000 winners and 100,000 candidates without pairwise work', () => {
    const findings: Finding[] = [];
    for (let i = 0; i < 100_000; i++) {
      findings.push(finding('uninterpolated-variable', i * 10, i * 10 + 5), finding('name-format', i * 10 + 1, i * 10 + 4), finding('webhook-path-format', i * 10 + 6, i * 10 + 8));
    }
    const started = performance.now();
    const kept = applyPrecedence(findings);
    assert.equal(kept.length, 200_000, 'each name-format inside a winner goes, each path finding outside stays');
    assert.ok(performance.now() - started < 10_000, 'once 10^10 comparisons');
  });
});
