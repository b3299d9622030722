import assert from 'node:assert/strict';
import { SinasApiError, type PackageListItem } from '../../../api/src';
import type { ClientResult } from '../../../client/src/connections/client-pool';
import type { Connection } from '../../../client/src/connections/types';
import { Emitter } from '../../../client/src/util/emitter';
import { describeChildren } from '../../../client/src/views/packages/describe';
import { PackagesModel, type PackagesState } from '../../../client/src/views/packages/model';

const staging: Connection = { id: 's', name: 'staging', url: 'https://s', source: 'stored' };
const env: Connection = { id: 'environment', name: 'Environment', url: 'http://127.0.0.1:1', source: 'environment' };
const pkg = (name: string): PackageListItem => ({ id: name, name, version: '1.0.0', description: null, author: null, installed_at: '2026-01-01T00:00:00Z' });

function setup(answer: () => Promise<PackageListItem[]> | ClientResult['kind']) {
  const changed = new Emitter<void>();
  const connections = { list: () => [staging, env], get: (id: string) => [staging, env].find((c) => c.id === id), active: () => staging, onDidChange: changed.event };
  let calls = 0;
  const clients = {
    async client(connection: Connection): Promise<ClientResult> {
      calls++;
      const a = answer();
      if (a === 'noKey') return { kind: 'noKey', connection };
      if (a === 'insecure') return { kind: 'insecure', connection, warning: 'plain http' };
      return { kind: 'ready', connection, client: { listPackages: () => a } as never };
    },
  };
  const model = new PackagesModel(connections, clients);
  const events: string[] = [];
  model.onDidChange((id) => events.push(`${id}:${model.state(id).kind}`));
  return { model, events, changed, calls: () => calls };
}

describe('installed-packages model', () => {
  it('loads once, through loading to loaded, and answers "installed?"', async () => {
    const { model, events, calls } = setup(async () => [pkg('b'), pkg('a')]);
    assert.equal(model.installed('s', 'a'), undefined, 'unknown before loading');
    await Promise.all([model.ensureLoaded('s'), model.ensureLoaded('s')]);
    await model.ensureLoaded('s');
    assert.equal(calls(), 1);
    assert.deepEqual(events, ['s:loading', 's:loaded']);
    assert.equal(model.installed('s', 'a')?.name, 'a');
    assert.equal(model.installed('s', 'zzz'), null);
  });

  it('refresh reloads; a connection change forgets everything', async () => {
    let list = [pkg('a')];
    const { model, changed, calls } = setup(async () => list);
    await model.load('s');
    list = [];
    await model.refresh('s');
    assert.deepEqual(model.state('s'), { kind: 'loaded', packages: [], loadedAt: (model.state('s') as { loadedAt: number }).loadedAt });
    changed.fire();
    assert.equal(model.state('s').kind, 'idle');
    assert.equal(calls(), 2);
  });

  it('while reloading, the previous list still answers (no flicker in the tree or the lenses)', async () => {
    let release!: (v: PackageListItem[]) => void;
    let first = true;
    const { model } = setup(() => (first ? ((first = false), Promise.resolve([pkg('a')])) : new Promise((r) => (release = r))));
    await model.load('s');
    const reloading = model.refresh('s');
    await new Promise((r) => setImmediate(r));
    assert.equal(model.state('s').kind, 'loading');
    assert.equal(model.installed('s', 'a')?.name, 'a');
    assert.deepEqual(describeChildren(model.state('s'), staging).map((c) => c.kind), ['package']);
    release([pkg('a'), pkg('b')]);
    await reloading;
    assert.equal(model.installed('s', 'b')?.name, 'b');
  });

  it('a result from before a reset does not overwrite the newer state', async () => {
    let release!: (v: PackageListItem[]) => void;
    const { model, changed } = setup(() => new Promise((r) => (release = r)));
    const loading = model.load('s');
    await new Promise((r) => setImmediate(r));
    changed.fire();
    release([pkg('stale')]);
    await loading;
    assert.equal(model.state('s').kind, 'idle');
  });

  it('turns API failures into error states with their kind', async () => {
    const { model } = setup(async () => {
      throw new SinasApiError({ kind: 'forbidden', message: 'staging refused: Not authorized to view packages', permission: 'sinas.packages.read:own' });
    });
    const state = await model.load('s');
    assert.deepEqual(state, { kind: 'error', errorKind: 'forbidden', message: 'staging refused: Not authorized to view packages', permission: 'sinas.packages.read:own' });
  });

  it('no key and unconfirmed plain http are states, not errors', async () => {
    assert.equal((await setup(() => 'noKey').model.load('s')).kind, 'noKey');
    assert.deepEqual(await setup(() => 'insecure').model.load('s'), { kind: 'insecure', warning: 'plain http' });
  });
});

describe('tree children per state', () => {
  const labels = (state: PackagesState, connection = staging) => describeChildren(state, connection).map((c) => (c.kind === 'package' ? `pkg ${c.pkg.name}` : `${c.icon}: ${c.label}${c.command ? ` [${c.command.id}]` : ''}`));

  it('packages sorted by name; an empty instance says so', () => {
    assert.deepEqual(labels({ kind: 'loaded', packages: [pkg('zeta'), pkg('alpha')], loadedAt: 0 }), ['pkg alpha', 'pkg zeta']);
    assert.deepEqual(labels({ kind: 'loaded', packages: [], loadedAt: 0 }), ['info: No packages installed']);
  });

  it('loading, signed out, plain http', () => {
    assert.deepEqual(labels({ kind: 'loading' }), ['loading: Loading installed packages…']);
    assert.deepEqual(labels({ kind: 'idle' }), ['loading: Loading installed packages…']);
    assert.deepEqual(labels({ kind: 'noKey' }), ['key: No API key — click to set one [sinas.connection.setApiKey]']);
    assert.deepEqual(labels({ kind: 'noKey' }, env), ['key: No API key: SINAS_API_KEY is not set']);
    assert.deepEqual(labels({ kind: 'insecure', warning: 'w' }), ['warning: Plain http — click to confirm sending the API key [sinas.packages.refresh]']);
  });

  it('errors explain themselves and offer the fitting action', () => {
    assert.deepEqual(labels({ kind: 'error', errorKind: 'auth', message: 'm' }), ['error: API key rejected — click to set a new one [sinas.connection.setApiKey]']);
    assert.deepEqual(labels({ kind: 'error', errorKind: 'forbidden', message: 'm', permission: 'sinas.packages.read:own' }), ['error: Not allowed to list packages (needs sinas.packages.read:own)']);
    assert.deepEqual(labels({ kind: 'error', errorKind: 'timeout', message: 'm' }), ['error: Unreachable — click to retry [sinas.packages.refresh]']);
    assert.deepEqual(labels({ kind: 'error', errorKind: 'server', message: 'staging failed (500)\nmore' }), ['error: staging failed (500) — click to retry [sinas.packages.refresh]']);
  });
});
