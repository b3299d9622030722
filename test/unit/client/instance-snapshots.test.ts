/**
 * The client's instance snapshots without VS Code: when they are fetched (lazily, once a package
 * is open), cached per instance, refreshed (switch, on request, TTL) and what the server is sent
 * (null whenever nothing may or can be known). The API client is a fake with the list calls.
 */
import assert from 'node:assert/strict';
import { SinasApiError } from '../../../api/src';
import type { ClientResult } from '../../../client/src/connections/client-pool';
import type { Connection } from '../../../client/src/connections/types';
import { InstanceSnapshots } from '../../../client/src/instance/instance-snapshots';
import { Emitter } from '../../../client/src/util/emitter';
import type { InstanceSnapshot } from '../../../server/src/protocol/instance-snapshot';

const staging: Connection = { id: 's', name: 'staging', url: 'https://staging.example', source: 'stored' };
const prod: Connection = { id: 'p', name: 'prod', url: 'https://prod.example', source: 'stored' };

/** A fake client: every list holds one function named after the instance and the call count. */
function fakeClient(connection: Connection, calls: string[], fail?: () => SinasApiError | undefined) {
  const list = async (kind: string) => {
    const error = fail?.();
    if (error) throw error;
    calls.push(`${connection.name}:${kind}`);
    const n = calls.filter((c) => c === `${connection.name}:functions`).length;
    return { kind, truncated: false, items: kind === 'functions' ? [{ kind, type: 'function', namespace: connection.name, name: `fn_${n}`, raw: {} }] : [] };
  };
  return {
    connection: { name: connection.name, url: connection.url },
    checkPermissions: async (permissions: string[]) => ({ result: true, logic: 'OR', checks: permissions.map((permission) => ({ permission, has_permission: true })) }),
    listResources: list,
    listPackages: async () => [],
    exportPackage: async () => '',
  };
}

function setup(options: { open?: boolean; enabled?: boolean; trusted?: boolean; ttlMs?: number; answer?: (c: Connection) => ClientResult['kind']; fail?: () => SinasApiError | undefined } = {}) {
  let active: Connection | undefined = staging;
  const changed = new Emitter<void>();
  const state = { open: options.open ?? true, enabled: options.enabled ?? true, trusted: options.trusted ?? true, now: 0, ttlMs: options.ttlMs ?? 0 };
  const calls: string[] = [];
  const connections = { active: () => active, get: (id: string) => [staging, prod].find((c) => c.id === id), onDidChange: changed.event };
  const clients = {
    async client(connection: Connection): Promise<ClientResult> {
      const kind = options.answer?.(connection) ?? 'ready';
      if (kind === 'noKey') return { kind, connection };
      if (kind === 'insecure') return { kind, connection, warning: 'plain http' };
      return { kind: 'ready', connection, client: fakeClient(connection, calls, options.fail) as never };
    },
  };
  const logs: string[] = [];
  const snapshots = new InstanceSnapshots(connections, clients, {
    enabled: () => state.enabled,
    ttlMs: () => state.ttlMs,
    isTrusted: () => state.trusted,
    hasPackageDocument: () => state.open,
    withProgress: (_title, task) => task(new AbortController().signal),
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(`warn: ${m}`) },
    now: () => state.now,
  });
  const sent: (string | null)[] = [];
  snapshots.onDidChange((s) => sent.push(summary(s)));
  const functionsCalls = () => calls.filter((c) => c.endsWith(':functions'));
  const switchTo = (c: Connection | undefined) => {
    active = c;
    changed.fire();
  };
  return { snapshots, state, sent, functionsCalls, switchTo, changed, logs };
}

/** `instance: first function`, or null. */
const summary = (s: InstanceSnapshot | null) => (s ? `${s.instance}: ${s.lists.functions?.items[0]?.name}` : null);

const settled = (snapshots: InstanceSnapshots) => snapshots.settled();

