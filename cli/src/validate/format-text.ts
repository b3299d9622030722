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
    if (notChecked(report)) stderr.push(`warning: ${report.file}: not a SinasPackage (no apiVersion sinas.co/… or kind SinasPackage); skipped`);
    for (const f of report.findings) {
      stdout.push(`${report.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run))}`);
    }
  }
  stderr.push(summaryLine(result));
  return { stdout, stderr };
}

/**
 * "4 problems (3 errors, 1 warning) in 4 files": errors and warnings always, infos and hints when
 * there are any, so the counts in brackets add up to the total.
 */
export function summaryLine({ summary }: Pick<ValidateResult, 'summary'>): string {
  const { files, errors, warnings, infos, hints } = summary;
  const problems = errors + warnings + infos + hints;
  const skipped = summary.skipped ? `; ${plural(summary.skipped, 'YAML file')} that ${summary.skipped === 1 ? 'is' : 'are'} not a SinasPackage skipped` : '';
  if (!problems) return `${plural(files, 'file')} checked: no problems${skipped}`;
  const counts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (infos) counts.push(plural(infos, 'info'));
  if (hints) counts.push(plural(hints, 'hint'));
  return `${plural(problems, 'problem')} (${counts.join(', ')}) in ${plural(files, 'file')}${skipped}`;
}
