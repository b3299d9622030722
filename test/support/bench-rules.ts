/**
 * Dev tool: CPU time of analyze() after a one-character edit of a generated package, and what the
 * rules add (`npx tsx test/support/bench-rules.ts [lines] [--no-rules]`). Median of many edits.
 */
import { DOCUMENT_RULES, HEADER_RULES, ITEM_RULES, SCOPED_RULES } from '../../server/src/core/rules';
import { timeEdits } from '../bench/edit-timings';
import { median } from '../bench/measure';
import { generatePackage } from './generate-package';

const lines = Number(process.argv[2] ?? 10_000);
// `--no-rules`: the same run without any rule, as the baseline the rules add to.
if (process.argv.includes('--no-rules')) {
  for (const rules of [HEADER_RULES, DOCUMENT_RULES, SCOPED_RULES, ITEM_RULES]) (rules as unknown[]).length = 0;
}
const base = generatePackage(lines);
const { analyze: total, last: a } = timeEdits(base, 200);
console.log(
  `${base.split('\n').length} lines, ${a.model.resources.length} resources, ${a.references.references.length} references, ${a.findings.length} findings\n` +
    `analyze after a one-character edit (CPU): median ${median(total).toFixed(2)} ms, min ${Math.min(...total).toFixed(2)} ms, max ${Math.max(...total).toFixed(2)} ms`,
);
