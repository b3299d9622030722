/** Building quick-fix code actions: one workspace edit on the document, tied to its diagnostic. */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { LineIndex } from '../../core/text/line-index';
import type { Span } from '../../core/text/span';
import { toRange } from '../ranges';

export function replaceSpan(lines: LineIndex, span: Span, newText: string): TextEdit {
  return { range: toRange(lines, span), newText };
}

export function quickFix(title: string, diagnostic: Diagnostic, uri: string, edits: TextEdit[], isPreferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [uri]: edits } } };
}
