/**
 * `npm run bench`: our language server side by side with yaml-language-server (Red Hat, given the
 * same documents and our schema), both as real LSP processes over stdio at 500 to 100,000 lines:
 * cold and warm first open, one-character edits sent as incremental and as full-text changes,
 * completion, resident memory; the same edits to a server that analyses nothing (floor-server.cjs:
 * what the protocol alone costs); the fitted cost per 1,000 lines of an edit; our memory once started
 * and over 1,000 edits; the language core in-process (edit, completion, code-heavy packages); one CLI `validate`
 * run over 1,000 files on one and on two threads; and the extension's activation. Writes
 * test-results/bench/results.{json,md} and, after a run with the default sizes, the README's Speed
 * table. A benchmark, not a test: nothing here fails.
 * Options: --sizes 500,2000 --runs 3 --memory-edits 100 --cli-files 50 --no-peer --no-readme
 * (shorter runs never touch the README).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { loadEmbeddedParsers } from '../../server/src/core/embedded/parsers';
import { getCompletions } from '../../server/src/features/completion';
import { generatePackage } from '../support/generate-package';
import { benchActivation, type ActivationFigures } from './activation';
import { benchCli, type CliFigures } from './cli';
import { timeEdits } from './edit-timings';
import { benchInstance } from './instance';
import { benchEmbedded, type EmbeddedRow } from './embedded';
import { median, timeRuns } from './measure';
import { bareNodeMb, measureFloor, measureMemory, measureProtocol, type FloorFigures, type MemoryFigures, type ProtocolFigures, type ServerName } from './protocol';
import { writeReadmeTable } from './readme';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const DEFAULT_SIZES = '500,2000,10000,30000,100000';
const SIZES = option('sizes', DEFAULT_SIZES).split(',').map(Number);
const RUNS = Number(option('runs', '5'));
const PEER = !args.includes('--no-peer');
const MEMORY_EDITS = Number(option('memory-edits', '1000'));
const CLI_FILES = Number(option('cli-files', '1000'));
const FULL_RUN = SIZES.join(',') === DEFAULT_SIZES && RUNS >= 5 && PEER && MEMORY_EDITS >= 1000 && CLI_FILES >= 1000;
const OUT = join(__dirname, '../../test-results/bench');

interface SizeRow {
  lines: number;
  protocol: Partial<Record<ServerName, ProtocolFigures>>;
  /** The same edits to a server that analyses nothing: the protocol's own cost. */
  floor?: FloorFigures;
  /** In-process, CPU ms: analyze after a one-character edit; completion on an analysed document. */
  core: { edit: number; completion: number };
}

interface Results {
  node: string;
  runs: number;
  rows: SizeRow[];
  slopes: Partial<Record<ServerName, { incremental: number; fullText: number }>>;
  memory?: { lines: number; edits: number; bareNodeMb: number } & MemoryFigures;
  cli?: CliFigures;
  activation?: ActivationFigures;
  embedded: EmbeddedRow[];
  instance?: { rows: unknown[]; setup: Record<string, number> };
}

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : NaN;
}

async function coreFigures(text: string, runs: number): Promise<SizeRow['core']> {
  const edit = median(timeEdits(text, runs * 3).analyze);
  const withLine = text.replace(/\n$/, '\n      \n');
  const analysis = analyze(withLine);
  const at = { line: withLine.split('\n').length - 2, character: 6 };
  const completion = await timeRuns(runs * 3, () => getCompletions(analysis, at));
  return { edit, completion };
}

// A slope that rounds to zero is written 0.0, never -0.0.
const fmt = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : Math.abs(v) < 0.05 ? '0.0' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const pair = (ours: number | undefined, peer: number | undefined) => (PEER ? `${fmt(ours)} / ${fmt(peer)}` : fmt(ours));

