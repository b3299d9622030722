/**
 * One file through the language core: findings with 1-based positions (columns in UTF-16 code
 * units, as editors and SARIF count them) and the severity after `--severity` overrides.
 */
import { analyze } from '../../../server/src/core/analyze';
import type { InstanceIndex } from '../../../server/src/core/instance/instance-index';
import { CODES } from '../../../server/src/core/diagnostics/codes';
import type { Severity } from '../../../server/src/core/diagnostics/finding';
import { UsageError } from '../io';

export interface FindingReport {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  /** The flagged text, for fingerprints that survive lines moving (not printed). */
  excerpt: string;
}

export interface FileReport {
  file: string;
  isSinasPackage: boolean;
  findings: FindingReport[];
}

export type SeverityOverrides = Record<string, Severity | 'off'>;

/**
 * A file that is neither a package nor another Sinas document: nothing was checked. (A SinasConfig
 * is not a package either, but it gets `not-a-package`, which is reported like any finding.)
 */
export function notChecked(report: FileReport): boolean {
  return !report.isSinasPackage && report.findings.length === 0;
}

const LEVELS = ['error', 'warning', 'info', 'hint', 'off'];
const MAX_EXCERPT = 200;

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

/** With `instance`, also checked against that instance's snapshot (`validate --instance`). */
export function checkText(file: string, text: string, overrides: SeverityOverrides = {}, instance?: InstanceIndex): FileReport {
  const analysis = analyze(text, { instance });
  const findings = analysis.findings.flatMap((f): FindingReport[] => {
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
        excerpt: text.slice(f.span.start, Math.min(f.span.end, f.span.start + MAX_EXCERPT)),
      },
    ];
  });
  return { file, isSinasPackage: analysis.isSinasPackage, findings };
}
