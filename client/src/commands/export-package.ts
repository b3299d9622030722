/** Sinas: Open Installed Version — the exact YAML of the last install, read-only (custom scheme). */
import * as vscode from 'vscode';
import { isSinasApiError } from '../../../api/src';
import { connect } from '../ui/connect';
import { showApiError } from '../ui/errors';
import { withProgress } from '../ui/progress';
import { requireTrust } from '../ui/trust';
import type { PackageRef } from '../views/packages/nodes/package-node';
import type { Deps } from './deps';
import { installedPackageRef } from './package-target';

export interface ExportOutcome {
  outcome: 'opened' | 'cancelled' | 'refused' | 'failed';
  uri?: vscode.Uri;
  document?: vscode.TextDocument;
}

export async function exportPackage(deps: Deps, target?: unknown): Promise<ExportOutcome> {
  if (!requireTrust(deps.host)) return { outcome: 'refused' };
  const ref = await installedPackageRef(deps, target, 'Open Installed Version');
  if (!ref) return { outcome: 'cancelled' };
  const loaded = await loadInstalledCopy(deps, ref, 'Exporting');
  if (loaded.outcome !== 'loaded') return { outcome: loaded.outcome };
  const document = await vscode.workspace.openTextDocument(loaded.uri);
  await deps.host.showTextDocument(document, { preview: true });
  return { outcome: 'opened', uri: loaded.uri, document };
}

export type LoadedCopy = { outcome: 'loaded'; uri: vscode.Uri; instanceName: string } | { outcome: 'cancelled' | 'refused' | 'failed' };

/** Fetches the installed YAML into its read-only document (Open Installed Version, Compare). */
export async function loadInstalledCopy(deps: Deps, ref: PackageRef, doing: string): Promise<LoadedCopy> {
  const connected = await connect(deps, ref.connectionId);
  if (!connected) return { outcome: 'refused' };
  const { connection, client } = connected;
  try {
    const uri = await withProgress(deps.host, `Sinas: exporting ${ref.name} from ${connection.name}…`, (signal) =>
      deps.documents.loadInstalled(connection, client, ref.name, signal),
    );
    return { outcome: 'loaded', uri, instanceName: connection.name };
  } catch (error) {
    showApiError({ host: deps.host, log: deps.log, connection, what: `${doing} ${ref.name} failed` }, error);
    // Gone since the list was read: the tree should stop offering it.
    if (isSinasApiError(error, 'notFound')) void deps.packages.refresh(connection.id);
    return { outcome: isSinasApiError(error, 'cancelled') ? 'cancelled' : 'failed' };
  }
}
