/**
 * `--format text` (default): `file:line:col severity code message` per finding on stdout (1-based),
 * and on stderr the files that are not packages and a one-line summary.
 */
import { plural } from '../report';
import { notChecked } from './check-file';
import type { ValidateResult } from './result';

export interface TextOutput {
  stdout: string[];
  stderr: string[];
}

export function formatText(result: ValidateResult): TextOutput {
  const stdout: string[] = [];
  const stderr: string[] = [];
  for (const report of result.reports) {
    if (notChecked(report)) stderr.push(`${report.file}: not a SinasPackage (no apiVersion sinas.co/… or kind SinasPackage); skipped`);
    for (const f of report.findings) {
      stdout.push(`${report.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message.replace(/\s*\n\s*/g, ' ')}`);
    }
  }
  stderr.push(summaryLine(result));
  return { stdout, stderr };
}

export function summaryLine({ summary }: ValidateResult): string {
  const problems = summary.errors + summary.warnings + summary.infos + summary.hints;
  const skipped = summary.skipped ? `; ${plural(summary.skipped, 'YAML file')} that ${summary.skipped === 1 ? 'is' : 'are'} not a SinasPackage skipped` : '';
  return problems
    ? `${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}) in ${plural(summary.files, 'file')}${skipped}`
    : `${plural(summary.files, 'file')} checked: no problems${skipped}`;
}
