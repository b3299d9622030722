/**
 * `validate --instance`: the same snapshot the editor uses, built with the same builder from the
 * instance in SINAS_URL / SINAS_API_KEY, so the CLI gives the editor's verdicts. Only list calls
 * (and package exports) are made; the files being validated never leave the machine.
 */
import { buildInstanceSnapshot } from '../../api/src';
import { declaredResources } from '../../server/src/core/instance/declared-resources';
import { InstanceIndex } from '../../server/src/core/instance/instance-index';
import { SNAPSHOT_SECTIONS } from '../../server/src/protocol/instance-snapshot';
import type { ConnectionArgs } from './connect';
import { line, type Io } from './io';
import { plural } from './report';
import { withClient } from './session';

export async function readInstance(io: Io, args: ConnectionArgs): Promise<InstanceIndex> {
  let index: InstanceIndex | undefined;
  await withClient(io, args, async (client) => {
    const snapshot = await buildInstanceSnapshot(client, { instance: client.host, resourcesOf: declaredResources });
    index = new InstanceIndex(snapshot);
    const lists = Object.values(snapshot.lists);
    const count = lists.reduce((n, list) => n + (list?.items.length ?? 0), 0);
    const partial = Object.entries(snapshot.lists).filter(([, list]) => !list?.complete).map(([section]) => section);
    const unread = SNAPSHOT_SECTIONS.length - lists.length;
    line(
      io.stderr,
      `Checked against ${client.host}: ${plural(count, 'resource')}` +
        (partial.length ? `; not complete for this key: ${partial.join(', ')}` : '') +
        (unread ? `; ${plural(unread, 'list')} not readable` : ''),
    );
    return 0;
  });
  return index!;
}
