import assert from 'node:assert/strict';
import { request } from 'undici';
import { samplePackage, useSandbox } from './helpers';

describe('fault injection (--faults)', () => {
  const api = useSandbox({ faults: true });
  const addFault = (rule: Record<string, unknown>) => api.call('POST', '/__sandbox/faults', { key: null, body: rule });
  afterEach(async () => {
    assert.equal((await api.call('DELETE', '/__sandbox/faults', { key: null })).status, 204);
  });

  it('latency: the request is answered no sooner than latencyMs', async () => {
    assert.equal((await addFault({ method: 'GET', path: '/api/v1/packages', latencyMs: 150 })).status, 201);
    const started = performance.now();
    const res = await api.call('GET', '/api/v1/packages');
    assert.equal(res.status, 200);
    assert.ok(performance.now() - started >= 145, 'delayed');
  });

  it('status 500: the backend\'s plain-text Internal Server Error, and the handler does not run', async () => {
    await addFault({ method: 'POST', path: '/api/v1/packages/install', status: 500 });
    const res = await api.call('POST', '/api/v1/packages/install', { body: { source: samplePackage('never') } });
    assert.equal(res.status, 500);
    assert.equal(res.text, 'Internal Server Error');
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(api.sandbox.state.packages.length, 0);
  });

  it('other statuses answer FastAPI-style JSON', async () => {
    await addFault({ path: '/api/v1/packages', status: 503 });
    const res = await api.call('GET', '/api/v1/packages');
    assert.equal(res.status, 503);
    assert.deepEqual(res.json, { detail: 'Service Unavailable' });
  });

  it('malformed: the real handler runs, but its JSON body arrives cut in half', async () => {
    await addFault({ method: 'POST', path: '/api/v1/packages/install', malformed: true });
    const res = await api.call('POST', '/api/v1/packages/install', { body: { source: samplePackage('garbled') } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.throws(() => JSON.parse(res.text));
    assert.ok(api.sandbox.state.packages.some((p) => p.name === 'garbled'), 'the install itself happened');
  });

  it('reset: the connection is dropped without a response', async () => {
    await addFault({ path: '/api/v1/packages', reset: true });
    await assert.rejects(request(`${api.sandbox.url}/api/v1/packages`, { headers: { 'x-api-key': api.sandbox.adminKey } }), (error: Error & { code?: string }) => {
      assert.match(String(error.code), /UND_ERR_SOCKET|ECONNRESET/);
      return true;
    });
  });

  it('times: a rule applies to that many requests, then disappears; prefixes match with *', async () => {
    await addFault({ path: '/api/v1/packages*', status: 502, times: 2 });
    assert.equal((await api.call('GET', '/api/v1/packages/x')).status, 502);
    assert.equal((await api.call('GET', '/api/v1/packages')).status, 502);
    assert.equal((await api.call('GET', '/api/v1/packages')).status, 200);
    assert.deepEqual((await api.call('GET', '/__sandbox/faults', { key: null })).json, []);
  });

  it('method filters and the rule list', async () => {
    const created = await addFault({ method: 'DELETE', path: '/api/v1/packages/x', status: 500 });
    assert.equal(created.json.method, 'DELETE');
    assert.match(created.json.id, /^[0-9a-f-]{36}$/);
    assert.equal((await api.call('GET', '/api/v1/packages/x')).status, 404, 'GET is not affected');
    assert.equal((await api.call('DELETE', '/api/v1/packages/x')).status, 500);
  });

  it('rules are validated', async () => {
    assert.equal((await addFault({ latencyMs: 5 })).status, 422);
    assert.equal((await addFault({ path: '/x', status: 42 })).status, 422);
    assert.equal((await addFault({ path: '/x', status: 500, times: 0 })).status, 422);
  });
});

describe('without --faults', () => {
  const api = useSandbox();
  it('/__sandbox/faults does not exist', async () => {
    const res = await api.call('POST', '/__sandbox/faults', { key: null, body: { path: '/health', status: 500 } });
    assert.equal(res.status, 404);
    assert.deepEqual(res.json, { detail: 'Not Found' });
    assert.equal((await api.call('GET', '/health', { key: null })).status, 200);
  });
});
