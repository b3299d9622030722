import { generatePackage } from '../test/support/generate-package';
import { benchDocument, cpuMs, rssMb, YLS_SERVER } from '../test/bench/protocol';
import { SERVER, TestLspClient } from '../test/support/lsp-client';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { median } from '../test/bench/measure';
const SCHEMA = join(__dirname, '../schemas/sinas-package.schema.json');
async function cold(name: string, text: string) {
  const t0 = performance.now();
  let c: TestLspClient;
  if (name === 'sinas') c = await TestLspClient.start('stdio', undefined, process.env.SERVER_JS ?? SERVER, { sinas: { validation: { delayMs: 0 } } });
  else { const yaml = { validate: true, schemas: { [pathToFileURL(SCHEMA).href]: '*.yaml' } }; c = await TestLspClient.start('stdio', undefined, YLS_SERVER, { yaml }); await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml } }); }
  const pid = c.process.pid!;
  const init = cpuMs(pid);
  c.open('file:///b/p.yaml', text);
  await c.waitForDiagnostics('file:///b/p.yaml', (p) => p.diagnostics.some((d) => d.message.includes('bogusRootKey')), 120000);
  const r = { wall: performance.now() - t0, cpu: cpuMs(pid), init, rss: rssMb(pid) };
  await c.stop();
  return r;
}
(async () => {
  for (const n of process.argv[2].split(',').map(Number)) {
    const text = benchDocument(generatePackage(n));
    for (const name of process.argv[3].split(',')) {
      const rs = [];
      for (let i = 0; i < Number(process.argv[4] ?? 3); i++) rs.push(await cold(name, text));
      console.log(n, name, 'cpu', median(rs.map(r => r.cpu)).toFixed(0), 'init', median(rs.map(r => r.init)).toFixed(0), 'wall', median(rs.map(r => r.wall)).toFixed(0), 'rss', median(rs.map(r => r.rss)).toFixed(0));
    }
  }
})();
