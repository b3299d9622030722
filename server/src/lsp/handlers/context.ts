/**
 * What every handler gets, and the two rules they all follow: read the analysis of the document's
 * current version from the shared cache (never parse again), and never let an exception reach the
 * connection — it is logged and the request answers with an empty result. Handlers see and return
 * UTF-16 columns whatever the editor's position encoding (position-encoding.ts).
 */
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { EditedDocument } from '../edited-document';
import type { Analysis } from '../../core/analyze';
import type { AnalysisCache } from '../analysis-cache';
import type { PositionEncoder } from '../position-encoding';
import type { SettingsService } from '../settings';

export interface HandlerContext {
  connection: Connection;
  documents: TextDocuments<EditedDocument>;
  cache: AnalysisCache;
  settings: SettingsService;
  positions: PositionEncoder;
}

/** A handler group: installs its handlers and returns the capabilities that announce them. */
export type RegisterHandlers = (context: HandlerContext) => ServerCapabilities;

/** The current analysis of an open document, or undefined for unknown documents. */
export function analysisOf(context: HandlerContext, uri: string): Analysis | undefined {
  const document = context.documents.get(uri);
  return document ? context.cache.get(document) : undefined;
}

/**
 * Wraps a handler: positions in its params and result are converted to and from the editor's
 * encoding (the handler works in UTF-16); an exception is logged and `empty` is returned instead.
 */
export function guarded<P extends { textDocument: { uri: string } }, R>(context: HandlerContext, name: string, empty: R, handler: (params: P) => R): (params: P) => R {
  return (params: P) => {
    try {
      return context.positions.outgoing(handler(context.positions.incoming(params)), params.textDocument.uri);
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      context.connection.console.error(`${name} failed: ${detail}`);
      return empty;
    }
  };
}
