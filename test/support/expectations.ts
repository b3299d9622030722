/**
 * Inline expectations in YAML fixtures:
 *   - a trailing `# expect: <code>[, <code>…]` on a line: a finding with that code starts on the line;
 *   - a caret line `#   ^^^^ <code>` under a line: a finding with that code covers exactly those columns.
 * A code may carry the severity it must have: `variable-type-mismatch=error`.
 * The comparison is exact both ways, so a finding nobody expected fails the test too.
 * Fixtures analysed with an instance snapshot (`# instance: <name>` on their first line) also say
 * what is found without it, with `# offline: <code>` (after any `# expect:` on the same line).
 */
import { CODES } from '../../server/src/core/diagnostics/codes';
import type { Finding } from '../../server/src/core/diagnostics/finding';
import { LineIndex } from '../../server/src/core/text/line-index';

export interface Expectation {
  code: string;
  /** The severity the finding must have, when the fixture says (`code=error`). */
  severity?: string;
  line: number;
  /** Pinned columns [start, end) when given by a caret line. */
  columns?: [number, number];
}

/** The trailing marker `# <keyword>: code, code`, possibly followed by another marker. */
const marker = (keyword: string) => new RegExp(`#\\s*${keyword}:\\s*([\\w=-]+(?:\\s*,\\s*[\\w=-]+)*)\\s*(?=#|$)`);
const EXPECT = marker('expect');
const CARET = /^(\s*)#(\s*)(\^+)\s+([\w=-]+(?:\s*,\s*[\w=-]+)*)\s*$/;

function expectation(item: string, line: number, columns?: [number, number]): Expectation {
  const [code, severity] = item.trim().split('=');
  return { code, line, ...(severity ? { severity } : {}), ...(columns ? { columns } : {}) };
}

/** `keyword` `offline` reads the no-snapshot expectations of an instance fixture (caret lines belong to `expect`). */
export function readExpectations(text: string, keyword: 'expect' | 'offline' = 'expect'): Expectation[] {
  const pattern = keyword === 'expect' ? EXPECT : marker(keyword);
  const lines = text.split('\n');
  const out: Expectation[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const caret = CARET.exec(line);
    if (caret && keyword !== 'expect') return;
    if (caret) {
      const start = line.indexOf('^');
      for (const item of caret[4].split(',')) out.push(expectation(item, target, [start, start + caret[3].length]));
      return;
    }
    target = index;
    const expect = pattern.exec(line);
    if (expect) for (const item of expect[1].split(',')) out.push(expectation(item, index));
  });
  return out;
}

/** Differences between findings and expectations, as readable lines (empty when they agree). */
export function compareFindings(text: string, findings: readonly Finding[], expectations: readonly Expectation[] = readExpectations(text)): string[] {
  const lines = new LineIndex(text);
  const remaining = [...expectations];
  const problems: string[] = [];
  for (const f of findings) {
    const severity = f.severity ?? CODES[f.code].severity;
    const start = lines.positionAt(f.span.start);
    const end = lines.positionAt(f.span.end);
    const i = remaining.findIndex(
      (e) =>
        e.code === f.code &&
        e.line === start.line &&
        (!e.severity || e.severity === severity) &&
        (!e.columns || (e.columns[0] === start.character && e.columns[1] === end.character && end.line === start.line)),
    );
    if (i >= 0) remaining.splice(i, 1);
    else problems.push(`unexpected ${f.code}=${severity} at ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}: ${f.message}`);
  }
  for (const e of remaining) problems.push(`missing ${e.code}${e.severity ? `=${e.severity}` : ''} on line ${e.line + 1}${e.columns ? ` columns ${e.columns[0] + 1}-${e.columns[1]}` : ''}`);
  return problems;
}
