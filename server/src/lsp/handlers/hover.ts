/** textDocument/hover → features/hover. */
import { getHover } from '../../features/hover';
import { analysisOf, guarded, type RegisterHandlers } from './context';

export const registerHover: RegisterHandlers = (context) => {
  context.connection.onHover(
    guarded(context, 'hover', null, (params) => {
      const analysis = analysisOf(context, params.textDocument.uri);
      return analysis ? getHover(analysis, params.position) : null;
    }),
  );
  return { hoverProvider: true };
};
