import assert from 'node:assert/strict';
import { pkg, useSandbox } from './helpers';

const SOURCE = pkg(
  'vars-demo',
  `  variables:
    - name: APP_URL
      type: text
      description: Base URL of the app
      example: http://host.docker.internal:8080
      pattern: "https?://.+"
      required: true
    - name: PRIMARY_LLM
      type: resource_ref
      resource: llm_providers
      required: true
    - name: ENABLE_LOGGING
      type: boolean
      default: false
    - name: MODE
      type: enum
      choices: [fast, thorough]
      default: fast
    - name: API_KEY
      type: secret
      description: External service API key
      required: true
  connectors:
    - namespace: demo
      name: crm
      baseUrl: "\${{ vars.APP_URL }}"
      auth:
        type: bearer
        secret: "\${{ vars.API_KEY }}"
      operations:
        - name: ping
          method: GET
          path: /ping
  agents:
    - namespace: demo
      name: helper
      llmProviderName: "\${{ vars.PRIMARY_LLM }}"
      systemPrompt: "Mode \${{ vars.MODE }}, logging \${{ vars.ENABLE_LOGGING }}"
`,
);

const GOOD = { APP_URL: 'https://crm.example.com', PRIMARY_LLM: 'claude', API_KEY: 's3cret' };

describe('install-time variables (seed)', () => {
  const api = useSandbox({ seedDir: 'test/sandbox/seed' });
  const preview = (variables?: Record<string, unknown>) => api.call('POST', '/api/v1/packages/preview', { body: { source: SOURCE, variables } });
  const install = (variables?: Record<string, unknown>, source = SOURCE) => api.call('POST', '/api/v1/packages/install', { body: { source, variables } });

  it('preview without values: 200, the declarations, requires_input true, placeholders left unchecked', async () => {
    const res = await preview();
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.requires_input, true);
    assert.deepEqual(res.json.variables[0], {
      name: 'APP_URL',
      type: 'text',
      description: 'Base URL of the app',
      required: true,
      default: null,
      choices: null,
      pattern: 'https?://.+',
      resource: null,
      example: 'http://host.docker.internal:8080',
    });
    assert.deepEqual(res.json.variables.map((v: { name: string }) => v.name), ['APP_URL', 'PRIMARY_LLM', 'ENABLE_LOGGING', 'MODE', 'API_KEY']);
    assert.deepEqual(res.json.variables[3].choices, ['fast', 'thorough']);
    assert.deepEqual(res.json.summary.created, { connectors: 1, agents: 1 });
  });

  it('preview with every required value: requires_input false, and the secret shows as a create', async () => {
    const res = await preview(GOOD);
    assert.equal(res.json.requires_input, false);
    assert.deepEqual(res.json.summary.created, { secrets: 1, connectors: 1, agents: 1 });
    assert.equal(api.sandbox.state.resources.secrets?.some((s) => s.name === 'API_KEY'), false, 'preview writes nothing');
  });

  it('install without the required values: 400 naming each missing variable', async () => {
    const res = await install({ MODE: 'fast' });
    assert.equal(res.status, 400);
    assert.equal(
      res.json.detail,
      "Package validation failed: variables.APP_URL: Required variable 'APP_URL' is missing; " +
        "variables.PRIMARY_LLM: Required variable 'PRIMARY_LLM' is missing; " +
        "variables.API_KEY: Required variable 'API_KEY' is missing",
    );
  });

  const misfits: [string, Record<string, unknown>, string][] = [
    ['an enum value outside the choices', { MODE: 'slow' }, "variables.MODE: Value 'slow' is not one of the choices: fast, thorough"],
    ['a boolean that is not true/false', { ENABLE_LOGGING: 'maybe' }, "variables.ENABLE_LOGGING: Value 'maybe' is not a boolean (true or false)"],
    ['text not matching its pattern', { APP_URL: 'crm.example.com' }, "variables.APP_URL: Value 'crm.example.com' does not contain a match for the pattern 'https?://.+'"],
    ['a resource_ref to a missing provider', { PRIMARY_LLM: 'nope' }, "variables.PRIMARY_LLM: Referenced LLM provider 'nope' not defined"],
    ['a resource_ref to an inactive provider', { PRIMARY_LLM: 'retired-provider' }, "variables.PRIMARY_LLM: Referenced LLM provider 'retired-provider' not defined"],
  ];
  for (const [what, override, detail] of misfits) {
    it(`install with ${what}: 400`, async () => {
      const res = await install({ ...GOOD, ...override });
      assert.equal(res.status, 400);
      assert.equal(res.json.detail, `Package validation failed: ${detail}`);
      assert.equal((await api.call('GET', '/api/v1/packages/vars-demo')).status, 404);
    });
  }

  it('install with good values substitutes them; the secret becomes a Secret named after the variable', async () => {
    const res = await install({ ...GOOD, ENABLE_LOGGING: true });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.apply.changes[0], { action: 'create', resourceType: 'secrets', resourceName: 'API_KEY', details: null, changes: null });
    const connector = (await api.call('GET', '/api/v1/connectors/demo/crm')).json;
    assert.equal(connector.base_url, 'https://crm.example.com');
    assert.deepEqual(connector.auth, { type: 'bearer', secret: 'API_KEY' });
    const agent = (await api.call('GET', '/api/v1/agents/demo/helper')).json;
    assert.equal(agent.system_prompt, 'Mode fast, logging true');
    const secret = (await api.call('GET', '/api/v1/secrets/API_KEY')).json;
    assert.equal(secret.name, 'API_KEY');
    assert.equal(secret.description, 'External service API key');
    assert.equal(secret.value, undefined, 'secret values are never returned');
    assert.equal(api.sandbox.state.resources.secrets?.find((s) => s.name === 'API_KEY')?.value, 's3cret');
  });

  it('Package.values keeps the last values, "***" for the secret; export keeps the placeholders', async () => {
    const res = await api.call('GET', '/api/v1/packages/vars-demo');
    assert.deepEqual(res.json.values, {
      APP_URL: 'https://crm.example.com',
      PRIMARY_LLM: 'claude',
      ENABLE_LOGGING: true,
      MODE: 'fast',
      API_KEY: '***',
    });
    const exported = await api.call('GET', '/api/v1/packages/vars-demo/export');
    assert.equal(exported.text, SOURCE);
    assert.equal(JSON.stringify(api.sandbox.state.packages).includes('s3cret'), false, 'the credential is not in the package row');
  });

  it('an upgrade needs no secret value when the Secret exists; a new value updates it', async () => {
    const { API_KEY: _omit, ...withoutSecret } = GOOD;
    const again = await install({ ...withoutSecret, MODE: 'thorough' });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.apply.changes.some((c: { resourceType: string }) => c.resourceType === 'secrets'), false);
    assert.equal(again.json.package.values.API_KEY, '***');
    assert.equal(again.json.package.values.MODE, 'thorough');
    assert.equal(api.sandbox.state.resources.secrets?.find((s) => s.name === 'API_KEY')?.value, 's3cret');
    const rotated = await install({ ...GOOD, API_KEY: 'rotated' });
    assert.equal(rotated.json.apply.changes[0].action, 'update');
    assert.equal(api.sandbox.state.resources.secrets?.find((s) => s.name === 'API_KEY')?.value, 'rotated');
  });

  it('uninstall keeps the Secret (secrets are never removed)', async () => {
    assert.equal((await api.call('DELETE', '/api/v1/packages/vars-demo')).status, 204);
    assert.ok(api.sandbox.state.resources.secrets?.some((s) => s.name === 'API_KEY'));
  });

  it('a use of an undeclared variable is the core error, reported at its path', async () => {
    const res = await install({}, pkg('undeclared', `  skills:\n    - name: s\n      description: "\${{ vars.NOPE }}"\n      content: c\n`));
    assert.equal(res.status, 400);
    assert.match(res.json.detail, /^Package validation failed: spec\.skills\[0\]\.description: Variable `NOPE` is not declared/);
  });

  it('JSON booleans and numbers are accepted where they fit', async () => {
    const source = pkg(
      'typed',
      `  variables:\n    - name: N\n      type: text\n    - name: B\n      type: boolean\n  skills:\n    - name: s\n      description: "n=\${{ vars.N }} b=\${{ vars.B }}"\n      content: c\n`,
    );
    const res = await install({ N: 42, B: false }, source);
    assert.equal(res.status, 200, res.text);
    assert.equal(api.sandbox.state.resources.skills?.find((s) => s.name === 's')?.description, 'n=42 b=false');
    assert.deepEqual(res.json.package.values, { N: 42, B: false });
  });
});

