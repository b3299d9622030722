/**
 * The connection over stdio, built here rather than by `createConnection`'s `--stdio` so that its
 * reader decodes with the full-text decoder (full-text/full-text-decoder.ts). What
 * `createConnection` adds for stdio is done here too: the process ends when the editor closes
 * stdin (code 0 only after a `shutdown` request), and nothing a library prints through `console`
 * reaches stdout, where it would corrupt the protocol: it goes to the editor's log instead.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection, type Message } from 'vscode-languageserver/node';
import { FullTextDecoder } from './full-text/full-text-decoder';

export function createStdioConnection(): Connection {
  let shutdownReceived = false;
  const decoder = new FullTextDecoder({
    observe: (message: Message) => {
      if ((message as { method?: string }).method === 'shutdown') shutdownReceived = true;
    },
  });
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin, { contentTypeDecoder: decoder }), new StreamMessageWriter(process.stdout));
  const end = () => process.exit(shutdownReceived ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  const log = (...args: unknown[]) => connection.console.log(format(...args));
  console.log = console.info = console.debug = console.trace = log;
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return connection;
}
