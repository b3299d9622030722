import { analyze } from '../server/src/core/analyze';
import { DocumentParser } from '../server/src/core/parse/parse-document';
import { generatePackage } from '../test/support/generate-package';
const n = Number(process.argv[2] ?? 10000);
const base = generatePackage(n);
const p = new DocumentParser();
analyze(base, {parser: p});
const m = 'Fetches item 10';
const at = base.indexOf(m) + m.length;
const gc = (globalThis as any).gc;
for (let i = 0; i <= 3000; i++) {
  const ins = i % 2 === 0;
  p.noteChange(at, ins ? at : at + 1, ins ? 'x' : '');
  const len = base.length + (ins ? 1 : 0);
  analyze({ length: len, read: () => { throw new Error('read'); } }, {parser: p});
  if (i % 500 === 0) { gc(); console.log(i, (process.memoryUsage().heapUsed / 1e6).toFixed(1), 'MB heap'); }
}
