/** Definition, references and rename → features/{definition,references,rename}. */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { getDefinition } from '../../features/definition';
import { getReferences } from '../../features/references';
import { getRenameEdits, prepareRename } from '../../features/rename';
import { analysisOf, guarded, type RegisterHandlers } from './context';

export const registerNavigation: RegisterHandlers = (context) => {
  const { connection } = context;
  connection.onDefinition(
    guarded(context, 'definition', [], (params) => {
      const analysis = analysisOf(context, params.textDocument.uri);
      return analysis ? getDefinition(analysis, params.position, params.textDocument.uri) : [];
    }),
  );
  connection.onReferences(
    guarded(context, 'references', [], (params) => {
      const analysis = analysisOf(context, params.textDocument.uri);
      return analysis ? getReferences(analysis, params.position, params.textDocument.uri, params.context.includeDeclaration) : [];
    }),
  );
  connection.onPrepareRename(
    guarded(context, 'prepareRename', null, (params) => {
      const analysis = analysisOf(context, params.textDocument.uri);
      if (!analysis) return null;
      const result = prepareRename(analysis, params.position);
      // A refusal carries its reason to the user (a bare null only says "cannot rename").
      return result.ok ? result.value : new ResponseError(ErrorCodes.InvalidRequest, result.error);
    }),
  );
  connection.onRenameRequest(
    guarded(context, 'rename', null, (params) => {
      const analysis = analysisOf(context, params.textDocument.uri);
      if (!analysis) return null;
      const result = getRenameEdits(analysis, params.position, params.newName, params.textDocument.uri);
      return result.ok ? result.value : new ResponseError(ErrorCodes.InvalidRequest, result.error);
    }),
  );
  return { definitionProvider: true, referencesProvider: true, renameProvider: { prepareProvider: true } };
};
