/** Core findings -> LSP diagnostics: offsets become ranges only here, at the edge. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { ResolvedFinding } from '../core/analyze';
import { codeDocsUrl } from '../core/diagnostics/docs';
import type { Severity } from '../core/diagnostics/finding';
import type { LineIndex } from '../core/text/line-index';
import { DIAGNOSTIC_SOURCE } from '../features/diagnostic-source';
import { toRange } from '../features/ranges';

export { DIAGNOSTIC_SOURCE };

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export type SeverityOverrides = Record<string, Severity | 'off'>;

export function toDiagnostics(findings: readonly ResolvedFinding[], lines: LineIndex, uri: string, overrides: SeverityOverrides = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const severity = overrides[f.code] ?? f.severity;
    if (severity === 'off') continue;
    const diagnostic: Diagnostic = {
      range: toRange(lines, f.span),
      severity: SEVERITY[severity],
      code: f.code,
      codeDescription: { href: codeDocsUrl(f.code) },
      source: DIAGNOSTIC_SOURCE,
      message: f.message,
    };
    if (f.tags?.length) diagnostic.tags = f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
    if (f.related?.length) diagnostic.relatedInformation = f.related.map((r) => ({ location: { uri, range: toRange(lines, r.span) }, message: r.message }));
    if (f.data) diagnostic.data = f.data;
    out.push(diagnostic);
  }
  return out;
}
