/**
 * Server findings from the last preview or install, on the YAML nodes they concern, in their own
 * collection ("sinas-preview", next to the language server's "sinas"). They describe the file
 * as it was sent, so the first edit of that file clears them.
 */
import * as vscode from 'vscode';
import type { PreviewFinding } from './locate-messages';
import type { Span } from '../packages/read-package';

export const PREVIEW_SOURCE = 'sinas-preview';

const SEVERITY: Record<PreviewFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export class PreviewDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(PREVIEW_SOURCE);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.collection.has(event.document.uri)) this.collection.delete(event.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)),
    ];
  }

  /** Replaces the findings of `document`; unlocated ones go on `fallback` (the package name). */
  set(document: vscode.TextDocument, findings: readonly PreviewFinding[], fallback: Span | undefined): void {
    const at = (span: Span | undefined) => {
      const s = span ?? fallback ?? { start: 0, end: 0 };
      return new vscode.Range(document.positionAt(s.start), document.positionAt(s.end));
    };
    this.collection.set(
      document.uri,
      findings.map((f) => {
        const diagnostic = new vscode.Diagnostic(at(f.span), f.message, SEVERITY[f.severity]);
        diagnostic.source = PREVIEW_SOURCE;
        diagnostic.code = f.code;
        return diagnostic;
      }),
    );
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
