/**
 * `npm run bench`: the language core side by side with yaml-language-server (Red Hat), both given
 * the same SinasPackage documents and the same schema. In-process timings (median of N runs) for
 * validation (first and after a one-character edit), completion and hover, plus heap growth; then
 * both servers as real LSP processes: memory and the time to the first diagnostics.
 * Writes test-results/bench/results.{json,md}. A benchmark, not a test: nothing here fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analyze';
import { DocumentParser } from '../../server/src/core/parse/parse-document';
import { getCompletions } from '../../server/src/features/completion';
import { getHover } from '../../server/src/features/hover';
import { loadEmbeddedParsers } from '../../server/src/core/embedded/parsers';
import { generatePackage } from '../support/generate-package';
import { benchInstance } from './instance';
import { benchEmbedded, type EmbeddedRow } from './embedded';
import { editAt, gc, heapMb, timeRuns } from './measure';
import { measureProcesses } from './processes';
import { createYls, ylsDocument } from './yls';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZES = option('sizes', '500,2000,10000,30000').split(',').map(Number);
const RUNS = Number(option('runs', '9'));
const OUT = join(__dirname, '../../test-results/bench');

interface Row {
  lines: number;
  ours: Record<string, number>;
  yls: Record<string, number>;
}

/** Where completion is asked: a fresh key line at the end of the last resource, as when typing a new field. */
function completionDocument(text: string): { text: string; line: number; character: number } {
  const withLine = text.replace(/\n$/, '\n      \n');
  const lines = withLine.split('\n');
  return { text: withLine, line: lines.length - 2, character: 6 };
}

/** Hover on the `systemPrompt` key of the middle agent. */
function hoverPosition(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => (l.trimStart().startsWith('systemPrompt:') ? i : -1)).filter((i) => i >= 0);
  const line = candidates[Math.floor(candidates.length / 2)] ?? 0;
  return { line, character: lines[line].indexOf('systemPrompt') + 3 };
}

async function benchSize(lines: number): Promise<Row> {
  const text = generatePackage(lines);
  const actualLines = text.split('\n').length;
  const completion = completionDocument(text);
  const hoverAt = hoverPosition(text);
  const ours: Record<string, number> = {};
  const yls: Record<string, number> = {};

  // Ours: first analysis of a document (fresh parser each run), then edits on one parser.
  ours.validateFirst = await timeRuns(RUNS, () => analyze(text, { parser: new DocumentParser() }));
  const parser = new DocumentParser();
  let current = text;
  analyze(current, { parser });
  ours.validateEdit = await timeRuns(RUNS * 3, (i) => {
    current = editAt(current, i);
    analyze(current, { parser });
  });
  const completionAnalysis = analyze(completion.text);
  ours.completion = await timeRuns(RUNS * 3, () => getCompletions(completionAnalysis, completion));
  // Typing a character and asking for completion: the edit's analysis is part of the wait.
  const typingParser = new DocumentParser();
  let typed = completion.text;
  analyze(typed, { parser: typingParser });
  ours.editThenCompletion = await timeRuns(RUNS * 3, (i) => {
    typed = editAt(typed, i);
    getCompletions(analyze(typed, { parser: typingParser }), completion);
  });
  const hoverAnalysis = analyze(text);
  ours.hover = await timeRuns(RUNS * 3, () => getHover(hoverAnalysis, hoverAt));
  gc();
  const before = heapMb();
  const kept = analyze(text, { parser: new DocumentParser() });
  ours.heapMb = heapMb() - before;
  void kept.findings.length;

  // yaml-language-server, in-process, same documents and schema.
  const service = createYls();
  let version = 1;
  yls.validateFirst = await timeRuns(RUNS, async () => {
    await service.doValidation(ylsDocument(text, version++), false);
  });
  let ylsText = text;
  await service.doValidation(ylsDocument(ylsText, version++), false);
  yls.validateEdit = await timeRuns(RUNS, async (i) => {
    ylsText = editAt(ylsText, i);
    await service.doValidation(ylsDocument(ylsText, version++), false);
  });
  const ylsCompletionDoc = TextDocument.create('file:///bench/package.yaml', 'yaml', version++, completion.text);
  await service.doValidation(ylsCompletionDoc, false);
  yls.completion = await timeRuns(RUNS, async () => {
    await service.doComplete(ylsCompletionDoc, completion, false);
  });
  let ylsTyped = completion.text;
  yls.editThenCompletion = await timeRuns(RUNS, async (i) => {
    ylsTyped = editAt(ylsTyped, i);
    await service.doComplete(ylsDocument(ylsTyped, version++), completion, false);
  });
  const ylsHoverDoc = ylsDocument(text, version++);
  await service.doValidation(ylsHoverDoc, false);
  yls.hover = await timeRuns(RUNS, async () => {
    await service.doHover(ylsHoverDoc, hoverAt);
  });
  gc();
  const ylsBefore = heapMb();
  const fresh = createYls();
  const ylsKept = ylsDocument(text, version++);
  await fresh.doValidation(ylsKept, false);
  yls.heapMb = heapMb() - ylsBefore;
  return { lines: actualLines, ours, yls };
}

