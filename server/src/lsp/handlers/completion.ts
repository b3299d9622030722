/** textDocument/completion → features/completion. */
import { getCompletions } from '../../features/completion';
import { analysisOf, guarded, type RegisterHandlers } from './context';

// `.` after `vars`, `{` and `$` to start an expression, space after `key:` / `- ` / `${{`.
export const COMPLETION_TRIGGERS = ['.', '{', '$', ' '];

export const registerCompletion: RegisterHandlers = (context) => {
  context.connection.onCompletion(
    guarded(context, 'completion', { isIncomplete: false, items: [] }, (params) => {
      const analysis = analysisOf(context, params.textDocument.uri);
      const byFileName = /\.sinas\.ya?ml$/i.test(params.textDocument.uri.split(/[?#]/)[0]);
      return analysis ? getCompletions(analysis, params.position, { byFileName }) : { isIncomplete: false, items: [] };
    }),
  );
  return { completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false } };
};
