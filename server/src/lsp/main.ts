// Entry of dist/server.js. `vscode-languageserver/node` picks the transport from argv
// (--node-ipc, --socket=N, --pipe=NAME), so one bundle serves every client; stdio, the transport
// of most editors but VS Code, is built in stdio-connection.ts.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { createStdioConnection } from './stdio-connection';

startServer(process.argv.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all));
