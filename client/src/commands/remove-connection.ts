/** Sinas: Remove Instance — forgets it and deletes its key from secret storage; the instance itself is untouched. */
import { pickConnection } from './connection-target';
import type { Deps } from './deps';

export async function removeConnection(deps: Deps, target?: unknown): Promise<boolean> {
  const connection = await pickConnection(deps, target, 'Remove Sinas instance', true);
  if (!connection || connection.source === 'environment') return false;
  const remove = 'Remove';
  const choice = await deps.host.showWarningMessage(
    `Remove ${connection.name} from VS Code?`,
    { modal: true, detail: `${connection.url}\nIts API key is deleted from VS Code's secret storage. Nothing changes on the instance.` },
    remove,
  );
  if (choice !== remove) return false;
  await deps.connections.remove(connection.id);
  deps.log.info(`Removed instance ${connection.name}.`);
  return true;
}
