/**
 * The protocol's floor for `npm run bench`: an LSP server over stdio, built on the same
 * vscode-languageserver as ours, that analyses nothing. It asks for incremental changes and
 * publishes one fixed diagnostic for every document opened or changed, so an edit's round trip to
 * it is what the editor, the pipe and vscode-jsonrpc cost (reading, decoding, writing), which no
 * server on that library can go below. It keeps no text: applying the edit would be work.
 */
const { createConnection, TextDocumentSyncKind } = require('vscode-languageserver/node');

const connection = createConnection();
connection.onInitialize(() => ({ capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } } }));
const RECEIVED = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'received', severity: 3 }];
const publish = (params) => connection.sendDiagnostics({ uri: params.textDocument.uri, version: params.textDocument.version, diagnostics: RECEIVED });
connection.onDidOpenTextDocument(publish);
connection.onDidChangeTextDocument(publish);
connection.listen();
