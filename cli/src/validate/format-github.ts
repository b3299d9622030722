/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), shown on the pull
 * request's changed lines. info and hint become `notice`.
 */
import type { Severity } from '../../../server/src/core/diagnostics/finding';
import { notChecked } from './check-file';
import type { ValidateResult } from './result';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Workflow-command escaping: the message may hold `%` and line breaks… */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** …and property values also `:` and `,`, which separate the properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(result: ValidateResult): string[] {
  const lines: string[] = [];
  for (const report of result.reports) {
    if (notChecked(report)) {
      lines.push(`::notice file=${escapeProperty(report.file)},title=${escapeProperty('sinas-package')}::${escapeData('Not a SinasPackage (no apiVersion sinas.co/… or kind SinasPackage); not checked.')}`);
    }
    for (const f of report.findings) {
      const properties = [
        `file=${escapeProperty(report.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`sinas(${f.code})`)}`,
      ].join(',');
      lines.push(`::${COMMAND[f.severity]} ${properties}::${escapeData(f.message)}`);
    }
  }
  return lines;
}
