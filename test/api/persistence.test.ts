import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/sandbox';
import { loadState } from '../sandbox/state/persistence';
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

  it('temp files of crashed writes are removed on start; a live process\'s temp file is left alone', async () => {
    const file = join(dir, 'state.json');
    const first = await startSandbox({ dataFile: file });
    await call(first, 'POST', '/api/v1/packages/install', { body: { source: samplePackage('intact') } });
    await first.close();
    // A pid that no longer runs: that of a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dir, `.state.json.${dead}.tmp`), '{"format": 1, "packages": [tr');
    writeFileSync(join(dir, `.state.json.${process.ppid}.tmp`), 'being written by a live process');
    writeFileSync(join(dir, '.other.json.1.tmp'), 'not ours');
    const log: string[] = [];
    const second = await startSandbox({ dataFile: file, log: (m) => log.push(m) });
    try {
      assert.deepEqual(second.state.packages.map((p) => p.name), ['intact']);
      assert.deepEqual(readdirSync(dir).sort(), [`.other.json.1.tmp`, `.state.json.${process.ppid}.tmp`, 'state.json']);
      assert.deepEqual(log, [`removed .state.json.${dead}.tmp, left by a sandbox that stopped while saving`]);
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

  it('a change that cannot be saved is not kept: the request fails and the old state stays', async () => {
    const data = join(dir, 'data');
    mkdirSync(data);
    const file = join(data, 'state.json');
    const sandbox = await startSandbox({ dataFile: file });
    try {
      assert.equal((await call(sandbox, 'POST', '/api/v1/packages/install', { body: { source: samplePackage('saved') } })).status, 200);
      rmSync(data, { recursive: true });
      const failed = await call(sandbox, 'POST', '/api/v1/packages/install', { body: { source: samplePackage('unsaved', 'other') } });
      assert.equal(failed.status, 500);
      assert.equal(failed.text, 'Internal Server Error');
      assert.deepEqual((await call(sandbox, 'GET', '/api/v1/packages')).json.map((p: { name: string }) => p.name), ['saved']);
      mkdirSync(data);
      assert.equal((await call(sandbox, 'POST', '/api/v1/packages/install', { body: { source: samplePackage('later', 'later') } })).status, 200);
      assert.deepEqual((await loadState(file))!.packages.map((p) => p.name).sort(), ['later', 'saved']);
    } finally {
      await sandbox.close();
    }
  });
});
