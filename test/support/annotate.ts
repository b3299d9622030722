/**
 * Dev tool: prints a fixture with a caret line under each finding (`npx tsx test/support/annotate.ts f.yaml`).
 * Review the output before pasting it into a fixture — it shows what the code does, not what it should do.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/core/analyze';

const CARET_OR_EXPECT = /^\s*#\s*\^+\s+[\w-]+\s*$/;
for (const file of process.argv.slice(2)) {
  const original = readFileSync(file, 'utf8');
  const text = original
    .split('\n')
    .filter((l) => !CARET_OR_EXPECT.test(l))
    .join('\n');
  const analysis = analyze(text);
  const carets = new Map<number, string[]>();
  const trailing = new Map<number, string[]>();
  for (const f of analysis.findings) {
    const s = analysis.lines.positionAt(f.span.start);
    const e = analysis.lines.positionAt(f.span.end);
    const add = (map: Map<number, string[]>, value: string) => map.set(s.line, [...(map.get(s.line) ?? []), value]);
    // A caret line needs a `#` before the first caret, so column 0 gets a trailing `# expect:`.
    if (s.character === 0 || e.line !== s.line) add(trailing, f.code);
    else add(carets, `${' '.repeat(s.character - 1)}#${'^'.repeat(Math.max(1, e.character - s.character))} ${f.code}`);
  }
  text.split('\n').forEach((line, i) => {
    const codes = trailing.get(i);
    console.log(codes ? `${line} # expect: ${codes.join(', ')}` : line);
    for (const c of carets.get(i) ?? []) console.log(c);
  });
}
