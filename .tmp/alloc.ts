import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { analyze } from '../server/src/core/analyze';
import { DocumentParser } from '../server/src/core/parse/parse-document';
import { generatePackage } from '../test/support/generate-package';
const n = Number(process.argv[2] ?? 100000);
const base = generatePackage(n);
const p = new DocumentParser();
analyze(base, {parser: p});
const m = 'Fetches item 10';
const at = base.indexOf(m) + m.length;
const s = new Session(); s.connect();
const post = (method: string, params?: object) => new Promise<any>((res, rej) => s.post(method, params ?? {}, (e, r) => e ? rej(e) : res(r)));
(async () => {
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const N = 200;
  for (let i = 0; i < N; i++) {
    const ins = i % 2 === 0;
    p.noteChange(at, ins ? at : at + 1, ins ? 'x' : '');
    analyze({ length: base.length + (ins ? 1 : 0), read: () => { throw new Error('read'); } }, {parser: p});
  }
  const { profile } = await post('HeapProfiler.stopSampling');
  const self = new Map<string, number>();
  const walk = (node: any) => { const k = `${node.callFrame.functionName} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + node.selfSize); for (const c of node.children) walk(c); };
  walk(profile.head);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log('allocated per edit KB', (total / N / 1024).toFixed(0));
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / N / 1024).toFixed(1).padStart(8), 'KB', k);
})();
