/** The instance a connection command acts on: a tree row, an id (tests, placeholders), or a pick. */
import type { Connection } from '../connections/types';
import { InstanceNode } from '../views/packages/nodes/instance-node';
import type { Deps } from './deps';

export async function pickConnection(deps: Pick<Deps, 'connections' | 'host'>, target: unknown, title: string, storedOnly: boolean): Promise<Connection | undefined> {
  if (target instanceof InstanceNode) return target.connection;
  if (typeof target === 'string') return deps.connections.get(target);
  const active = deps.connections.active();
  const choices = deps.connections.list().filter((c) => !storedOnly || c.source === 'stored');
  if (choices.length === 0) {
    void deps.host.showInformationMessage(storedOnly ? 'Sinas: no instance added yet (the environment one is set through SINAS_URL).' : 'Sinas: no instance configured.');
    return undefined;
  }
  const picked = await deps.host.showQuickPick(
    choices.map((c) => ({ label: c.name, description: c.url, detail: [c.id === active?.id ? 'active' : '', c.source === 'environment' ? 'from SINAS_URL' : ''].filter(Boolean).join(' · ') || undefined, connection: c })),
    { title, placeHolder: 'Choose an instance' },
  );
  return picked?.connection;
}
