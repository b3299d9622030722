import assert from 'node:assert/strict';
import { SinasApiError, type SinasClient } from '../../../api/src';
import { checkKey } from '../../../client/src/connections/key-check';
import type { Reachability } from '../../../client/src/connections/health-monitor';
import { describeStatus } from '../../../client/src/connections/status-text';
import type { Connection } from '../../../client/src/connections/types';

const staging: Connection = { id: 'c1', name: 'staging', url: 'https://staging.example', source: 'stored' };
const reachable = (access: Extract<Reachability, { kind: 'reachable' }>['access']): Reachability => ({ kind: 'reachable', connection: staging, checkedAt: 1, access });
const fakeClient = (answer: () => Promise<unknown>) => ({ checkPermissions: answer }) as unknown as SinasClient;

describe('client: the status bar item', () => {
  it('says "key rejected" (not "Reachable") and offers to set a new key', () => {
    const view = describeStatus(staging, reachable({ kind: 'rejected', message: 'The API key was rejected by staging.example (Invalid or expired credentials).' }));
    assert.equal(view.text, '$(key) Sinas: staging — key rejected');
    assert.match(view.tooltip, /the API key was rejected: The API key was rejected/);
    assert.doesNotMatch(view.tooltip, /Reachable;/);
    assert.equal(view.background, 'error');
    assert.deepEqual(view.command, { id: 'sinas.connection.setApiKey', args: ['c1'] });
  });

  it('says "no permission" and names what the key lacks', () => {
    const view = describeStatus(staging, reachable({ kind: 'noPermission', missing: ['sinas.packages.install:all', 'sinas.packages.delete:all'] }));
    assert.equal(view.text, '$(lock) Sinas: staging — no permission');
    assert.match(view.tooltip, /lacks preview and install \(sinas\.packages\.install:all\) and uninstall \(sinas\.packages\.delete:all\)/);
    assert.equal(view.background, 'warning');
  });

  it('shows the plain name when the key is accepted, unreachable with a warning, and "checking" for a result of another instance', () => {
    assert.equal(describeStatus(staging, reachable({ kind: 'ok', missing: [] })).text, '$(cloud) Sinas: staging');
    assert.match(describeStatus(staging, reachable({ kind: 'ok', missing: [] })).tooltip, /Reachable; the key is accepted\./);
    const down = describeStatus(staging, { kind: 'unreachable', connection: staging, message: 'Could not connect', checkedAt: 1 });
    assert.deepEqual([down.text, down.background], ['$(cloud-offline) Sinas: staging', 'warning']);
    const other = describeStatus(staging, { kind: 'reachable', connection: { ...staging, id: 'c2' }, checkedAt: 1, access: { kind: 'ok', missing: [] } });
    assert.equal(other.text, '$(sync~spin) Sinas: staging');
    assert.equal(describeStatus(undefined, { kind: 'none' }).command.id, 'sinas.connection.add');
    assert.equal(describeStatus(staging, reachable({ kind: 'noKey' })).text, '$(key) Sinas: staging — no key');
    assert.equal(describeStatus(staging, reachable({ kind: 'insecure' })).command.id, 'sinas.packages.refresh');
  });
});

describe('client: checking an API key', () => {
  it('reads the permission checks: essential ones missing is "no permission", optional ones are listed', async () => {
    const checks = (held: string[]) => async () => ({ result: false, logic: 'AND', checks: ['sinas.packages.read:own', 'sinas.packages.install:all', 'sinas.packages.delete:all', 'sinas.packages.create:all'].map((permission) => ({ permission, has_permission: held.includes(permission) })) });
    assert.deepEqual(await checkKey(fakeClient(checks(['sinas.packages.read:own']))), { kind: 'noPermission', missing: ['sinas.packages.install:all', 'sinas.packages.delete:all', 'sinas.packages.create:all'] });
    assert.deepEqual(await checkKey(fakeClient(checks(['sinas.packages.read:own', 'sinas.packages.install:all']))), { kind: 'ok', missing: ['sinas.packages.delete:all', 'sinas.packages.create:all'] });
    assert.deepEqual(await checkKey(fakeClient(async () => ({ result: true, checks: 'nonsense' }))), { kind: 'noPermission', missing: ['sinas.packages.read:own', 'sinas.packages.install:all', 'sinas.packages.delete:all', 'sinas.packages.create:all'] });
  });

  it('a 401 is "rejected"; anything else that fails leaves the key unverified; cancelling is passed on', async () => {
    const failing = (kind: 'auth' | 'unreachable' | 'cancelled') => fakeClient(async () => { throw new SinasApiError({ kind, message: `${kind} happened` }); });
    assert.deepEqual(await checkKey(failing('auth')), { kind: 'rejected', message: 'auth happened' });
    assert.deepEqual(await checkKey(failing('unreachable')), { kind: 'unverified', message: 'unreachable happened' });
    await assert.rejects(checkKey(failing('cancelled')), /cancelled happened/);
  });
});
