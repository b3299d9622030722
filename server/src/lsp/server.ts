/**
 * Composes the language server: document sync, settings, the shared analysis cache and the
 * feature handlers. The only layer that knows about the connection; everything it calls is pure.
 * Each handler group (handlers/*.ts) declares its own capabilities next to its handlers.
 */
import {
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { AnalysisCache } from './analysis-cache';
import { EditedDocument } from './edited-document';
import { IdleCollection } from './idle-collection';
import { DiagnosticsPublisher } from './diagnostics';
import { PackageFactsPublisher } from './package-facts';
import { registerCodeActions } from './handlers/code-actions';
import { registerCompletion } from './handlers/completion';
import type { HandlerContext, RegisterHandlers } from './handlers/context';
import { registerHover } from './handlers/hover';
import { registerNavigation } from './handlers/navigation';
import { registerSymbols } from './handlers/symbols';
import { InstanceSnapshotState } from './instance-snapshot';
import { linesOfDocument, negotiatePositionEncoding, PositionEncoder } from './position-encoding';
import { SettingsService } from './settings';
import { TypingTracker } from './typing';
import { compileAll } from '../core/schema/load-schema';
import { WorkspaceDiagnostics, uriOf } from './workspace/workspace-diagnostics';
import { URI } from 'vscode-uri';
import { loadEmbeddedParsersOnDemand, onEmbeddedParserLoaded } from '../core/embedded/parsers';

declare const __VERSION__: string | undefined;

const HANDLERS: readonly RegisterHandlers[] = [registerCompletion, registerHover, registerNavigation, registerCodeActions, registerSymbols];

export function startServer(connection: Connection): void {
  // Columns in the editor's encoding; incremental changes are converted before they apply.
  const positions: PositionEncoder = new PositionEncoder((uri) => {
    const document = documents.get(uri);
    return document && linesOfDocument(document);
  });
  // The typing tracker applies them, noting where the last edit ended (typing.ts).
  const typing = new TypingTracker();
  const trackedUpdate = typing.tracking(EditedDocument.update);
  const documents: TextDocuments<EditedDocument> = new TextDocuments<EditedDocument>({
    create: EditedDocument.create,
    update: (document, changes, version) => positions.applyChanges(document, changes, version, trackedUpdate),
  });
  const settings = new SettingsService(connection);
  const instance = new InstanceSnapshotState();
  const cache = new AnalysisCache(() => settings.current, () => instance.current);
  const facts = new PackageFactsPublisher(connection);
  const idle = new IdleCollection();
  const diagnostics = new DiagnosticsPublisher(connection, documents, cache, () => settings.current, positions, typing, (uri, version, analysis) => {
    facts.update(uri, version, analysis);
    idle.noteAnalysis();
  });
  const context: HandlerContext = { connection, documents, cache, settings, positions };
  const isOpen = (uri: string) => documents.all().some((d) => d.uri === uri || canonical(d.uri) === uri);
  const workspace = new WorkspaceDiagnostics(connection, isOpen, () => settings.current, () => instance.current, positions);
  /** Until the editor's settings are read, nothing is published (they may hide findings, e.g. yamlSyntax). */
  let settingsKnown = false;
  let watchFiles = false;
  let folderEvents = false;

  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
  for (const register of HANDLERS) Object.assign(capabilities, register(context));

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params.capabilities, params.initializationOptions);
    // UTF-8 when the editor prefers it (Neovim, Helix), else UTF-16; said explicitly either way.
    positions.encoding = negotiatePositionEncoding(params.capabilities.general?.positionEncodings);
    workspace.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    watchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    folderEvents = !!params.capabilities.workspace?.workspaceFolders;
    return { capabilities: { ...capabilities, positionEncoding: positions.encoding }, serverInfo: { name: 'sinas-language-server', version: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' } };
  });
  connection.onInitialized(async () => {
    // Compile the schema while the editor is still settling, not on the first keystroke.
    setImmediate(compileAll);
    if (watchFiles) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] }).catch(() => undefined);
    }
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        workspace.changeFolders(event.added.map((f) => f.uri), event.removed.map((f) => f.uri));
        void rescanWorkspace();
      });
    }
    try {
      await settings.start();
    } finally {
      // Documents opened meanwhile (the one that started the server) are checked with the editor's settings.
      settingsKnown = true;
      diagnostics.scheduleAll();
    }
    void rescanWorkspace();
  });

  const rescanWorkspace = () => workspace.scan((folder) => settings.filesExclude(folder));

  settings.onDidChange((next, previous) => {
    // Limits change what analyze() returns; severities only change the conversion.
    if (next.maxLength !== previous.maxLength || next.maxFindings !== previous.maxFindings) cache.invalidateAll();
    diagnostics.scheduleAll();
  });
  // Any settings change (severities, limits, files.exclude) may change every closed file's report.
  settings.onDidNotify(() => void rescanWorkspace());
  connection.onDidChangeWatchedFiles((params) => workspace.onWatchedFiles(params.changes));

  // Python, SQL, Jinja2 and meta-schema checks stay silent until their parser has loaded (on
  // first need, never during start); then every open document and workspace file is checked again.
  loadEmbeddedParsersOnDemand();
  onEmbeddedParserLoaded((language, error) => {
    if (error) connection.console.error(`The ${language} parser could not be loaded; its checks are off: ${String(error)}`);
    else {
      cache.invalidateAll();
      diagnostics.scheduleAll();
      void rescanWorkspace();
    }
  });

  instance.listen(connection);
  instance.onDidChange(() => {
    diagnostics.scheduleAll();
    void rescanWorkspace();
  });

  documents.onDidOpen((e) => {
    idle.noteOpen();
    workspace.forget(canonical(e.document.uri));
    if (settingsKnown) diagnostics.schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    idle.noteChange();
    if (settingsKnown) diagnostics.schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    idle.noteChange();
    const { uri } = e.document;
    cache.delete(uri);
    facts.forget(uri);
    // A workspace file shows what is on disk again; anything else is cleared.
    if (workspace.owns(uri)) workspace.takeOver(uri, diagnostics.release(uri));
    else diagnostics.clear(uri);
  });

  documents.listen(connection);
  connection.listen();
}

/** One spelling per file: clients encode file URIs differently; vscode-uri spells them as VS Code does. */
function canonical(uri: string): string {
  return uri.startsWith('file:') ? uriOf(URI.parse(uri).fsPath) : uri;
}