describe('instance snapshots (client)', () => {
  it('fetches nothing until a package is open, then once, and sends it', async () => {
    const { snapshots, state, sent, functionsCalls } = setup({ open: false });
    snapshots.update();
    assert.deepEqual(functionsCalls(), []);
    assert.equal(snapshots.current, null);
    state.open = true;
    snapshots.update();
    snapshots.update();
    await settled(snapshots);
    assert.deepEqual(functionsCalls(), ['staging:functions']);
    assert.equal(summary(snapshots.current), 'staging: staging/fn_1');
    assert.deepEqual(sent, ['staging: staging/fn_1']);
    snapshots.update();
    assert.deepEqual(functionsCalls(), ['staging:functions'], 'cached: no second fetch');
  });

  it('sends null and fetches nothing when the checks are off or the workspace is not trusted', async () => {
    for (const options of [{ enabled: false }, { trusted: false }]) {
      const { snapshots, sent, functionsCalls } = setup(options);
      snapshots.update();
      await settled(snapshots);
      assert.deepEqual(functionsCalls(), []);
      assert.equal(snapshots.current, null);
      assert.deepEqual(sent, [], 'nothing was ever sent, so null need not be');
    }
    const { snapshots, state, sent } = setup();
    snapshots.update();
    await settled(snapshots);
    state.enabled = false;
    snapshots.update();
    assert.deepEqual(sent, ['staging: staging/fn_1', null], 'turning the checks off takes the snapshot back');
  });

  it('on a switch sends the cached snapshot of the other instance at once and reads it again', async () => {
    const { snapshots, sent, functionsCalls, switchTo } = setup();
    snapshots.update();
    await settled(snapshots);
    switchTo(prod);
    assert.equal(snapshots.current, null, 'prod is not known yet');
    await settled(snapshots);
    switchTo(staging);
    assert.equal(summary(snapshots.current), 'staging: staging/fn_1', 'the cached staging snapshot, immediately');
    await settled(snapshots);
    assert.deepEqual(sent, ['staging: staging/fn_1', null, 'prod: prod/fn_1', 'staging: staging/fn_1', 'staging: staging/fn_2']);
    assert.deepEqual(functionsCalls(), ['staging:functions', 'prod:functions', 'staging:functions']);
    switchTo(undefined);
    assert.equal(snapshots.current, null);
  });

  it('reads again on request and when older than the TTL', async () => {
    const { snapshots, state, functionsCalls } = setup({ ttlMs: 60_000 });
    snapshots.update();
    await settled(snapshots);
    const refreshed = await snapshots.refresh();
    assert.equal(refreshed.kind, 'ready');
    assert.equal(functionsCalls().length, 2);
    state.now = 59_000;
    snapshots.update();
    assert.equal(functionsCalls().length, 2, 'still fresh');
    state.now = 61_000;
    snapshots.update();
    await settled(snapshots);
    assert.equal(functionsCalls().length, 3, 'stale: read again');
    snapshots.dispose();
  });

  it('an instance that cannot be read gives null, and is tried again after a change', async () => {
    let down = true;
    const { snapshots, sent, changed, logs } = setup({ fail: () => (down ? new SinasApiError({ kind: 'unreachable', message: 'staging is unreachable' }) : undefined) });
    snapshots.update();
    await settled(snapshots);
    assert.deepEqual(snapshots.state('s'), { kind: 'unavailable', reason: 'staging is unreachable', at: 0 });
    assert.equal(snapshots.current, null);
    assert.match(logs.at(-1)!, /^warn: Instance checks for staging are off until it can be read: staging is unreachable/);
    down = false;
    changed.fire();
    await settled(snapshots);
    assert.equal(summary(snapshots.current), 'staging: staging/fn_1');
    assert.deepEqual(sent, ['staging: staging/fn_1']);
  });

  it('an instance without a key, or with plain http not yet confirmed, is unavailable', async () => {
    for (const answer of ['noKey', 'insecure'] as const) {
      const { snapshots } = setup({ answer: () => answer });
      const state = await snapshots.refresh();
      assert.equal(state.kind, 'unavailable');
      assert.equal(snapshots.current, null);
    }
  });
});