describe('--no-variables: a Sinas that predates install-time variables', () => {
  const api = useSandbox({ variables: false });

  it('preview has no `variables` / `requires_input` keys', async () => {
    const res = await api.call('POST', '/api/v1/packages/preview', { body: { source: pkg('old', `  skills:\n    - name: s\n      description: d\n      content: c\n`) } });
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.json), ['success', 'summary', 'changes', 'errors', 'warnings']);
  });

  it('spec.variables is an unknown key (400), as ConfigSpec forbids extras', async () => {
    const res = await api.call('POST', '/api/v1/packages/install', { body: { source: SOURCE, variables: GOOD } });
    assert.equal(res.status, 400);
    assert.equal(res.json.detail, 'Package validation failed: spec.variables: Extra inputs are not permitted');
  });

  it('`${{ vars.X }}` is stored literally, and packages have no `values`', async () => {
    const source = pkg('literal', `  skills:\n    - name: s\n      description: "Hello \${{ vars.WHO }}"\n      content: c\n`);
    const res = await api.call('POST', '/api/v1/packages/install', { body: { source, variables: { WHO: 'world' } } });
    assert.equal(res.status, 200, res.text);
    assert.equal(api.sandbox.state.resources.skills?.[0].description, 'Hello ${{ vars.WHO }}');
    assert.equal('values' in res.json.package, false);
    assert.equal('values' in (await api.call('GET', '/api/v1/packages/literal')).json, false);
  });
});
