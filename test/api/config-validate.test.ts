import assert from 'node:assert/strict';
import { pkg, samplePackage, SEED_DIR, useSandbox } from './helpers';

describe('POST /api/v1/config/validate (§2.4)', () => {
  const api = useSandbox({ seedDir: SEED_DIR });
  const validate = (config: string) => api.call('POST', '/api/v1/config/validate', { body: { config } });

  it('a valid package: {valid: true, errors: [], warnings: []}', async () => {
    const res = await validate(samplePackage());
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { valid: true, errors: [], warnings: [] });
  });

  it('invalid YAML is valid:false with 200, never a 400', async () => {
    const res = await validate('apiVersion: sinas.co/v1\nkind: SinasPackage\nspec: [unclosed\n');
    assert.equal(res.status, 200);
    assert.equal(res.json.valid, false);
    assert.ok(res.json.errors.some((e: { path: string; message: string }) => e.path === 'root' && e.message.startsWith('Invalid YAML: ')), res.text);
  });

  it('reference errors come back as {path, message} pairs, checked against the instance too', async () => {
    const res = await validate(
      pkg('refs', `  agents:\n    - name: a\n      enabledFunctions: [support/lookup_customer, x/missing]\n      enabledSkills: [support/tone-guide]\n`),
    );
    assert.deepEqual(res.json.errors, [{ path: 'spec.agents[0].enabledFunctions', message: "Referenced function 'x/missing' not defined" }]);
  });

  it('environment sections give warnings with an empty path', async () => {
    const res = await validate(pkg('env', `  users:\n    - email: a@b.c\n`));
    assert.equal(res.json.valid, true);
    assert.deepEqual(res.json.warnings, [{ path: '', message: 'SinasPackage includes users — these are environment-specific and will be skipped during install' }]);
  });

  it('placeholders are not substituted and not resolved', async () => {
    const source = pkg('v', `  variables:\n    - name: LLM\n      type: resource_ref\n      resource: llm_providers\n  agents:\n    - name: a\n      llmProviderName: "\${{ vars.LLM }}"\n`);
    assert.deepEqual((await validate(source)).json, { valid: true, errors: [], warnings: [] });
  });

  it('a missing field is reported at the field\'s own path', async () => {
    const res = await validate(pkg('m', `  functions:\n    - namespace: a\n      code: x\n`));
    assert.equal(res.json.valid, false);
    assert.deepEqual(res.json.errors.map((e: { path: string }) => e.path), ['spec.functions[0].name']);
    const root = await validate('apiVersion: sinas.co/v1\nkind: SinasPackage\nspec: {}\n');
    assert.deepEqual(root.json.errors.map((e: { path: string }) => e.path), ['package']);
  });

  it('the body field is `config` (422 for `source`)', async () => {
    const res = await api.call('POST', '/api/v1/config/validate', { body: { source: 'x' } });
    assert.equal(res.status, 422);
    assert.deepEqual(res.json.detail[0].loc, ['body', 'config']);
  });
});
