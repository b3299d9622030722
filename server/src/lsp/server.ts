/**
 * Composes the language server: document sync, the shared analysis cache and the feature handlers.
 * The only layer that knows about the connection; everything it calls is pure.
 */
import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysis-cache';
import { DiagnosticsPublisher } from './diagnostics';
import type { SeverityOverrides } from './convert';

declare const __VERSION__: string | undefined;

export interface ServerSettings {
  delayMs: number;
  severity: SeverityOverrides;
  maxLength: number;
  maxFindings: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { delayMs: 50, severity: {}, maxLength: 5 * 1024 * 1024, maxFindings: 1000 };

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings: ServerSettings = { ...DEFAULT_SETTINGS };
  const cache = new AnalysisCache(() => settings);
  const diagnostics = new DiagnosticsPublisher(connection, documents, cache, () => settings);

  connection.onInitialize((): InitializeResult => ({
    capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
    serverInfo: { name: 'sinas-language-server', version: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' },
  }));

  documents.onDidOpen((e) => diagnostics.schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
  documents.onDidClose((e) => {
    diagnostics.clear(e.document.uri);
    cache.delete(e.document.uri);
  });

  documents.listen(connection);
  connection.listen();
}
