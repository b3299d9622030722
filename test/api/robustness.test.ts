import assert from 'node:assert/strict';
import { useSandbox } from './helpers';

const HEADER = 'apiVersion: sinas.co/v1\nkind: SinasPackage\n';
const BOMB = `${HEADER}package:\n  name: bomb\nspec:\n  functions: []\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from(
  { length: 8 },
  (_, i) => `x${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`,
).join('\n')}\n`;

/** Inputs a careless client (or an attacker) may send; none may crash the sandbox or write broken rows. */
const INPUTS: [string, string][] = [
  ['empty text', ''],
  ['only a document marker', '---\n'],
  ['a list document', '- 1\n- 2\n'],
  ['not YAML at all', '\u0000\u0001binary'],
  ['package as a string', `${HEADER}package: x\nspec: {}\n`],
  ['package without a name', `${HEADER}package:\n  version: "1"\nspec: {}\n`],
  ['spec as a list', `${HEADER}package:\n  name: p\nspec: [1, 2]\n`],
  ['a section that is not a list', `${HEADER}package:\n  name: p\nspec:\n  functions: nope\n`],
  ['items that are not mappings, or lack a name', `${HEADER}package:\n  name: p\nspec:\n  functions: [1, null, {code: x}]\n  secrets: [{value: v}]\n  dependencies: [{}]\n`],
  ['an alias bomb', BOMB],
  ['two documents', `${HEADER}package:\n  name: p\nspec: {}\n---\nmore: 1\n`],
];

describe('robustness: hostile or broken documents', () => {
  const api = useSandbox();

  for (const [what, source] of INPUTS) {
    it(`${what}: 200 or 400, never 500, and no row without an identity`, async () => {
      for (const endpoint of ['preview', 'install']) {
        const res = await api.call('POST', `/api/v1/packages/${endpoint}`, { body: { source } });
        assert.ok(res.status === 200 || res.status === 400, `${endpoint}: ${res.status} ${res.text}`);
        if (res.status === 400) assert.equal(typeof res.json.detail, 'string');
      }
      const validate = await api.call('POST', '/api/v1/config/validate', { body: { config: source } });
      assert.equal(validate.status, 200);
      for (const rows of Object.values(api.sandbox.state.resources)) {
        for (const row of rows) assert.ok(typeof (row.name ?? row.path ?? row.package_name) === 'string', JSON.stringify(row));
      }
    });
  }

  it('an item without its identity is the core\'s missing-required error, at the field\'s path', async () => {
    const res = await api.call('POST', '/api/v1/packages/install', {
      body: { source: `${HEADER}package:\n  name: mixed\nspec:\n  skills:\n    - description: d\n      content: c\n    - name: ok\n      description: d\n      content: c\n` },
    });
    assert.equal(res.status, 400);
    assert.match(res.json.detail, /^Package validation failed: spec\.skills\[0\]\.name: /);
    assert.equal((await api.call('GET', '/api/v1/packages/mixed')).status, 404);
  });
});

describe('robustness: hostile request bodies', () => {
  const api = useSandbox();
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('JSON nested deeper than Python\'s parser reads is a 400, and the sandbox keeps serving', async () => {
    for (const path of ['/auth/check-permissions', '/api/v1/packages/install', '/api/v1/api-keys']) {
      const res = await api.call('POST', path, { raw: `{"permissions": ${nested(5000)}, "logic": "AND"}`, headers: { 'content-type': 'application/json' } });
      assert.equal(res.status, 400, `${path}: ${res.text}`);
      assert.deepEqual(res.json, { detail: 'There was an error parsing the body' });
    }
    // Brackets inside strings are not nesting.
    const quoted = await api.call('POST', '/auth/check-permissions', { body: { permissions: [nested(5000)], logic: 'AND' } });
    assert.equal(quoted.status, 200, quoted.text);
    assert.equal((await api.call('GET', '/health')).status, 200);
  });

  it('the deepest body that parses is echoed in its 422 without crashing', async () => {
    const res = await api.call('POST', '/auth/check-permissions', { raw: `{"permissions": ${nested(999)}, "logic": "AND"}`, headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 422, res.text);
    assert.equal((await api.call('GET', '/health')).status, 200);
  });

  it('a body over 10 MB is answered 413 without being buffered', async () => {
    const res = await api.call('POST', '/api/v1/packages/install', { raw: 'x'.repeat(100 * 1024 * 1024), headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 413);
    assert.deepEqual(res.json, { detail: 'Request body too large' });
    assert.equal((await api.call('GET', '/health')).status, 200);
  });
});
