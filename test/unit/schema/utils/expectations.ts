/**
 * Inline expectations in YAML fixtures (style.md): `# expect: code[, code]` at the end of a line
 * (a finding of that code starts on the line), or a caret line `#   ^^^^ code` under a line
 * (exact columns). The comparison is exact: missing and extra findings both fail.
 */
import type { Finding } from '../../../../server/src/core/diagnostics/finding';
import { LineIndex } from '../../../../server/src/core/text/line-index';

export interface Expectation {
  code: string;
  line: number;
  startCol?: number;
  endCol?: number;
}

const CARET = /^\s*#(\s*)(\^+)\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;
const EXPECT = /#\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;

export function readExpectations(text: string): Expectation[] {
  const lines = text.split('\n');
  const out: Expectation[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const caret = CARET.exec(line);
    if (caret) {
      const startCol = line.indexOf('^');
      for (const code of caret[3].split(',')) out.push({ code: code.trim(), line: target, startCol, endCol: startCol + caret[2].length });
      return;
    }
    target = index;
    const expect = EXPECT.exec(line);
    if (expect) for (const code of expect[1].split(',')) out.push({ code: code.trim(), line: index });
  });
  return out;
}

export function describeFinding(f: Finding, index: LineIndex): string {
  const start = index.positionAt(f.span.start);
  const end = index.positionAt(f.span.end);
  return `${f.code} at ${start.line + 1}:${start.character}-${end.line + 1}:${end.character} (${f.message})`;
}

/** Mismatches between findings and expectations, as readable lines (empty when they agree). */
export function compareWithExpectations(text: string, findings: readonly Finding[]): string[] {
  const index = new LineIndex(text);
  const expected = readExpectations(text);
  const used = new Set<Expectation>();
  const problems: string[] = [];
  for (const f of findings) {
    const start = index.positionAt(f.span.start);
    const end = index.positionAt(f.span.end);
    const match = expected.find(
      (e) =>
        !used.has(e) &&
        e.code === f.code &&
        e.line === start.line &&
        (e.startCol === undefined || (e.startCol === start.character && end.line === start.line && e.endCol === end.character)),
    );
    if (match) used.add(match);
    else problems.push(`unexpected: ${describeFinding(f, index)}`);
  }
  for (const e of expected) {
    if (used.has(e)) continue;
    const cols = e.startCol === undefined ? '' : `:${e.startCol}-${e.endCol}`;
    problems.push(`missing: ${e.code} at line ${e.line + 1}${cols}`);
  }
  return problems;
}
