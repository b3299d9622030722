/**
 * Getting a ready client for a command: the active (or given) instance, its key, and, for plain
 * http to another machine, the user's consent before the key is sent (asked once per URL).
 * Background work never comes here: it takes the pool's result as a state instead.
 */
import * as vscode from 'vscode';
import type { SinasClient } from '../../../api/src';
import { COMMANDS } from '../commands/ids';
import type { Deps } from '../commands/deps';
import type { Connection } from '../connections/types';

export interface Connected {
  connection: Connection;
  client: SinasClient;
}

export async function connect(deps: Pick<Deps, 'connections' | 'clients' | 'host' | 'log'>, connectionId?: string): Promise<Connected | undefined> {
  const connection = connectionId ? deps.connections.get(connectionId) : deps.connections.active();
  if (!connection) {
    const add = 'Add Instance';
    void deps.host.showErrorMessage('Sinas: no instance is configured. Add one with its URL and an API key.', add).then((choice) => {
      if (choice) void vscode.commands.executeCommand(COMMANDS.addConnection);
    });
    return undefined;
  }
  let result;
  try {
    result = await deps.clients.client(connection);
  } catch (error) {
    void deps.host.showErrorMessage(`Sinas: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (result.kind === 'noKey') {
    if (connection.source === 'environment') {
      void deps.host.showErrorMessage('Sinas: SINAS_URL is set but SINAS_API_KEY is not; set it and restart, or add the instance with "Sinas: Add Instance".');
    } else {
      const set = 'Set API Key';
      void deps.host.showErrorMessage(`Sinas: ${connection.name} has no API key.`, set).then((choice) => {
        if (choice) void vscode.commands.executeCommand(COMMANDS.setApiKey, connection.id);
      });
    }
    return undefined;
  }
  if (result.kind === 'insecure') {
    if (!(await confirmInsecure(deps, connection, result.warning))) return undefined;
    return connect(deps, connection.id);
  }
  return { connection, client: result.client };
}

/** The modal shown before an API key goes over plain http to a non-loopback host. */
export async function confirmInsecure(deps: Pick<Deps, 'connections' | 'host' | 'log'>, connection: Connection, warning: string): Promise<boolean> {
  const send = 'Send Key over HTTP';
  const choice = await deps.host.showWarningMessage(`Sinas: ${warning}`, { modal: true, detail: `Instance "${connection.name}" (${connection.url}). You are asked once per URL.` }, send);
  if (choice !== send) return false;
  await deps.connections.acceptInsecure(connection);
  deps.log.warn(`[${connection.name}] the user accepted sending the API key over plain http to ${new URL(connection.url).host}`);
  return true;
}
