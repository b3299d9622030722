import { writeHeapSnapshot } from 'node:v8';
import { readFileSync } from 'node:fs';
import { analyze } from '../server/src/core/analyze';
import { DocumentParser } from '../server/src/core/parse/parse-document';
import { generatePackage } from '../test/support/generate-package';
const keep: unknown[] = [];
const parser = new DocumentParser();
const text = generatePackage(10000);
keep.push(parser, analyze(text, { parser }));
(globalThis as any).gc?.();
const file = writeHeapSnapshot('/tmp/sprof/h.heapsnapshot');
const snap = JSON.parse(readFileSync(file, 'utf8'));
const f = snap.snapshot.meta.node_fields; const types = snap.snapshot.meta.node_types[0];
const N = f.length; const nodes = snap.nodes; const strings = snap.strings;
const by = new Map<string, [number, number]>();
for (let i = 0; i < nodes.length; i += N) {
  const type = types[nodes[i + f.indexOf('type')]]; const name = strings[nodes[i + f.indexOf('name')]]; const size = nodes[i + f.indexOf('self_size')];
  const key = type === 'object' || type === 'closure' ? `${type}:${name}` : type;
  const v = by.get(key) ?? [0, 0]; v[0] += size; v[1]++; by.set(key, v);
}
let total = 0; for (const [, [s]] of by) total += s;
console.log('total MB', (total / 1e6).toFixed(1));
for (const [k, [s, n]] of [...by].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25)) console.log((s / 1e6).toFixed(2).padStart(7), 'MB', String(n).padStart(8), k);
