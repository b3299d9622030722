/**
 * Sinas: Refresh Instance Resources — reads the instance's resources again for the instance-aware
 * checks, completion and hover (the active instance, or the tree row's). Also run after install
 * and uninstall. Resolves with what is known afterwards.
 */
import * as vscode from 'vscode';
import type { SnapshotState } from '../instance/instance-snapshots';
import { requireTrust } from '../ui/trust';
import { InstanceNode } from '../views/packages/nodes/instance-node';
import type { Deps } from './deps';

export async function refreshInstanceResources(deps: Deps, target?: unknown): Promise<SnapshotState | undefined> {
  if (!requireTrust(deps.host)) return undefined;
  if (!vscode.workspace.getConfiguration('sinas').get<boolean>('instanceChecks.enabled', true)) {
    void deps.host.showInformationMessage('Sinas: instance checks are turned off (setting sinas.instanceChecks.enabled).');
    return undefined;
  }
  const id = target instanceof InstanceNode ? target.connection.id : typeof target === 'string' ? target : undefined;
  const connection = id ? deps.connections.get(id) : deps.connections.active();
  if (!connection) {
    void deps.host.showInformationMessage('Sinas: no instance to read; add one with "Sinas: Add Instance…".');
    return undefined;
  }
  const state = await deps.snapshots.refresh(connection.id);
  if (state.kind === 'unavailable') {
    void deps.host.showWarningMessage(`Sinas: could not read ${connection.name}'s resources: ${state.reason}`, {}, 'Show Log').then((c) => c && deps.log.show(true));
  } else if (state.kind === 'ready') {
    const count = Object.values(state.snapshot.lists).reduce((n, list) => n + (list?.items.length ?? 0), 0);
    vscode.window.setStatusBarMessage(`Sinas: read ${count} resources of ${connection.name}`, 5_000);
  }
  return state;
}
