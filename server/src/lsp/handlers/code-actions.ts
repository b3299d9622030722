/** textDocument/codeAction → features/code-actions (quick fixes by diagnostic code). */
import { CodeActionKind } from 'vscode-languageserver/node';
import { getCodeActions } from '../../features/code-actions';
import { analysisOf, guarded, type RegisterHandlers } from './context';

export const registerCodeActions: RegisterHandlers = (context) => {
  context.connection.onCodeAction(
    guarded(context, 'codeAction', [], (params) => {
      const only = params.context.only;
      if (only && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return [];
      const analysis = analysisOf(context, params.textDocument.uri);
      return analysis ? getCodeActions(analysis, params.textDocument.uri, params.context.diagnostics) : [];
    }),
  );
  return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } };
};
