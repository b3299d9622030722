/** Sinas: Set API Key — the quick fix for "no key" and "key rejected" (tree rows, error messages). */
import { requireTrust } from '../ui/trust';
import { pickConnection } from './connection-target';
import type { Deps } from './deps';
import { askApiKey } from './edit-connection';

export async function setApiKey(deps: Deps, target?: unknown, apiKey?: string): Promise<boolean> {
  if (!requireTrust(deps.host)) return false;
  const connection = await pickConnection(deps, target, 'Set API key', true);
  if (!connection) return false;
  if (connection.source === 'environment') {
    void deps.host.showInformationMessage('Sinas: the Environment instance takes its key from SINAS_API_KEY.');
    return false;
  }
  const key = apiKey ?? (await askApiKey(deps, connection));
  if (!key) return false;
  await deps.connections.update(connection.id, { apiKey: key });
  deps.log.info(`New API key stored for ${connection.name}.`);
  return true;
}
