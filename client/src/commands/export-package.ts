/** Sinas: Open Installed Version — the exact YAML of the last install, read-only (custom scheme). */
import * as vscode from 'vscode';
import { isSinasApiError } from '../api';
import { connect } from '../ui/connect';
import { showApiError } from '../ui/errors';
import { withProgress } from '../ui/progress';
import { requireTrust } from '../ui/trust';
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
  const connected = await connect(deps, ref.connectionId);
  if (!connected) return { outcome: 'refused' };
  try {
    const uri = await withProgress(deps.host, `Sinas: exporting ${ref.name} from ${connected.connection.name}…`, (signal) =>
      deps.documents.loadInstalled(connected.connection, connected.client, ref.name, signal),
    );
    const document = await vscode.workspace.openTextDocument(uri);
    await deps.host.showTextDocument(document, { preview: true });
    return { outcome: 'opened', uri, document };
  } catch (error) {
    showApiError({ host: deps.host, log: deps.log, connection: connected.connection, what: `Exporting ${ref.name} failed` }, error);
    if (isSinasApiError(error, 'notFound')) void deps.packages.refresh(connected.connection.id);
    return { outcome: isSinasApiError(error, 'cancelled') ? 'cancelled' : 'failed' };
  }
}
