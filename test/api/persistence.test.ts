import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/sandbox';
import { StateWriter, loadState } from '../sandbox/state/persistence';
import { emptyState } from '../sandbox/state/types';
import { call, samplePackage, SEED_DIR } from './helpers';

describe('--data: persistence with atomic writes', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sinas-sandbox-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('state survives a restart (packages, resources, api keys); the seed is applied only once', async () => {
    const file = join(dir, 'state.json');
    const first = await startSandbox({ dataFile: file, seedDir: SEED_DIR, apiKey: 'admin-key' });
    assert.equal((await call(first, 'POST', '/api/v1/packages/install', { body: { source: samplePackage('kept') } })).status, 200);
    const created = await call(first, 'POST', '/api/v1/api-keys', { body: { name: 'reader', permissions: { 'sinas.packages.read:all': true } } });
    await call(first, 'PUT', '/api/v1/functions/support/lookup_customer', { body: { description: 'edited' } });
    await first.close();

    const second = await startSandbox({ dataFile: file, seedDir: SEED_DIR, apiKey: 'admin-key' });
    try {
      assert.deepEqual((await call(second, 'GET', '/api/v1/packages')).json.map((p: { name: string }) => p.name), ['kept']);
      assert.equal((await call(second, 'GET', '/api/v1/packages/kept/export')).text, samplePackage('kept'));
      assert.equal((await call(second, 'GET', '/api/v1/packages', { key: created.json.key })).status, 200);
      assert.equal((await call(second, 'GET', '/api/v1/functions/support/lookup_customer')).json.description, 'edited', 'not re-seeded');
      assert.equal(second.state.llmProviders.length, first.state.llmProviders.length);
    } finally {
      await second.close();
    }
  });

  it('the admin key is not persisted: a restart without --api-key prints a new one', async () => {
    const file = join(dir, 'state.json');
    const first = await startSandbox({ dataFile: file });
    const oldKey = first.adminKey;
    await first.close();
    const second = await startSandbox({ dataFile: file });
    try {
      assert.notEqual(second.adminKey, oldKey);
      assert.equal((await call(second, 'GET', '/api/v1/packages', { key: oldKey })).status, 401);
      assert.equal(readFileSync(file, 'utf8').includes(oldKey), false);
    } finally {
      await second.close();
    }
  });

  it('a stray temp file from a crashed write is ignored', async () => {
    const file = join(dir, 'state.json');
    const first = await startSandbox({ dataFile: file });
    await call(first, 'POST', '/api/v1/packages/install', { body: { source: samplePackage('intact') } });
    await first.close();
    writeFileSync(join(dir, `.state.json.99999.tmp`), '{"format": 1, "packages": [tr');
    const second = await startSandbox({ dataFile: file });
    try {
      assert.deepEqual(second.state.packages.map((p) => p.name), ['intact']);
    } finally {
      await second.close();
    }
  });

  it('a corrupt data file stops the start with a clear error instead of being overwritten', async () => {
    const file = join(dir, 'state.json');
    writeFileSync(file, '{"format": 1, "pack');
    await assert.rejects(startSandbox({ dataFile: file }), /is not valid JSON/);
    assert.equal(readFileSync(file, 'utf8'), '{"format": 1, "pack');
  });

  it('the file is never torn: under concurrent installs every read parses, and the last state wins', async () => {
    const file = join(dir, 'state.json');
    const sandbox = await startSandbox({ dataFile: file });
    let reads = 0;
    let stop = false;
    const reader = (async () => {
      while (!stop) {
        JSON.parse(readFileSync(file, 'utf8'));
        reads++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      const installs = Array.from({ length: 20 }, (_, i) => call(sandbox, 'POST', '/api/v1/packages/install', { body: { source: samplePackage(`p${i}`, `ns${i}`) } }));
      assert.ok((await Promise.all(installs)).every((r) => r.status === 200));
    } finally {
      stop = true;
      await reader;
      await sandbox.close();
    }
    assert.ok(reads > 0);
    assert.equal((await loadState(file))!.packages.length, 20);
    assert.deepEqual(readdirSync(dir), ['state.json'], 'no temp files left behind');
  });

  it('StateWriter coalesces a burst of saves into few writes, each with the latest state', async () => {
    const file = join(dir, 'state.json');
    const state = emptyState();
    const writer = new StateWriter(file, () => state);
    const saves: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      state.packages.length = 0;
      state.packages.push({ name: `v${i}` } as never);
      saves.push(writer.save());
    }
    await Promise.all(saves);
    assert.ok(new Set(saves).size <= 2, 'at most the running write and one queued write');
    assert.equal((await loadState(file))!.packages[0].name, 'v49');
  });
});
