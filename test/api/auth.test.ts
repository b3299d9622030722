import assert from 'node:assert/strict';
import { matchesPermission } from '../sandbox/permissions';
import { samplePackage, useSandbox } from './helpers';

describe('auth (§1)', () => {
  const api = useSandbox();

  it('GET /health needs no credentials', async () => {
    const res = await api.call('GET', '/health', { key: null });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { status: 'healthy' });
  });

  it('401 Missing authorization header without credentials, or with a non-bearer scheme', async () => {
    for (const headers of [{}, { authorization: 'Token abc' }, { authorization: 'Basic abc' }, { authorization: 'Bearer' }] as Record<string, string>[]) {
      const res = await api.call('GET', '/api/v1/packages', { key: null, headers });
      assert.equal(res.status, 401, JSON.stringify(headers));
      assert.deepEqual(res.json, { detail: 'Missing authorization header' });
      assert.equal(res.headers['www-authenticate'], undefined);
    }
  });

  it('401 Invalid or expired credentials for an unknown key (header or bearer)', async () => {
    for (const headers of [{ 'x-api-key': 'nope' }, { authorization: 'Bearer nope' }] as Record<string, string>[]) {
      const res = await api.call('GET', '/api/v1/packages', { key: null, headers });
      assert.equal(res.status, 401);
      assert.deepEqual(res.json, { detail: 'Invalid or expired credentials' });
    }
  });

  it('accepts Bearer with any casing of the scheme', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const res = await api.call('GET', '/api/v1/packages', { key: null, headers: { authorization: `${scheme} ${api.sandbox.adminKey}` } });
      assert.equal(res.status, 200, scheme);
    }
  });

  it('checks X-API-Key first and then ignores Authorization entirely', async () => {
    const good = await api.call('GET', '/api/v1/packages', { headers: { authorization: 'Bearer nope' } });
    assert.equal(good.status, 200);
    const bad = await api.call('GET', '/api/v1/packages', { key: 'nope', headers: { authorization: `Bearer ${api.sandbox.adminKey}` } });
    assert.equal(bad.status, 401);
    assert.deepEqual(bad.json, { detail: 'Invalid or expired credentials' });
  });

  describe('API keys (§1.2)', () => {
    it('creates a key, returns it once (43 url-safe chars, 8-char prefix), never lists it', async () => {
      const res = await api.call('POST', '/api/v1/api-keys', { body: { name: 'ci', permissions: { 'sinas.packages.read:all': true } } });
      assert.equal(res.status, 201);
      assert.deepEqual(Object.keys(res.json).sort(), ['created_at', 'expires_at', 'id', 'key', 'key_prefix', 'name', 'permissions']);
      assert.match(res.json.key, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(res.json.key_prefix, res.json.key.slice(0, 8));
      const list = await api.call('GET', '/api/v1/api-keys');
      const listed = list.json.find((k: { id: string }) => k.id === res.json.id);
      assert.equal(listed.key, undefined);
      assert.equal(listed.is_active, true);
      assert.equal(listed.user_email, 'admin@sandbox.local');
      const one = await api.call('GET', `/api/v1/api-keys/${res.json.id}`);
      assert.equal(one.status, 200);
      assert.equal((await api.call('GET', '/api/v1/api-keys/00000000-0000-0000-0000-000000000000')).json.detail, 'API key not found');
    });

    it('a key works as X-API-Key and as Bearer, and stops working once revoked', async () => {
      const key = await api.createKey({ 'sinas.packages.read:own': true });
      assert.equal((await api.call('GET', '/api/v1/packages', { key })).status, 200);
      assert.equal((await api.call('GET', '/api/v1/packages', { key: null, headers: { authorization: `Bearer ${key}` } })).status, 200);
      const id = (await api.call('GET', '/api/v1/api-keys')).json.find((k: { key_prefix: string }) => k.key_prefix === key.slice(0, 8)).id;
      assert.equal((await api.call('DELETE', `/api/v1/api-keys/${id}`)).status, 204);
      const after = await api.call('GET', '/api/v1/packages', { key });
      assert.equal(after.status, 401);
      assert.deepEqual(after.json, { detail: 'Invalid or expired credentials' });
    });

    it('an expired key is rejected', async () => {
      const key = await api.createKey({ 'sinas.*:all': true }, { expires_at: '2000-01-01T00:00:00Z' });
      assert.deepEqual((await api.call('GET', '/api/v1/packages', { key })).json, { detail: 'Invalid or expired credentials' });
    });

    it('an empty permission dict means no permissions at all', async () => {
      const key = await api.createKey({});
      const res = await api.call('GET', '/api/v1/packages', { key });
      assert.equal(res.status, 403);
      assert.deepEqual(res.json, { detail: 'Not authorized to view packages' });
      assert.deepEqual((await api.call('POST', '/api/v1/api-keys', { key, body: { name: 'x' } })).json, { detail: 'Not authorized to create API keys' });
    });
  });

  describe('a read-only key', () => {
    let key = '';
    before(async () => {
      key = await api.createKey({ 'sinas.packages.read:all': true, 'sinas.functions/*/*.read:all': true });
      assert.equal((await api.call('POST', '/api/v1/packages/install', { body: { source: samplePackage('ro') } })).status, 200);
    });

    it('can list, get and export packages', async () => {
      assert.equal((await api.call('GET', '/api/v1/packages', { key })).status, 200);
      assert.equal((await api.call('GET', '/api/v1/packages/ro', { key })).status, 200);
      assert.equal((await api.call('GET', '/api/v1/packages/ro/export', { key })).status, 200);
    });

    const denied: [string, string, unknown, string][] = [
      ['POST', '/api/v1/packages/install', { source: samplePackage('x') }, 'Not authorized to install packages'],
      ['POST', '/api/v1/packages/preview', { source: samplePackage('x') }, 'Not authorized to preview packages'],
      ['POST', '/api/v1/packages/create', { name: 'x', resources: [] }, 'Not authorized to create packages'],
      ['DELETE', '/api/v1/packages/ro', undefined, 'Not authorized to uninstall packages'],
      ['POST', '/api/v1/config/validate', { config: samplePackage('x') }, 'Not authorized to validate config'],
    ];
    for (const [method, path, body, detail] of denied) {
      it(`gets 403 "${detail}" on ${method} ${path}`, async () => {
        const res = await api.call(method, path, { key, body });
        assert.equal(res.status, 403);
        assert.deepEqual(res.json, { detail });
      });
    }

    it('uninstall denied leaves the package installed', async () => {
      await api.call('DELETE', '/api/v1/packages/ro', { key });
      assert.equal((await api.call('GET', '/api/v1/packages/ro')).status, 200);
    });
  });

  describe('runtime auth endpoints', () => {
    it('GET /auth/me describes the key\'s user', async () => {
      const res = await api.call('GET', '/auth/me');
      assert.equal(res.status, 200);
      assert.deepEqual(Object.keys(res.json), ['id', 'email', 'last_login_at', 'created_at', 'roles']);
      assert.equal(res.json.email, 'admin@sandbox.local');
      assert.deepEqual(res.json.roles, ['Admins']);
      assert.equal((await api.call('GET', '/auth/me', { key: null })).status, 401);
    });

    it('POST /auth/check-permissions answers per permission, with AND (default) or OR', async () => {
      const key = await api.createKey({ 'sinas.packages.read:all': true });
      const permissions = ['sinas.packages.read:own', 'sinas.packages.install:all'];
      const and = await api.call('POST', '/auth/check-permissions', { key, body: { permissions } });
      assert.equal(and.status, 200);
      assert.deepEqual(and.json, {
        result: false,
        logic: 'AND',
        checks: [
          { permission: 'sinas.packages.read:own', has_permission: true },
          { permission: 'sinas.packages.install:all', has_permission: false },
        ],
      });
      const or = await api.call('POST', '/auth/check-permissions', { key, body: { permissions, logic: 'OR' } });
      assert.equal(or.json.result, true);
      const admin = await api.call('POST', '/auth/check-permissions', { body: { permissions } });
      assert.equal(admin.json.result, true);
    });

    it('POST /auth/check-permissions validates its body (422)', async () => {
      const logic = await api.call('POST', '/auth/check-permissions', { body: { permissions: [], logic: 'XOR' } });
      assert.equal(logic.status, 422);
      assert.equal(logic.json.detail[0].type, 'literal_error');
      const missing = await api.call('POST', '/auth/check-permissions', { body: {} });
      assert.deepEqual(missing.json.detail[0].loc, ['body', 'permissions']);
    });
  });

  describe('permission matching (wildcards, :all implies :own)', () => {
    const cases: [string, string, boolean][] = [
      ['sinas.*:all', 'sinas.packages.install:all', true],
      ['sinas.*:all', 'sinas.functions/crm/lookup.read:own', true],
      ['sinas.*:own', 'sinas.packages.install:all', false],
      ['sinas.packages.read:all', 'sinas.packages.read:own', true],
      ['sinas.packages.read:own', 'sinas.packages.read:all', false],
      ['sinas.packages.*:all', 'sinas.packages.delete:all', true],
      ['sinas.functions/*/*.read:all', 'sinas.functions/crm/lookup.read:all', true],
      ['sinas.functions/crm/*.read:all', 'sinas.functions/crm/lookup.read:all', true],
      ['sinas.functions/crm/*.read:all', 'sinas.functions/hr/lookup.read:all', false],
      ['sinas.functions.read:all', 'sinas.functions/crm/lookup.read:all', false],
      ['sinas.functions/*/*.read:all', 'sinas.functions.read:all', false],
      ['sinas.packages.install:all', 'sinas.packages.delete:all', false],
      ['bogus', 'sinas.packages.read:all', false],
    ];
    for (const [pattern, concrete, expected] of cases) {
      it(`${pattern} ${expected ? 'grants' : 'does not grant'} ${concrete}`, () => {
        assert.equal(matchesPermission(pattern, concrete), expected);
      });
    }
  });
});
