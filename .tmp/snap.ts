import { TestLspClient } from '../test/support/lsp-client';
import { generatePackage } from '../test/support/generate-package';
import { readFileSync, existsSync, unlinkSync } from 'node:fs';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
(async () => {
  if (existsSync('/tmp/sprof/server.heapsnapshot')) unlinkSync('/tmp/sprof/server.heapsnapshot');
  const c = await TestLspClient.start('stdio', undefined, '/work/wt/speed/.tmp/mem-wrap.js', { sinas: { validation: { delayMs: 0 } } });
  const uri = 'file:///x/p.yaml';
  c.open(uri, generatePackage(Number(process.argv[2] ?? 10000)));
  await c.waitForDiagnostics(uri, () => true, 120000);
  process.kill(c.process.pid!, 'SIGWINCH');
  while (!existsSync('/tmp/sprof/server.heapsnapshot')) await sleep(200);
  await sleep(3000);
  await c.stop();
  const snap = JSON.parse(readFileSync('/tmp/sprof/server.heapsnapshot', 'utf8'));
  const f = snap.snapshot.meta.node_fields; const types = snap.snapshot.meta.node_types[0];
  const N = f.length; const nodes = snap.nodes; const strings = snap.strings;
  const by = new Map<string, [number, number]>();
  for (let i = 0; i < nodes.length; i += N) {
    const type = types[nodes[i + f.indexOf('type')]]; const name = strings[nodes[i + f.indexOf('name')]]; const size = nodes[i + f.indexOf('self_size')];
    const key = type === 'object' || type === 'closure' || type === 'code' ? `${type}:${name.slice(0, 40)}` : type;
    const v = by.get(key) ?? [0, 0]; v[0] += size; v[1]++; by.set(key, v);
  }
  let total = 0; for (const [, [s]] of by) total += s;
  console.log('total MB', (total / 1e6).toFixed(1));
  for (const [k, [s, n]] of [...by].sort((a, b) => b[1][0] - a[1][0]).slice(0, 30)) console.log((s / 1e6).toFixed(2).padStart(7), 'MB', String(n).padStart(8), k);
})();
