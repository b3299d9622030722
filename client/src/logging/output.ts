/**
 * The "Sinas" output channel (a LogOutputChannel, so users pick the level). Every API request is
 * logged through the client's exchange hook, which only ever sees redacted data: method, path,
 * status and time, never headers' credentials or secret variable values. Health probes go to
 * `trace` so the timer does not fill the log.
 */
import * as vscode from 'vscode';
import { formatExchange, type ExchangeLog } from '../../../api/src';
import type { Connection } from '../connections/types';

export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('Sinas', { log: true });
}

export function logExchange(log: Log, connection: Connection, entry: ExchangeLog): void {
  const line = `[${connection.name}] ${formatExchange(entry)}`;
  if (entry.path.endsWith('/health')) log.trace(line);
  else if (entry.errorKind) log.warn(line);
  else log.info(line);
}
