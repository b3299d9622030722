/**
 * Sinas: Refresh Instances — the package lists of one instance (tree row, placeholder click) or all, plus the
 * status bar's reachability. An instance waiting for plain-http consent asks for it here.
 */
import { confirmInsecure } from '../ui/connect';
import { requireTrust } from '../ui/trust';
import { InstanceNode } from '../views/packages/nodes/instance-node';
import type { Deps } from './deps';

export async function refreshPackages(deps: Deps, target?: unknown): Promise<void> {
  if (!requireTrust(deps.host)) return;
  const id = target instanceof InstanceNode ? target.connection.id : typeof target === 'string' ? target : undefined;
  const connection = id ? deps.connections.get(id) : undefined;
  if (connection) {
    const result = await deps.clients.client(connection).catch(() => undefined);
    if (result?.kind === 'insecure' && !(await confirmInsecure(deps, connection, result.warning))) return;
  }
  void deps.health.check();
  await deps.packages.refresh(id);
}
