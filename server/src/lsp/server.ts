/**
 * Composes the language server: document sync, settings, the shared analysis cache and the
 * feature handlers. The only layer that knows about the connection; everything it calls is pure.
 * Each handler group (handlers/*.ts) declares its own capabilities next to its handlers.
 */
import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysis-cache';
import { DiagnosticsPublisher } from './diagnostics';
import { registerCodeActions } from './handlers/code-actions';
import { registerCompletion } from './handlers/completion';
import type { HandlerContext, RegisterHandlers } from './handlers/context';
import { registerHover } from './handlers/hover';
import { registerNavigation } from './handlers/navigation';
import { registerSymbols } from './handlers/symbols';
import { SettingsService } from './settings';
import { TypingTracker } from './typing';
import { compileAll } from '../core/schema/load-schema';

declare const __VERSION__: string | undefined;

const HANDLERS: readonly RegisterHandlers[] = [registerCompletion, registerHover, registerNavigation, registerCodeActions, registerSymbols];

export function startServer(connection: Connection): void {
  const typing = new TypingTracker();
  const documents = new TextDocuments({ create: TextDocument.create, update: typing.update });
  const settings = new SettingsService(connection);
  const cache = new AnalysisCache(() => settings.current);
  const diagnostics = new DiagnosticsPublisher(connection, documents, cache, () => settings.current, typing);
  const context: HandlerContext = { connection, documents, cache, settings };

  const capabilities: ServerCapabilities = { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } };
  for (const register of HANDLERS) Object.assign(capabilities, register(context));

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params.capabilities);
    return { capabilities, serverInfo: { name: 'sinas-language-server', version: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' } };
  });
  connection.onInitialized(() => {
    void settings.start();
    // Compile the schema while the editor is still settling, not on the first keystroke.
    setImmediate(compileAll);
  });

  settings.onDidChange((next, previous) => {
    // Limits change what analyze() returns; severities only change the conversion.
    if (next.maxLength !== previous.maxLength || next.maxFindings !== previous.maxFindings) cache.invalidateAll();
    diagnostics.scheduleAll();
  });

  documents.onDidOpen((e) => diagnostics.schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
  documents.onDidClose((e) => {
    diagnostics.clear(e.document.uri);
    cache.delete(e.document.uri);
  });

  documents.listen(connection);
  connection.listen();
}
