/** What one `validate` run found, handed to whichever output format was asked for. */
import type { Severity } from '../../../server/src/core/diagnostics/finding';
import type { FileReport } from './check-file';

export interface ValidateResult {
  /** Files that were checked, in the order they were found. */
  reports: FileReport[];
  /** YAML files found in directories or by globs that are not SinasPackages (not checked). */
  skipped: string[];
  summary: Summary;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  skipped: number;
}

export function summarize(reports: FileReport[], skipped: string[]): Summary {
  const count = (severity: Severity) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  return { files: reports.length, errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint'), skipped: skipped.length };
}
