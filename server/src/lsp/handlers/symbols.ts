/** Outline and folding → features/{document-symbols,folding-ranges}. */
import { getDocumentSymbols } from '../../features/document-symbols';
import { getFoldingRanges } from '../../features/folding-ranges';
import { analysisOf, guarded, type RegisterHandlers } from './context';

export const registerSymbols: RegisterHandlers = (context) => {
  context.connection.onDocumentSymbol(
    guarded(context, 'documentSymbol', [], (params) => {
      const analysis = analysisOf(context, params.textDocument.uri);
      if (!analysis) return [];
      const { symbols, truncated } = getDocumentSymbols(analysis);
      if (truncated) context.connection.console.info(`Outline of ${params.textDocument.uri} capped; the file has more items than are shown.`);
      return symbols;
    }),
  );
  context.connection.onFoldingRanges(
    guarded(context, 'foldingRange', [], (params) => {
      const analysis = analysisOf(context, params.textDocument.uri);
      return analysis ? getFoldingRanges(analysis) : [];
    }),
  );
  return { documentSymbolProvider: { label: 'Sinas package' }, foldingRangeProvider: true };
};
