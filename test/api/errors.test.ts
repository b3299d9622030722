import assert from 'node:assert/strict';
import { samplePackage, useSandbox } from './helpers';

describe('error shapes and the order of checks (§1.4)', () => {
  const api = useSandbox();
  const install = '/api/v1/packages/install';

  it('422 missing `source` names loc ["body","source"] and echoes the body', async () => {
    const res = await api.call('POST', install, { body: { yaml: 'x' } });
    assert.equal(res.status, 422);
    assert.deepEqual(res.json, { detail: [{ type: 'missing', loc: ['body', 'source'], msg: 'Field required', input: { yaml: 'x' } }] });
  });

  it('422 json_invalid for malformed JSON', async () => {
    const res = await api.call('POST', install, { raw: '{"source": ', headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 422);
    assert.equal(res.json.detail.length, 1);
    assert.equal(res.json.detail[0].type, 'json_invalid');
    assert.equal(res.json.detail[0].loc[0], 'body');
    assert.equal(res.json.detail[0].msg, 'JSON decode error');
  });

  it('422 model_attributes_type for a YAML body sent as text/yaml', async () => {
    const source = samplePackage();
    const res = await api.call('POST', install, { raw: source, headers: { 'content-type': 'text/yaml' } });
    assert.equal(res.status, 422);
    assert.equal(res.json.detail[0].type, 'model_attributes_type');
    assert.deepEqual(res.json.detail[0].loc, ['body']);
    assert.equal(res.json.detail[0].input, source);
  });

  it('422 for an empty body and for a wrongly typed field', async () => {
    const empty = await api.call('POST', install, { raw: '', headers: { 'content-type': 'application/json' } });
    assert.deepEqual(empty.json, { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] });
    const typed = await api.call('POST', install, { body: { source: 42 } });
    assert.deepEqual(typed.json.detail[0], { type: 'string_type', loc: ['body', 'source'], msg: 'Input should be a valid string', input: 42 });
    const vars = await api.call('POST', install, { body: { source: 'x', variables: [1] } });
    assert.equal(vars.json.detail[0].type, 'dict_type');
  });

  it('a body without a content type is read as JSON, as FastAPI does', async () => {
    const res = await api.call('POST', '/api/v1/packages/preview', { raw: JSON.stringify({ source: samplePackage() }) });
    assert.equal(res.status, 200);
  });

  it('401 comes before 422, and 422 before 403', async () => {
    const unauthenticated = await api.call('POST', install, { key: null, body: { yaml: 'x' } });
    assert.equal(unauthenticated.status, 401);
    const readOnly = await api.createKey({ 'sinas.packages.read:all': true });
    const badBody = await api.call('POST', install, { key: readOnly, body: { yaml: 'x' } });
    assert.equal(badBody.status, 422);
    const goodBody = await api.call('POST', install, { key: readOnly, body: { source: samplePackage() } });
    assert.equal(goodBody.status, 403);
  });

  it('malformed JSON is a 422 even before auth (FastAPI decodes the body before running dependencies)', async () => {
    const res = await api.call('POST', install, { key: null, raw: '{', headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 422);
    assert.equal(res.json.detail[0].type, 'json_invalid');
  });

  it('404 {"detail":"Not Found"} for an unknown route, with or without credentials', async () => {
    for (const key of [undefined, null]) {
      const res = await api.call('GET', '/api/v1/nothing-here', { key });
      assert.equal(res.status, 404);
      assert.deepEqual(res.json, { detail: 'Not Found' });
    }
  });

  it('405 {"detail":"Method Not Allowed"} for a wrong method, with an Allow header', async () => {
    const res = await api.call('PUT', '/api/v1/packages/install');
    assert.equal(res.status, 405);
    assert.deepEqual(res.json, { detail: 'Method Not Allowed' });
    assert.match(String(res.headers.allow), /POST/);
  });

  it('307 from a trailing slash to the path without it', async () => {
    const res = await api.call('GET', '/api/v1/packages/?x=1');
    assert.equal(res.status, 307);
    assert.equal(res.headers.location, `${api.sandbox.url}/api/v1/packages?x=1`);
  });

  it('400 with the backend detail format for invalid YAML', async () => {
    const res = await api.call('POST', install, { body: { source: 'a: [unclosed' } });
    assert.equal(res.status, 400);
    assert.match(res.json.detail, /^Package validation failed: root: Invalid YAML: /);
  });
});
