/** Sinas: Edit Instance — rename, change the URL, or replace the API key of an added instance. */
import { plainHttpWarning } from '../../../api/src';
import type { ConnectionEdit } from '../connections/connection-store';
import type { Connection } from '../connections/types';
import { checkName, checkUrl } from '../connections/validate';
import { ENVIRONMENT_NAME } from '../connections/environment';
import { confirmInsecure } from '../ui/connect';
import { requireTrust } from '../ui/trust';
import { pickConnection } from './connection-target';
import type { Deps } from './deps';

export async function editConnection(deps: Deps, target?: unknown, edit?: ConnectionEdit): Promise<Connection | undefined> {
  if (!requireTrust(deps.host)) return undefined;
  const connection = await pickConnection(deps, target, 'Edit Sinas instance', true);
  if (!connection) return undefined;
  if (connection.source === 'environment') {
    void deps.host.showInformationMessage('Sinas: the Environment instance comes from SINAS_URL and SINAS_API_KEY; change those instead.');
    return undefined;
  }
  const change = edit ?? (await askEdit(deps, connection));
  if (!change) return undefined;
  try {
    const updated = await deps.connections.update(connection.id, change);
    const warning = change.url !== undefined ? await plainHttpWarning(updated.url) : undefined;
    if (warning && !(await confirmInsecure(deps, updated, warning))) {
      void deps.host.showWarningMessage(`Sinas: the key of ${updated.name} will not be sent until you confirm plain http (Refresh asks again).`, {});
    }
    deps.log.info(`Edited instance ${updated.name} (${updated.url})${change.apiKey ? '; new API key stored' : ''}.`);
    return updated;
  } catch (error) {
    void deps.host.showErrorMessage(`Sinas: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function askEdit(deps: Deps, connection: Connection): Promise<ConnectionEdit | undefined> {
  const field = await deps.host.showQuickPick(
    [
      { label: 'Rename', description: connection.name, field: 'name' as const },
      { label: 'Change URL', description: connection.url, field: 'url' as const },
      { label: 'Replace API Key', description: 'stored in secret storage', field: 'apiKey' as const },
    ],
    { title: `Edit ${connection.name}` },
  );
  if (!field) return undefined;
  if (field.field === 'apiKey') {
    const apiKey = await askApiKey(deps, connection);
    return apiKey === undefined ? undefined : { apiKey };
  }
  const value = await deps.host.showInputBox({
    title: `${field.label}: ${connection.name}`,
    value: field.field === 'name' ? connection.name : connection.url,
    ignoreFocusOut: true,
    validateInput: field.field === 'name' ? (v) => checkName(v, deps.connections.takenNames(connection.id), [ENVIRONMENT_NAME]) : checkUrl,
  });
  return value === undefined ? undefined : { [field.field]: value };
}

export async function askApiKey(deps: Pick<Deps, 'host'>, connection: Connection): Promise<string | undefined> {
  const key = await deps.host.showInputBox({
    title: `API key for ${connection.name}`,
    prompt: `${connection.url} · stored in VS Code's secret storage only`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'An API key is required'),
  });
  return key?.trim();
}
