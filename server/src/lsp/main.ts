// Entry of dist/server.js. `vscode-languageserver/node` picks the transport from argv
// (--stdio, --node-ipc, --socket=N, --pipe=NAME), so one bundle serves every client.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
