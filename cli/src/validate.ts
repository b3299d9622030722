/**
 * `sinas-package validate <files...> [--format text|json]`: the language core's `analyze` on each
 * file, with `--severity CODE=LEVEL` overrides. Text: one `file:line:col severity code message` line per finding (1-based positions), a
 * summary on stderr. JSON: one stable document (keys in a fixed order, files in argument order,
 * findings in position order). Exit 1 when any finding is an error.
 */
import { analyze } from '../../server/src/core/analyze';
import { CODES } from '../../server/src/core/diagnostics/codes';
import type { Severity } from '../../server/src/core/diagnostics/finding';
import { FORMAT_OPTION, formatOf, parse } from './args';
import { EXIT, line, readText, UsageError, type ExitCode, type Io } from './io';
import { plural } from './report';

export interface FindingReport {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface FileReport {
  file: string;
  isSinasPackage: boolean;
  findings: FindingReport[];
}

export type SeverityOverrides = Record<string, Severity | 'off'>;

const LEVELS = ['error', 'warning', 'info', 'hint', 'off'];

/** `--severity CODE=LEVEL` (repeatable), like the editor's `sinas.diagnostics.severity`. */
export function parseSeverities(args: readonly string[]): SeverityOverrides {
  const out: SeverityOverrides = {};
  for (const arg of args) {
    const [code, level] = arg.split('=');
    if (!(code in CODES)) throw new UsageError(`--severity ${arg}: unknown diagnostic code "${code}"`);
    if (!LEVELS.includes(level)) throw new UsageError(`--severity ${arg}: the level must be one of ${LEVELS.join(', ')}`);
    out[code] = level as Severity | 'off';
  }
  return out;
}

/** Findings of one file, positions 1-based (columns in UTF-16 code units, as editors count). */
export function checkText(file: string, text: string, overrides: SeverityOverrides = {}): FileReport {
  const analysis = analyze(text);
  const findings = analysis.findings.flatMap((f) => {
    const severity = overrides[f.code] ?? f.severity;
    if (severity === 'off') return [];
    const start = analysis.lines.positionAt(f.span.start);
    const end = analysis.lines.positionAt(f.span.end);
    return [
      {
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity,
        code: f.code,
        message: f.message,
      },
    ];
  });
  return { file, isSinasPackage: analysis.isSinasPackage, findings };
}

function count(reports: FileReport[], severity: Severity): number {
  return reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
}

export function runValidate(io: Io, args: string[]): ExitCode {
  const options = { ...FORMAT_OPTION, severity: { type: 'string', multiple: true } } as const;
  const usage = 'sinas-package validate <files...> [--format text|json] [--severity CODE=LEVEL ...]';
  const { values, positionals } = parse(args, options, { min: 1, max: Infinity, usage });
  const format = formatOf(values.format);
  const overrides = parseSeverities(values.severity ?? []);
  const reports = positionals.map((file) => checkText(file, readText(file), overrides));
  const summary = {
    files: reports.length,
    errors: count(reports, 'error'),
    warnings: count(reports, 'warning'),
    infos: count(reports, 'info'),
    hints: count(reports, 'hint'),
  };

  if (format === 'json') {
    line(io.stdout, JSON.stringify({ version: 1, files: reports, summary }, null, 2));
  } else {
    for (const report of reports) {
      // A Sinas document of another kind gets a finding that says so (`not-a-package`).
      if (!report.isSinasPackage && report.findings.length === 0) line(io.stderr, `${report.file}: not a SinasPackage (no apiVersion sinas.co/… or kind SinasPackage); skipped`);
      for (const f of report.findings) {
        line(io.stdout, `${report.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message.replace(/\s*\n\s*/g, ' ')}`);
      }
    }
    const problems = summary.errors + summary.warnings + summary.infos + summary.hints;
    line(
      io.stderr,
      problems
        ? `${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}) in ${plural(summary.files, 'file')}`
        : `${plural(summary.files, 'file')} checked: no problems`,
    );
  }
  return summary.errors > 0 ? EXIT.failed : EXIT.ok;
}
