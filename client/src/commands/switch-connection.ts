/** Sinas: Switch Instance — which instance preview, install, the lenses and the status bar use. */
import { COMMANDS } from './ids';
import * as vscode from 'vscode';
import type { Connection } from '../connections/types';
import { InstanceNode } from '../views/packages/nodes/instance-node';
import type { Deps } from './deps';

export async function switchConnection(deps: Deps, target?: unknown): Promise<Connection | undefined> {
  let connection = target instanceof InstanceNode ? target.connection : typeof target === 'string' ? deps.connections.get(target) : undefined;
  if (!connection) {
    const active = deps.connections.active();
    const add = { label: '$(add) Add Instance…', description: '', connection: undefined };
    const picked = await deps.host.showQuickPick(
      [...deps.connections.list().map((c) => ({ label: `${c.id === active?.id ? '$(check) ' : ''}${c.name}`, description: c.url, detail: c.source === 'environment' ? 'from SINAS_URL / SINAS_API_KEY' : undefined, connection: c as Connection | undefined })), add],
      { title: 'Switch Sinas instance', placeHolder: active ? `Active: ${active.name}` : 'No instance yet' },
    );
    if (!picked) return undefined;
    if (!picked.connection) {
      await vscode.commands.executeCommand(COMMANDS.addConnection);
      return deps.connections.active();
    }
    connection = picked.connection;
  }
  await deps.connections.setActive(connection.id);
  deps.log.info(`Active instance: ${connection.name} (${connection.url}).`);
  return connection;
}