function markdown(r: Results): string {
  const rows = r.rows;
  const head = `| ${PEER ? 'ours / yaml-language-server' : 'ours'} | ${rows.map((x) => `${x.lines.toLocaleString('en')} lines`).join(' | ')} |\n|---|${rows.map(() => '---').join('|')}|\n`;
  const line = (label: string, value: (f: ProtocolFigures) => number) => `| ${label} | ${rows.map((x) => pair(x.protocol.sinas && value(x.protocol.sinas), x.protocol.yls && value(x.protocol.yls))).join(' | ')} |\n`;
  let out = head;
  out += line('edit → diagnostics, incremental change (protocol, ms)', (f) => f.incrementalEdit.wall);
  out += line('edit → diagnostics, incremental change in the package header (protocol, ms)', (f) => f.headerEdit.wall);
  out += line('edit → diagnostics, incremental change in a function\'s name (protocol, ms)', (f) => f.nameEdit.wall);
  out += line('edit → diagnostics, typing a new key in the last item (no colon yet: protocol, ms)', (f) => f.newKeyEdit.wall);
  out += line('edit → diagnostics, full-text change (protocol, ms)', (f) => f.fullTextEdit.wall);
  out += `| of which the editor writing the full-text message (JSON and UTF-8, in the bench's client, ms) | ${rows.map((x) => fmt(x.protocol.sinas?.fullTextEncodeMs)).join(' | ')} |\n`;
  const floor = (label: string, value: (f: FloorFigures) => number) => `| ${label} | ${rows.map((x) => fmt(x.floor && value(x.floor))).join(' | ')} |\n`;
  out += floor('edit → diagnostics, the protocol alone (a server that analyses nothing), incremental change (ms)', (f) => f.incrementalEdit.wall);
  out += floor('edit → diagnostics, the protocol alone, full-text change (ms)', (f) => f.fullTextEdit.wall);
  out += line('server on-CPU per edit, incremental change (protocol, ms)', (f) => f.incrementalEdit.cpu);
  out += line('server on-CPU per edit, incremental change in the package header (protocol, ms)', (f) => f.headerEdit.cpu);
  out += line('server on-CPU per edit, incremental change in a function\'s name (protocol, ms)', (f) => f.nameEdit.cpu);
  out += line('server on-CPU per edit, typing a new key in the last item (protocol, ms)', (f) => f.newKeyEdit.cpu);
  out += line('server on-CPU per edit, full-text change (protocol, ms)', (f) => f.fullTextEdit.cpu);
  out += floor('server on-CPU per edit, the protocol alone, incremental change (ms)', (f) => f.incrementalEdit.cpu);
  out += floor('server on-CPU per edit, the protocol alone, full-text change (ms)', (f) => f.fullTextEdit.cpu);
  out += line('completion, new key at the end (protocol, ms)', (f) => f.completion.wall);
  out += line('completion, the same while the key is typed (`descr`, no colon yet: protocol, ms)', (f) => f.typingCompletion.wall);
  out += line('cold first open, fresh process → diagnostics (protocol, ms)', (f) => f.coldOpen.wall);
  out += line('cold first open, on-CPU (protocol, ms)', (f) => f.coldOpen.cpu);
  out += line('warm first open, second document (protocol, ms)', (f) => f.warmOpen.wall);
  out += line('resident memory with the document open (MB)', (f) => f.rssAfterOpenMb);
  out += `| analyze after a one-character edit (in-process, CPU ms, ours) | ${rows.map((x) => fmt(x.core.edit)).join(' | ')} |\n`;
  out += `| completion (in-process, ms, ours) | ${rows.map((x) => fmt(x.core.completion)).join(' | ')} |\n`;
  const s = (name: ServerName) => r.slopes[name];
  out += `\nEdit → diagnostics grows by ${fmt(s('sinas')?.incremental)} ms per 1,000 lines (incremental) and ${fmt(s('sinas')?.fullText)} ms (full text) for us`;
  out += PEER ? `, ${fmt(s('yls')?.incremental)} and ${fmt(s('yls')?.fullText)} ms for yaml-language-server (least-squares fit over the sizes above).` : ' (least-squares fit).';
  if (r.memory) {
    const m = r.memory;
    out += ` Our server holds ${fmt(m.startedMb)} MB resident once started, ${fmt(m.afterOpenMb)} MB with a ${m.lines.toLocaleString('en')}-line package open (with the embedded-language parsers it needs loaded: Python and JSON Schema; its prompts have no Jinja2 tag), ${fmt(m.afterEditsMb)} MB right after ${m.edits.toLocaleString('en')} edits to it and ${fmt(m.atRestMb)} MB two seconds later (it collects during sustained editing once its heap has grown well past what was live, and when idle);`;
    out += ` of the last three, ${fmt(m.afterOpenPrivateMb)}, ${fmt(m.afterEditsPrivateMb)} and ${fmt(m.atRestPrivateMb)} MB are its own pages, the rest is Node's executable and libraries, shared by every Node process (a Node ${r.node} process that loads nothing holds ${fmt(m.bareNodeMb)} MB).`;
  }
  if (r.cli) {
    const runs = r.cli.runs.map((c) => `${(c.wallMs / 1000).toFixed(1)} s (${(c.cpuMs / 1000).toFixed(1)} s CPU), ${fmt(c.peakRssMb)} MB peak with \`--jobs ${c.jobs}\``);
    out += ` \`sinas-package validate\` on ${r.cli.files.toLocaleString('en')} files of ${r.cli.linesPerFile} lines: ${runs.join('; ')}.`;
  }
  if (r.activation) {
    const a = r.activation;
    out += `\n\nExtension activation (production build, measured with a stubbed VS Code API, not a real one: \`require\` of dist/extension.js and \`activate()\`, median of ${a.runs} fresh Node processes): ${fmt(a.ms)} ms (${fmt(a.cpuMs)} ms CPU), ${Math.round(a.bytes / 1000)} kB of JavaScript evaluated (${a.files.join(', ')}).`;
  }
  out += `\n\n<sub>Median of ${r.runs} runs (cold and warm opens; 3 from 30,000 lines), ${r.runs * 4 + 1} of ours and ${r.runs * 2 + 1} of the peer's (edits, completion; ${r.runs} of the peer's from 30,000 lines); Node ${r.node}; yaml-language-server's fixed 200 ms validation delay subtracted, ours at \`delayMs: 0\`.</sub>\n`;
  return out;
}

