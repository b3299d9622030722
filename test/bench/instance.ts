/**
 * The instance-aware case of `npm run bench`: the same edits and completions with and without a
 * 5,000-resource instance snapshot, so "typing latency unchanged" is a number. The package gets
 * one extra agent that references 40 functions of the instance and 40 that are nowhere, and half
 * of the package's own functions also exist on the instance (the overwrite checks run on them).
 */
import { analyze } from '../../server/src/core/analyze';
import { InstanceIndex } from '../../server/src/core/instance/instance-index';
import { DocumentParser } from '../../server/src/core/parse/parse-document';
import { getCompletions } from '../../server/src/features/completion';
import { normalizeSnapshot } from '../../server/src/protocol/instance-snapshot';
import { generatePackage } from '../support/generate-package';
import { generateSnapshot } from '../support/instance-snapshots';
import { editAt, timeRuns } from './measure';

export const SNAPSHOT_RESOURCES = 5_000;

export interface InstanceRow {
  lines: number;
  without: Record<string, number>;
  with: Record<string, number>;
}

/** The package with the extra agent, and where completion is asked inside its `enabledFunctions`. */
function document(lines: number, snapshotFunctions: string[]): { text: string; at: { line: number; character: number } } {
  const refs = [...snapshotFunctions.slice(0, 40), ...Array.from({ length: 40 }, (_, i) => `nowhere/missing_${i}`)];
  const agent = ['    - namespace: bench', '      name: instance-user', '      enabledFunctions:', ...refs.map((r) => `        - ${r}`), '        - '].join('\n');
  const base = generatePackage(lines);
  const text = base.replace('  agents:\n', `  agents:\n${agent}\n`);
  const line = text.split('\n').findIndex((l) => l === '        - ');
  return { text, at: { line, character: 10 } };
}

async function measure(text: string, at: { line: number; character: number }, runs: number, instance?: InstanceIndex): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const parser = new DocumentParser();
  let current = text;
  analyze(current, { parser, instance });
  out.validateEdit = await timeRuns(runs * 3, (i) => {
    current = editAt(current, i);
    analyze(current, { parser, instance });
  });
  const analysis = analyze(current, { parser, instance });
  out.completion = await timeRuns(runs * 3, () => getCompletions(analysis, at));
  out.editThenCompletion = await timeRuns(runs * 3, (i) => {
    current = editAt(current, i);
    getCompletions(analyze(current, { parser, instance }), at);
  });
  return out;
}

export async function benchInstance(sizes: readonly number[], runs: number): Promise<{ rows: InstanceRow[]; setup: Record<string, number>; markdown: string }> {
  const rows: InstanceRow[] = [];
  let setup: Record<string, number> = {};
  for (const lines of sizes) {
    const own = Array.from({ length: Math.floor(lines / 66) }, (_, i) => `tools/fetch_item_${i * 2}`);
    const raw = generateSnapshot(SNAPSHOT_RESOURCES, own);
    const json = JSON.stringify(raw);
    const index = new InstanceIndex(normalizeSnapshot(JSON.parse(json))!);
    setup = {
      resources: Object.values(raw.lists).reduce((n, l) => n + (l?.items.length ?? 0), 0),
      notificationKb: json.length / 1024,
      receive: await timeRuns(runs, () => new InstanceIndex(normalizeSnapshot(JSON.parse(json))!)),
    };
    const { text, at } = document(lines, raw.lists.functions!.items.map((i) => i.name));
    rows.push({ lines: text.split('\n').length, without: await measure(text, at, runs), with: await measure(text, at, runs, index) });
  }
  const fmt = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
  const metrics: [string, string][] = [
    ['validateEdit', 're-validate after a one-character edit (ms)'],
    ['completion', 'completion in `enabledFunctions` (ms)'],
    ['editThenCompletion', 'edit, then that completion (ms)'],
  ];
  const head = `| | ${rows.map((r) => `${r.lines} lines`).join(' | ')} |\n|---|${rows.map(() => '---').join('|')}|\n`;
  const body = metrics
    .map(([key, label]) => `| ${label} — no instance | ${rows.map((r) => fmt(r.without[key])).join(' | ')} |\n| ${label} — ${SNAPSHOT_RESOURCES.toLocaleString('en')}-resource snapshot | ${rows.map((r) => fmt(r.with[key])).join(' | ')} |`)
    .join('\n');
  const markdown =
    `## With an instance snapshot (${setup.resources} resources, ${fmt(setup.notificationKb)} kB as JSON)\n\n${head}${body}\n\n` +
    `Receiving the snapshot (parse, normalise, index): ${fmt(setup.receive)} ms, once per snapshot.\n`;
  return { rows, setup, markdown };
}
