/**
 * `sinas-package validate <paths...>`: the language core's `analyze` on each file, with
 * `--severity CODE=LEVEL` overrides. Paths are files, directories (searched recursively) or
 * globs; see collect-files.ts. Output formats: text (default), json (one stable document: keys in a
 * fixed order, files in the order found, findings in position order), github (workflow-command
 * annotations) and sarif (SARIF 2.1.0 for code scanning). Exit 1 when any finding is an error or
 * there are more warnings than `--max-warnings`.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { CONNECTION_OPTIONS, parse } from '../args';
import { readInstance } from '../instance';
import { EXIT, line, MAX_FILE_BYTES, problem, UsageError, type ExitCode, type Io } from '../io';
import type { InstanceIndex } from '../../../server/src/core/instance/instance-index';
import { notChecked, parseSeverities, type FileReport, type SeverityOverrides } from './check-file';
import { checkInWorkers, type Checked } from './check-pool';
import { checkTarget } from './check-target';
import { collectTargets } from './collect-files';
import { formatGithub } from './format-github';
import { formatSarif } from './format-sarif';
import { formatText, summaryLine } from './format-text';
import { summarize, type ValidateResult } from './result';

declare const __VERSION__: string | undefined;
const version = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = 'sinas-package validate <files, directories or globs...> [--format text|json|github|sarif] [--max-warnings N] [--severity CODE=LEVEL ...] [--instance] [--jobs N]';

function formatOf(value: string | undefined): Format {
  if (value === undefined) return 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
}

function maxWarningsOf(value: string | undefined): number {
  if (value === undefined) return Infinity;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings must be a whole number, not "${value}"`);
  return Number(value);
}

/** `--jobs N` as given, or undefined for the default (as many threads as pay off). */
function jobsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs must be a whole number of at least 1, not "${value}"`);
  return Number(value);
}

/**
 * By default, a worker thread for every MIN_BYTES_PER_THREAD of files, up to one per core but one:
 * a worker's start (loading the bundle, compiling the embedded parsers' WebAssembly) costs about
 * 0.3 s of CPU, what checking some 400 kB of packages costs (measured with 300-line packages of
 * 8 kB and two of 30,000 lines), and V8's own background threads (garbage collection,
 * compilation) already keep a second core busy: on two cores, two workers took as long as one
 * thread (5.35 s against 5.1 s for 1,000 packages of 300 lines) for half as much CPU again.
 * `--jobs N` is taken as given.
 */
const MIN_BYTES_PER_THREAD = 400_000;

/** `bytes`: what the files give to check, asked only when there are cores enough to use it. */
export function defaultThreadCount(cores: number, bytes: () => number): number {
  if (cores < 3) return 1;
  return Math.max(1, Math.min(cores - 1, Math.floor(bytes() / MIN_BYTES_PER_THREAD)));
}

function defaultThreads(files: readonly string[]): number {
  return defaultThreadCount(availableParallelism(), () => files.reduce((bytes, file) => bytes + sizeOf(file), 0));
}

/** The bytes a file gives to check: none when it is unreadable (reading it says why) or too large to be read. */
function sizeOf(file: string): number {
  try {
    const { size } = statSync(file);
    return size > MAX_FILE_BYTES ? 0 : size;
  } catch {
    return 0;
  }
}

/** Every file checked, in order: on this thread, or on worker threads. */
async function checkAll(files: string[], jobs: number | undefined, overrides: SeverityOverrides, instance: InstanceIndex | undefined): Promise<Checked[]> {
  const threads = Math.min(jobs ?? defaultThreads(files), files.length);
  if (threads > 1) return checkInWorkers(files, threads, overrides, instance?.snapshot);
  const checked: Checked[] = [];
  for (const file of files) checked.push({ report: await checkTarget(file, overrides, instance) });
  return checked;
}

export async function runValidate(io: Io, args: string[]): Promise<ExitCode> {
  const options = { ...CONNECTION_OPTIONS, format: { type: 'string' }, severity: { type: 'string', multiple: true }, 'max-warnings': { type: 'string' }, instance: { type: 'boolean' }, jobs: { type: 'string' } } as const;
  const { values, positionals } = parse(args, options, { min: 1, max: Infinity, usage: USAGE });
  const format = formatOf(values.format);
  const maxWarnings = maxWarningsOf(values['max-warnings']);
  const jobs = jobsOf(values.jobs);
  const overrides = parseSeverities(values.severity ?? []);
  if (!values.instance && (values.url !== undefined || values['api-key-stdin'])) throw new UsageError('--url and --api-key-stdin need --instance');

  const targets = await collectTargets(positionals);
  // Against the instance of SINAS_URL / SINAS_API_KEY; without --instance nothing is assumed about one.
  const instance = values.instance ? await readInstance(io, values) : undefined;
  const checked = await checkAll(targets.map((t) => t.file), jobs, overrides, instance);
  const reports: FileReport[] = [];
  const skipped: string[] = [];
  const failed: string[] = [];
  targets.forEach((target, i) => {
    const outcome = checked[i];
    if ('failed' in outcome) failed.push(`${target.file} was not checked: ${outcome.failed}`);
    else if (!notChecked(outcome.report) || target.explicit) reports.push(outcome.report);
    else skipped.push(target.file);
  });
  const result: ValidateResult = { reports, skipped, summary: summarize(reports, skipped) };

  if (format === 'json') {
    const files = reports.map((r) => ({ ...r, findings: r.findings.map(({ excerpt: _excerpt, ...f }) => f) }));
    line(io.stdout, JSON.stringify({ version: 1, files, summary: result.summary }, null, 2));
  } else if (format === 'sarif') {
    line(io.stdout, JSON.stringify(formatSarif(result, version), null, 2));
  } else if (format === 'github') {
    for (const annotation of formatGithub(result)) line(io.stdout, annotation);
    line(io.stderr, summaryLine(result));
  } else {
    const text = formatText(result);
    for (const l of text.stdout) line(io.stdout, l);
    for (const l of text.stderr) line(io.stderr, l);
  }

  for (const message of failed) problem(io.stderr, 'error', message);
  if (result.summary.errors > 0 || failed.length) return EXIT.failed;
  if (result.summary.warnings > maxWarnings) {
    line(io.stderr, `error: ${result.summary.warnings} warnings, more than --max-warnings ${maxWarnings}`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