function embeddedMarkdown(rows: EmbeddedRow[]): string {
  return (
    `| code-heavy package (in-process, ms) | ${rows.map((r) => `${r.lines} lines`).join(' | ')} |\n|---|${rows.map(() => '---').join('|')}|\n` +
    `| validate, first call | ${rows.map((r) => fmt(r.validateFirst)).join(' | ')} |\n` +
    `| after a one-character edit in Python code | ${rows.map((r) => fmt(r.editPython)).join(' | ')} |\n` +
    `| after a one-character edit in SQL | ${rows.map((r) => fmt(r.editSql)).join(' | ')} |\n`
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const log = (message: string) => process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${message}\n`);
  // The editor loads these on first need; measured here in their steady state.
  await loadEmbeddedParsers();
  const results: Results = { node: process.version, runs: RUNS, rows: [], slopes: {}, embedded: [] };
  await coreFigures(generatePackage(500), 2); // JIT warm-up
  for (const size of SIZES) {
    const text = generatePackage(size);
    const row: SizeRow = { lines: text.split('\n').length, protocol: {}, core: await coreFigures(text, RUNS) };
    for (const name of PEER ? (['sinas', 'yls'] as const) : (['sinas'] as const)) {
      log(`${name}, ${size} lines…`);
      row.protocol[name] = await measureProtocol(name, text, RUNS);
    }
    row.floor = await measureFloor(text, RUNS);
    results.rows.push(row);
  }
  for (const name of ['sinas', 'yls'] as const) {
    const measured = results.rows.filter((r) => r.protocol[name]);
    if (measured.length < 2) continue;
    const xs = measured.map((r) => r.lines / 1000);
    results.slopes[name] = {
      incremental: slope(xs, measured.map((r) => r.protocol[name]!.incrementalEdit.wall)),
      fullText: slope(xs, measured.map((r) => r.protocol[name]!.fullTextEdit.wall)),
    };
  }
  log(`memory over ${MEMORY_EDITS} edits at 10,000 lines…`);
  results.memory = { lines: 10_000, edits: MEMORY_EDITS, bareNodeMb: await bareNodeMb(), ...(await measureMemory(generatePackage(10_000), MEMORY_EDITS)) };
  log(`CLI, ${CLI_FILES} files of 300 lines…`);
  results.cli = benchCli(CLI_FILES, 300);
  log('extension activation…');
  results.activation = benchActivation(5);
  log('code-heavy packages in-process…');
  for (const size of SIZES.filter((s) => s >= 2000 && s <= 30_000)) results.embedded.push(await benchEmbedded(size, RUNS));
  const instanceSizes = SIZES.filter((s) => s >= 2000 && s <= 10000);
  let instance = { markdown: '' };
  if (instanceSizes.length) {
    log('with and without an instance snapshot in-process…');
    const measured = await benchInstance(instanceSizes, RUNS);
    results.instance = { rows: measured.rows, setup: measured.setup };
    instance = measured;
  }

  const table = markdown(results);
  const md = `## Speed (npm run bench)\n\n${table}\n## Code-heavy packages\n\n${embeddedMarkdown(results.embedded)}
${instance.markdown}`;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(OUT, 'results.md'), md);
  process.stdout.write(`\n${md}\n`);
  if (FULL_RUN && !args.includes('--no-readme')) log(writeReadmeTable(table) ? 'README.md Speed table updated.' : 'README.md has no bench markers; not updated.');
  log('done.');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
