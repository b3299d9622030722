import assert from 'node:assert/strict';
import { SinasApiError, SinasClient } from '../../../api/src';
import { ConnectionStore } from '../../../client/src/connections/connection-store';
import type { SecretStorageLike, StateStorage } from '../../../client/src/connections/types';

class MemoryState implements StateStorage {
  data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.parse(JSON.stringify(value)));
  }
}
class MemorySecrets implements SecretStorageLike {
  data = new Map<string, string>();
  async get(key: string) {
    return this.data.get(key);
  }
  async store(key: string, value: string) {
    this.data.set(key, value);
  }
  async delete(key: string) {
    this.data.delete(key);
  }
}

function setup(env: Record<string, string> = {}) {
  const state = new MemoryState();
  const secrets = new MemorySecrets();
  const store = new ConnectionStore(state, secrets, env);
  let changes = 0;
  store.onDidChange(() => changes++);
  return { state, secrets, store, changes: () => changes };
}

describe('connection store', () => {
  it('keeps names and URLs in state and each key only in secret storage', async () => {
    const { state, secrets, store } = setup();
    const added = await store.add({ name: 'staging', url: 'https://sinas.example.com/', apiKey: 'key-123456' });
    assert.equal(added.url, 'https://sinas.example.com');
    assert.ok(!JSON.stringify([...state.data]).includes('key-123456'), 'no key in globalState');
    assert.deepEqual([...secrets.data.values()], ['key-123456']);
    assert.equal(await store.apiKey(added.id), 'key-123456');
    assert.equal(store.active()?.id, added.id, 'a new connection becomes active');
  });

  it('uses the environment connection when nothing else is configured, never storing its key', async () => {
    const { state, secrets, store } = setup({ SINAS_URL: 'http://127.0.0.1:9', SINAS_API_KEY: 'env-key-999' });
    assert.deepEqual(store.active(), { id: 'environment', name: 'Environment', url: 'http://127.0.0.1:9', source: 'environment' });
    assert.equal(await store.apiKey('environment'), 'env-key-999');
    const added = await store.add({ name: 'prod', url: 'https://prod', apiKey: 'k' });
    assert.equal(store.active()?.id, added.id);
    await store.setActive('environment');
    assert.equal(store.active()?.id, 'environment');
    assert.ok(!JSON.stringify([...state.data, ...secrets.data]).includes('env-key-999'));
    await assert.rejects(store.remove('environment'), /SINAS_URL/);
    await assert.rejects(store.update('environment', { name: 'x' }), /SINAS_URL/);
  });

  it('rejects duplicate, reserved and empty names and bad URLs', async () => {
    const { store } = setup({ SINAS_URL: 'http://localhost:1' });
    await store.add({ name: 'staging', url: 'https://a', apiKey: 'k' });
    await assert.rejects(store.add({ name: 'Staging', url: 'https://b', apiKey: 'k' }), /already exists/);
    await assert.rejects(store.add({ name: 'environment', url: 'https://b', apiKey: 'k' }), /reserved/);
    await assert.rejects(store.add({ name: ' ', url: 'https://b', apiKey: 'k' }), /short name/);
    await assert.rejects(store.add({ name: 'x', url: 'ftp://b', apiKey: 'k' }), /http/);
    await assert.rejects(store.add({ name: 'x', url: 'https://user:pw@b', apiKey: 'k' }), /credentials/);
  });

  it('edits keep the key unless a new one is given; removal deletes the key and falls back', async () => {
    const { secrets, store, changes } = setup({ SINAS_URL: 'http://localhost:1' });
    const a = await store.add({ name: 'a', url: 'https://a', apiKey: 'ka' });
    const b = await store.add({ name: 'b', url: 'https://b', apiKey: 'kb' });
    await store.update(a.id, { name: 'alpha', url: 'https://alpha/' });
    assert.equal(await store.apiKey(a.id), 'ka');
    assert.deepEqual(store.get(a.id), { id: a.id, name: 'alpha', url: 'https://alpha', source: 'stored' });
    await store.update(a.id, { apiKey: 'ka2' });
    assert.equal(await store.apiKey(a.id), 'ka2');
    assert.equal(store.active()?.id, b.id);
    await store.remove(b.id);
    assert.ok(![...secrets.data.values()].includes('kb'));
    assert.equal(store.active()?.id, a.id, 'the first stored one');
    await store.remove(a.id);
    assert.equal(store.active()?.id, 'environment');
    assert.ok(changes() >= 6);
  });

  it('SINAS_URL with user:password@ is shown masked, and the client refuses it saying why', async () => {
    const { store } = setup({ SINAS_URL: 'https://admin:hunter2-pw@sinas.example.com', SINAS_API_KEY: 'env-key-999' });
    const active = store.active()!;
    assert.equal(active.url, 'https://***@sinas.example.com');
    assert.throws(
      () => new SinasClient({ name: active.name, url: active.url, apiKey: 'env-key-999' }),
      new SinasApiError({ kind: 'unreachable', message: 'The Sinas URL https://***@sinas.example.com/ holds a user name or password; remove them (the API key is given separately).' }),
    );
  });

  it('remembers plain-http consent per URL (the environment one in memory only)', async () => {
    const { state, store } = setup({ SINAS_URL: 'http://10.0.0.5:8000' });
    const env = store.active()!;
    assert.equal(store.insecureAccepted(env), false);
    await store.acceptInsecure(env);
    assert.equal(store.insecureAccepted(env), true);
    const lan = await store.add({ name: 'lan', url: 'http://10.0.0.6', apiKey: 'k' });
    await store.acceptInsecure(lan);
    assert.equal(store.insecureAccepted(store.get(lan.id)!), true);
    await store.update(lan.id, { url: 'http://10.0.0.7' });
    assert.equal(store.insecureAccepted(store.get(lan.id)!), false, 'a new URL asks again');
    assert.ok(!JSON.stringify([...state.data]).includes('10.0.0.5'));
  });

  it('ignores junk an older version left in state', () => {
    const { state, store } = setup();
    state.data.set('sinas.connections', [{ id: 1 }, null, { id: 'x', name: 'ok', url: 'https://ok' }]);
    assert.deepEqual(store.list().map((c) => c.name), ['ok']);
  });
});