function table(rows: Row[]): string {
  const metrics: [string, string][] = [
    ['validateFirst', 'validate, first call (ms)'],
    ['validateEdit', 'validate after a one-character edit (ms)'],
    ['completion', 'completion, new key at end of file (ms)'],
    ['editThenCompletion', 'edit + completion (ms)'],
    ['hover', 'hover on a key (ms)'],
    ['heapMb', 'heap kept after first validate (MB)'],
  ];
  const head = `| | ${rows.map((r) => `${r.lines} lines`).join(' | ')} |\n|---|${rows.map(() => '---').join('|')}|\n`;
  const fmt = (v: number | undefined) => (v === undefined ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(0));
  const body = metrics
    .map(([key, label]) => `| ${label} — Sinas | ${rows.map((r) => fmt(r.ours[key])).join(' | ')} |\n| ${label} — Red Hat YAML | ${rows.map((r) => fmt(r.yls[key])).join(' | ')} |`)
    .join('\n');
  return head + body + '\n';
}

function embeddedTable(rows: EmbeddedRow[]): string {
  const fmt = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
  return (
    `| | ${rows.map((r) => `${r.lines} lines`).join(' | ')} |\n|---|${rows.map(() => '---').join('|')}|\n` +
    `| validate, first call (ms) | ${rows.map((r) => fmt(r.validateFirst)).join(' | ')} |\n` +
    `| validate after a one-character edit in Python code (ms) | ${rows.map((r) => fmt(r.editPython)).join(' | ')} |\n` +
    `| validate after a one-character edit in SQL (ms) | ${rows.map((r) => fmt(r.editSql)).join(' | ')} |\n`
  );
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) console.warn('note: run with --expose-gc for heap numbers (npm run bench does)');
  // The editor loads these on first need; measured here in their steady state.
  await loadEmbeddedParsers();
  // Warm both implementations up on a small document so the first sizes are not JIT-dominated.
  await benchSize(300);
  const rows: Row[] = [];
  for (const size of SIZES) {
    process.stdout.write(`benchmarking ${size} lines…\n`);
    rows.push(await benchSize(size));
  }
  await benchEmbedded(300, 3);
  const embedded: EmbeddedRow[] = [];
  for (const size of SIZES) embedded.push(await benchEmbedded(size, RUNS));
  const processes = await measureProcesses(generatePackage(2000));
  const instance = await benchInstance(SIZES.filter((s) => s >= 2000 && s <= 10000), RUNS);
  const markdown = `## In-process (median of ${RUNS}+ runs, Node ${process.version})\n\n${table(rows)}\n## Code-heavy packages (Python, SQL, Jinja2, JSON Schemas)\n\n${embeddedTable(embedded)}\n## As LSP processes (2,000-line document)\n\n${processes.markdown}\n${instance.markdown}`;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.json'), JSON.stringify({ node: process.version, runs: RUNS, rows, embedded, processes: processes.data, instance: { rows: instance.rows, setup: instance.setup } }, null, 2));
  writeFileSync(join(OUT, 'results.md'), markdown);
  process.stdout.write('\n' + markdown);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
