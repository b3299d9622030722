/**
 * `sinas-package validate <paths...>`: the language core's `analyze` on each file, with
 * `--severity CODE=LEVEL` overrides. Paths are files, directories (searched recursively) or
 * globs; see collect-files.ts. Output formats: text (default), json (one stable document: keys in a
 * fixed order, files in the order found, findings in position order), github (workflow-command
 * annotations) and sarif (SARIF 2.1.0 for code scanning). Exit 1 when any finding is an error or
 * there are more warnings than `--max-warnings`.
 */
import { loadRequestedEmbeddedParsers } from '../../../server/src/core/embedded/parsers';
import { CONNECTION_OPTIONS, parse } from '../args';
import { CODES } from '../../../server/src/core/diagnostics/codes';
import { readInstance } from '../instance';
import { EXIT, FileTooLarge, line, MAX_FILE_BYTES, readText, UsageError, type ExitCode, type Io } from '../io';
import type { InstanceIndex } from '../../../server/src/core/instance/instance-index';
import { checkText, notChecked, parseSeverities, type FileReport, type SeverityOverrides } from './check-file';
import { collectTargets } from './collect-files';
import { formatGithub } from './format-github';
import { formatSarif } from './format-sarif';
import { formatText, summaryLine } from './format-text';
import { summarize, type ValidateResult } from './result';

declare const __VERSION__: string | undefined;
const version = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = 'sinas-package validate <files, directories or globs...> [--format text|json|github|sarif] [--max-warnings N] [--severity CODE=LEVEL ...] [--instance]';

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

/** A file over the size limit is reported as the editor does (`file-too-large`), without reading it. */
async function checkTarget(file: string, overrides: SeverityOverrides, instance: InstanceIndex | undefined): Promise<FileReport> {
  try {
    const text = readText(file);
    const report = checkText(file, text, overrides, instance);
    // Python, SQL, Jinja2 and meta-schema parsers load when a file first needs them; then again.
    return (await loadRequestedEmbeddedParsers()) ? checkText(file, text, overrides, instance) : report;
  } catch (error) {
    if (!(error instanceof FileTooLarge)) throw error;
    const severity = overrides['file-too-large'] ?? CODES['file-too-large'].severity;
    if (severity === 'off') return { file, isSinasPackage: true, findings: [] };
    const message = `This file has ${error.size.toLocaleString('en')} bytes, more than the ${MAX_FILE_BYTES.toLocaleString('en')} analysed; it is not read or checked.`;
    return { file, isSinasPackage: true, findings: [{ line: 1, column: 1, endLine: 1, endColumn: 1, severity, code: 'file-too-large', message, excerpt: '' }] };
  }
}

export async function runValidate(io: Io, args: string[]): Promise<ExitCode> {
  const options = { ...CONNECTION_OPTIONS, format: { type: 'string' }, severity: { type: 'string', multiple: true }, 'max-warnings': { type: 'string' }, instance: { type: 'boolean' } } as const;
  const { values, positionals } = parse(args, options, { min: 1, max: Infinity, usage: USAGE });
  const format = formatOf(values.format);
  const maxWarnings = maxWarningsOf(values['max-warnings']);
  const overrides = parseSeverities(values.severity ?? []);
  if (!values.instance && (values.url !== undefined || values['api-key-stdin'])) throw new UsageError('--url and --api-key-stdin need --instance');

  const targets = await collectTargets(positionals);
  // Against the instance of SINAS_URL / SINAS_API_KEY; without --instance nothing is assumed about one.
  const instance = values.instance ? await readInstance(io, values) : undefined;
  const reports: FileReport[] = [];
  const skipped: string[] = [];
  for (const target of targets) {
    const report = await checkTarget(target.file, overrides, instance);
    if (!notChecked(report) || target.explicit) reports.push(report);
    else skipped.push(target.file);
  }
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

  if (result.summary.errors > 0) return EXIT.failed;
  if (result.summary.warnings > maxWarnings) {
    line(io.stderr, `error: ${result.summary.warnings} warnings, more than --max-warnings ${maxWarnings}`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
