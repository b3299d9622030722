/**
 * Dev tool: time of analyze() after a one-character edit of a generated package, and the share
 * taken by the rules (`npx tsx test/support/bench-rules.ts [lines] [--no-rules]`). Median of many edits.
 */
import { analyze } from '../../server/src/core/analyze';
import { DocumentParser } from '../../server/src/core/parse/parse-document';
import { DOCUMENT_RULES, ITEM_RULES } from '../../server/src/core/rules';
import type { DocumentContext } from '../../server/src/core/rules/rule';
import { generatePackage } from './generate-package';

const lines = Number(process.argv[2] ?? 10_000);
// `--no-rules`: the same run without any rule, as the baseline the rules add to.
if (process.argv.includes('--no-rules')) {
  (DOCUMENT_RULES as unknown[]).length = 0;
  (ITEM_RULES as unknown[]).length = 0;
}
const base = generatePackage(lines);
const parser = new DocumentParser();
analyze(base, { parser });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const total: number[] = [];
const documentRules: number[] = [];
let text = base;
for (let i = 0; i < 200; i++) {
  // Type one character inside a description in the middle of the file, like a user would.
  const at = text.indexOf('Fetches item ' + Math.floor((i * 37) % 200));
  text = text.slice(0, at) + (i % 2 ? 'x' : 'y') + text.slice(at);
  const started = performance.now();
  const analysis = analyze(text, { parser });
  total.push(performance.now() - started);
  const ctx: DocumentContext = { text, root: analysis.root, model: analysis.model, variables: analysis.variables, references: analysis.references, report: () => undefined };
  const t0 = performance.now();
  for (const rule of DOCUMENT_RULES) rule.check(ctx);
  documentRules.push(performance.now() - t0);
}
const a = analyze(text, { parser });
console.log(
  `${base.split('\n').length} lines, ${a.model.resources.length} resources, ${a.references.references.length} references, ${a.findings.length} findings\n` +
    `analyze after a one-character edit: median ${median(total).toFixed(2)} ms, min ${Math.min(...total).toFixed(2)} ms, max ${Math.max(...total).toFixed(2)} ms\n` +
    `  of which document rules: median ${median(documentRules).toFixed(2)} ms, min ${Math.min(...documentRules).toFixed(2)} ms`,
);
