/**
 * Both servers as real LSP processes over stdio: resident memory after `initialize` and after
 * opening the document, and the time from `didOpen` to the first diagnostics.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../support/lsp-client';

const YLS_SERVER = join(__dirname, '../../node_modules/yaml-language-server/bin/yaml-language-server');
const SCHEMA = join(__dirname, '../../schemas/sinas-package.schema.json');

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

interface ProcessNumbers {
  rssAfterInitializeMb: number;
  rssAfterOpenMb: number;
  firstDiagnosticsMs: number;
}

async function measure(client: TestLspClient, text: string, uri: string): Promise<ProcessNumbers> {
  const rssAfterInitializeMb = rssMb(client.process.pid);
  const started = performance.now();
  client.open(uri, text);
  await client.waitForDiagnostics(uri, () => true, 30_000);
  const firstDiagnosticsMs = performance.now() - started;
  const rssAfterOpenMb = rssMb(client.process.pid);
  await client.stop();
  return { rssAfterInitializeMb, rssAfterOpenMb, firstDiagnosticsMs };
}

export async function measureProcesses(text: string): Promise<{ data: Record<string, ProcessNumbers>; markdown: string }> {
  // A trivial undeclared variable guarantees both servers publish something for the document.
  const doc = text + '# end\n';
  const ours = await measure(await TestLspClient.start('stdio'), doc, 'file:///bench/ours/package.yaml');
  const yls = await TestLspClient.start('stdio', undefined, YLS_SERVER);
  await yls.connection.sendNotification('workspace/didChangeConfiguration', {
    settings: { yaml: { validate: true, hover: true, completion: true, schemas: { [pathToFileURL(SCHEMA).href]: '*.yaml' } } },
  });
  const theirs = await measure(yls, doc, 'file:///bench/yls/package.yaml');
  const fmt = (n: number) => n.toFixed(0);
  const markdown =
    '| | Sinas | Red Hat YAML |\n|---|---|---|\n' +
    `| RSS after initialize (MB) | ${fmt(ours.rssAfterInitializeMb)} | ${fmt(theirs.rssAfterInitializeMb)} |\n` +
    `| RSS after opening the document (MB) | ${fmt(ours.rssAfterOpenMb)} | ${fmt(theirs.rssAfterOpenMb)} |\n` +
    `| didOpen → first diagnostics (ms) | ${fmt(ours.firstDiagnosticsMs)} | ${fmt(theirs.firstDiagnosticsMs)} |\n`;
  return { data: { sinas: ours, yamlLanguageServer: theirs }, markdown };
}
