/**
 * `npm run fuzz [-- --seed N --documents N --edits N --seconds N --small --hostile-budget MS]`: the fuzzer against the
 * built server (run `npm run build` first; the script does). Prints the seed first, so a failing
 * run can be replayed with `--seed`, then the totals; exits 1 on any failure.
 */
import { parseArgs } from 'node:util';
import { failures, runFuzz, summary } from './fuzz';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    documents: { type: 'string', default: '300' },
    edits: { type: 'string', default: '25' },
    seconds: { type: 'string', default: '600' },
    small: { type: 'boolean', default: false },
    'hostile-budget': { type: 'string' },
  },
});

const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
console.log(`fuzz: seed ${seed} (replay with: npm run fuzz -- --seed ${seed})`);
runFuzz({
  seed,
  documents: Number(values.documents),
  editsPerDocument: Number(values.edits),
  seconds: Number(values.seconds),
  large: !values.small,
  hostileBudgetMs: values['hostile-budget'] !== undefined ? Number(values['hostile-budget']) : undefined,
  log: (l) => console.log(`fuzz: ${l}`),
}).then(
  (report) => {
    console.log(`fuzz: ${summary(report)}`);
    const problems = failures(report);
    for (const p of problems) console.log(`fuzz: FAIL ${p}`);
    console.log(`fuzz: ${problems.length ? 0 : 1} passed, ${problems.length ? 1 : 0} failed`);
    process.exitCode = problems.length ? 1 : 0;
  },
  (error) => {
    console.error(`fuzz: crashed: ${(error as Error).stack}`);
    process.exitCode = 1;
  },
);
