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
import { editAt, median, timeRuns } from './measure';

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

/**
 * Both configurations in one loop, alternating run by run (each with its own parser), so a busy
 * machine slows them alike and the comparison stays fair.
 */
async function measurePair(text: string, at: { line: number; character: number }, runs: number, instance: InstanceIndex): Promise<{ without: Record<string, number>; with: Record<string, number> }> {
  const sides = [undefined, instance].map((index) => ({ index, parser: new DocumentParser(), text, times: { validateEdit: [] as number[], completion: [] as number[], editThenCompletion: [] as number[] } }));
  for (const side of sides) analyze(side.text, { parser: side.parser, instance: side.index });
  const time = (fn: () => unknown) => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  };
  for (let i = 0; i < runs * 3; i++) {
    for (const side of sides) {
      const { parser, index } = side;
      side.text = editAt(side.text, i);
      side.times.validateEdit.push(time(() => analyze(side.text, { parser, instance: index })));
      const analysis = analyze(side.text, { parser, instance: index });
      side.times.completion.push(time(() => getCompletions(analysis, at)));
      side.text = editAt(side.text, i + 1);
      side.times.editThenCompletion.push(time(() => getCompletions(analyze(side.text, { parser, instance: index }), at)));
    }
  }
  const medians = (times: Record<string, number[]>) => Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  return { without: medians(sides[0].times), with: medians(sides[1].times) };
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
    rows.push({ lines: text.split('\n').length, ...(await measurePair(text, at, runs, index)) });
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
