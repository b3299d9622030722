import assert from 'node:assert/strict';
import { checkColumns } from '../sandbox/resources/columns';
import { pkg, samplePackage, useSandbox } from './helpers';

const rows = (api: ReturnType<typeof useSandbox>, section: string) => api.sandbox.state.resources[section] ?? [];
const managedBy = (api: ReturnType<typeof useSandbox>, section: string, name: string) =>
  rows(api, section).find((r) => r.name === name)?.managed_by;

describe('packages: install → list → get → export → detach → uninstall (§2, §7)', () => {
  const api = useSandbox({ seedDir: 'test/sandbox/seed' });
  // CRLF, a comment and trailing spaces: export must hand back exactly these bytes.
  const source = `${samplePackage('crm')}# trailing comment  \r\n`;

  it('installs: 200 {package, apply} with created actions and managed_by tags', async () => {
    const res = await api.call('POST', '/api/v1/packages/install', { body: { source } });
    assert.equal(res.status, 200, res.text);
    const { package: p, apply } = res.json;
    assert.deepEqual(Object.keys(p), ['id', 'name', 'version', 'description', 'author', 'source_url', 'installed_by', 'installed_at', 'updated_at', 'values']);
    assert.equal(p.name, 'crm');
    assert.equal(p.version, '1.0.0');
    assert.equal(p.updated_at, null);
    assert.equal(apply.success, true);
    assert.deepEqual(apply.summary, { created: { functions: 1, skills: 1, agents: 1 }, updated: {}, unchanged: {}, deleted: {} });
    assert.deepEqual(apply.changes[0], { action: 'create', resourceType: 'functions', resourceName: 'crm/lookup', details: null, changes: null });
    assert.deepEqual(apply.errors, []);
    assert.equal(managedBy(api, 'functions', 'lookup'), 'pkg:crm');
    assert.equal(rows(api, 'functions').find((r) => r.name === 'lookup')?.config_name, 'crm');
    assert.match(String(rows(api, 'functions').find((r) => r.name === 'lookup')?.config_checksum), /^[0-9a-f]{64}$/);
  });

  it('lists it (PackageListResponse keys) and gets it (PackageResponse + values)', async () => {
    const list = await api.call('GET', '/api/v1/packages');
    assert.deepEqual(Object.keys(list.json[0]), ['id', 'name', 'version', 'description', 'author', 'installed_at']);
    assert.deepEqual(list.json.map((p: { name: string }) => p.name), ['crm']);
    const one = await api.call('GET', '/api/v1/packages/crm');
    assert.equal(one.status, 200);
    assert.deepEqual(one.json.values, {});
  });

  it('exports the exact source text as text/yaml', async () => {
    const res = await api.call('GET', '/api/v1/packages/crm/export');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/yaml; charset=utf-8');
    assert.equal(res.text, source);
  });

  it('the resources appear in their list endpoints, in snake_case', async () => {
    const functions = await api.call('GET', '/api/v1/functions');
    const lookup = functions.json.find((f: { name: string }) => f.name === 'lookup');
    assert.equal(lookup.namespace, 'crm');
    assert.equal(lookup.shared_pool, false);
    assert.equal(lookup.managed_by, undefined, 'functions do not expose managed_by');
    const agent = await api.call('GET', '/api/v1/agents/crm/assistant');
    assert.deepEqual(agent.json.enabled_skills, [{ skill: 'crm/guide', preload: false }]);
    assert.deepEqual(agent.json.enabled_functions, ['crm/lookup']);
  });

  it('editing a managed function through PUT detaches it (managed_by cleared)', async () => {
    const res = await api.call('PUT', '/api/v1/functions/crm/lookup', { body: { description: 'edited by hand' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.description, 'edited by hand');
    const row = rows(api, 'functions').find((r) => r.name === 'lookup')!;
    assert.equal(row.managed_by, null);
    assert.equal(row.config_name, null);
    assert.equal(row.config_checksum, null);
  });

  it('uninstall answers 204 with an empty body and removes exactly the managed rows and the package', async () => {
    const res = await api.call('DELETE', '/api/v1/packages/crm');
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    assert.deepEqual(rows(api, 'agents').map((r) => r.name).sort(), ['ticket-bot']);
    assert.equal(rows(api, 'skills').some((r) => r.name === 'guide'), false);
    // The detached function survives, as do the seed's unmanaged rows.
    assert.deepEqual(rows(api, 'functions').map((r) => r.name).sort(), ['daily_digest', 'lookup', 'lookup_customer']);
    assert.equal((await api.call('GET', '/api/v1/packages')).json.length, 0);
  });

  it('404s with the backend details after uninstall', async () => {
    assert.deepEqual((await api.call('GET', '/api/v1/packages/crm')).json, { detail: "Package 'crm' not found" });
    assert.deepEqual((await api.call('GET', '/api/v1/packages/crm/export')).json, { detail: "Package 'crm' not found" });
    const again = await api.call('DELETE', '/api/v1/packages/crm');
    assert.equal(again.status, 404);
    assert.deepEqual(again.json, { detail: "Package 'crm' is not installed" });
  });

  it('re-installing updates the detached function again but leaves it unmanaged (§7.3)', async () => {
    const res = await api.call('POST', '/api/v1/packages/install', { body: { source } });
    const fn = res.json.apply.changes.find((c: { resourceName: string }) => c.resourceName === 'crm/lookup');
    assert.equal(fn.action, 'update');
    const row = rows(api, 'functions').find((r) => r.name === 'lookup')!;
    assert.equal(row.description, null, 'the hand edit is overwritten');
    assert.equal(row.managed_by, null);
    await api.call('DELETE', '/api/v1/packages/crm');
  });
});

describe('packages: upgrade, idempotence, concurrency (§7.4)', () => {
  const api = useSandbox();
  const snapshot = () => JSON.parse(JSON.stringify(api.sandbox.state.resources));

  it('installing twice gives the same state; the second install reports everything unchanged', async () => {
    const source = samplePackage('twice');
    const first = await api.call('POST', '/api/v1/packages/install', { body: { source } });
    assert.equal(first.status, 200);
    const before = snapshot();
    const second = await api.call('POST', '/api/v1/packages/install', { body: { source } });
    assert.equal(second.status, 200);
    assert.deepEqual(second.json.apply.summary, { created: {}, updated: {}, unchanged: { functions: 1, skills: 1, agents: 1 }, deleted: {} });
    assert.deepEqual(snapshot(), before);
    assert.equal(second.json.package.id, first.json.package.id);
    assert.equal(second.json.package.installed_at, first.json.package.installed_at);
    assert.notEqual(second.json.package.updated_at, null);
  });

  it('an upgrade updates changed resources in place and never prunes removed ones', async () => {
    const v2 = pkg('twice', `  functions:\n    - namespace: crm\n      name: lookup\n      code: "def handler(i, c): return 2"\n`, '2.0.0');
    const res = await api.call('POST', '/api/v1/packages/install', { body: { source: v2 } });
    assert.deepEqual(res.json.apply.summary.updated, { functions: 1 });
    assert.equal(res.json.package.version, '2.0.0');
    assert.equal(api.sandbox.state.resources.agents?.find((a) => a.name === 'assistant')?.managed_by, 'pkg:twice');
    assert.equal((await api.call('GET', '/api/v1/packages/twice/export')).text, v2);
  });

  it('concurrent installs of the same package leave one consistent package and no duplicates', async () => {
    const source = samplePackage('race', 'race');
    const results = await Promise.all(Array.from({ length: 8 }, () => api.call('POST', '/api/v1/packages/install', { body: { source } })));
    assert.deepEqual(results.map((r) => r.status), Array(8).fill(200));
    const creates = results.filter((r) => r.json.apply.summary.created.functions === 1);
    assert.equal(creates.length, 1, 'exactly one install created the resources');
    assert.equal(api.sandbox.state.packages.filter((p) => p.name === 'race').length, 1);
    assert.equal(api.sandbox.state.resources.functions?.filter((f) => f.namespace === 'race').length, 1);
    assert.equal(api.sandbox.state.resources.agents?.filter((f) => f.namespace === 'race').length, 1);
  });
});

describe('packages: ownership, skipped sections, partial installs (§2.1, §7.2)', () => {
  const api = useSandbox({ seedDir: 'test/sandbox/seed' });
  const install = (source: string) => api.call('POST', '/api/v1/packages/install', { body: { source } });

  it('a resource owned by another package is skipped with the exact warning and reported unchanged', async () => {
    assert.equal((await install(samplePackage('owner-a', 'shared'))).status, 200);
    const res = await install(samplePackage('owner-b', 'shared'));
    assert.equal(res.status, 200);
    assert.ok(res.json.apply.warnings.includes("Functions 'shared/lookup' exists but is managed by 'pkg:owner-a'. Skipping."));
    assert.ok(res.json.apply.warnings.includes("Agents 'shared/assistant' exists but is managed by 'pkg:owner-a'. Skipping."));
    assert.deepEqual(res.json.apply.summary.unchanged, { functions: 1, skills: 1, agents: 1 });
    assert.equal(api.sandbox.state.resources.functions?.find((f) => f.namespace === 'shared')?.managed_by, 'pkg:owner-a');
  });

  it('"Databasetriggers" is how str.title() spells the trigger warning', async () => {
    const trigger = `  databaseTriggers:\n    - name: on-order\n      connectionName: built-in\n      tableName: orders\n      functionName: support/lookup_customer\n      pollColumn: id\n`;
    assert.equal((await install(pkg('trig-a', trigger))).status, 200);
    const res = await install(pkg('trig-b', trigger));
    assert.ok(res.json.apply.warnings.includes("Databasetriggers 'on-order' exists but is managed by 'pkg:trig-a'. Skipping."));
  });

  it('an existing unmanaged resource is overwritten (update) and stays unmanaged', async () => {
    const res = await install(pkg('takeover', `  functions:\n    - namespace: support\n      name: lookup_customer\n      code: "def handler(i, c): return 1"\n`));
    assert.equal(res.json.apply.changes[0].action, 'update');
    const row = api.sandbox.state.resources.functions?.find((f) => f.name === 'lookup_customer');
    assert.equal(row?.managed_by, null);
    assert.equal(row?.code, 'def handler(i, c): return 1');
    await api.call('DELETE', '/api/v1/packages/takeover');
    assert.ok(api.sandbox.state.resources.functions?.some((f) => f.name === 'lookup_customer'), 'uninstall does not delete it');
  });

  it('environment sections are skipped with the backend warnings; a query on a skipped connection is a partial install', async () => {
    const source = pkg(
      'envy',
      `  roles:
    - name: Envy
  llmProviders:
    - name: envy-llm
      type: openai
  databaseConnections:
    - name: envy-db
      connectionType: postgresql
      host: h
      port: 5432
      database: d
      username: u
  queries:
    - name: orders
      connectionName: envy-db
      operation: read
      sql: select 1
  skills:
    - name: fine
      description: d
      content: c
`,
    );
    const res = await install(source);
    assert.equal(res.status, 200, res.text);
    const { apply } = res.json;
    assert.equal(apply.success, true);
    assert.deepEqual(apply.errors, ["Database connection 'envy-db' not found for query 'default/orders'"]);
    assert.deepEqual(apply.warnings, [
      'SinasPackage includes roles — these are environment-specific and will be skipped during install',
      'SinasPackage includes llmProviders — these are environment-specific and will be skipped during install',
      'SinasPackage includes databaseConnections — these are environment-specific and will be skipped during install',
    ]);
    assert.deepEqual(apply.summary.created, { skills: 1 });
    assert.equal(api.sandbox.state.roles.some((r) => r.name === 'Envy'), false);
    assert.equal((await api.call('GET', '/api/v1/packages/envy')).status, 200, 'the package row is recorded anyway');
  });

  it('a trigger on a missing connection and a secret without value are apply errors (200, partial)', async () => {
    const res = await install(
      pkg(
        'partial',
        `  secrets:
    - name: NEVER_SET
  databaseTriggers:
    - name: t1
      connectionName: nowhere
      tableName: x
      functionName: support/lookup_customer
      pollColumn: id
  stores:
    - name: kept
`,
      ),
    );
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.apply.errors, [
      "Secret 'NEVER_SET' does not exist and no value provided — cannot create.",
      "Database trigger 't1': connection 'nowhere' not found",
    ]);
    assert.deepEqual(res.json.apply.summary.created, { stores: 1 });
  });

  it('400 Expected kind: SinasPackage for a SinasConfig document', async () => {
    const res = await install('apiVersion: sinas.co/v1\nkind: SinasConfig\nmetadata:\n  name: x\nspec: {}\n');
    assert.equal(res.status, 400);
    assert.deepEqual(res.json, { detail: 'Expected kind: SinasPackage' });
  });

  it('400 Package validation failed with the server\'s reference checks against the instance, nothing applied', async () => {
    const res = await install(pkg('refs', `  agents:\n    - name: a\n      enabledFunctions: [nowhere/fn]\n      llmProviderName: nope\n`));
    assert.equal(res.status, 400);
    assert.equal(
      res.json.detail,
      "Package validation failed: spec.agents[0].llmProviderName: Referenced LLM provider 'nope' not defined; " +
        "spec.agents[0].enabledFunctions: Referenced function 'nowhere/fn' not defined",
    );
    assert.equal((await api.call('GET', '/api/v1/packages/refs')).status, 404);
  });

  it('the language core\'s errors come first, at their path (a webhook functionName written ns/name)', async () => {
    const res = await install(pkg('hook', `  webhooks:\n    - path: hook\n      functionName: support/lookup_customer\n`));
    assert.equal(res.status, 400);
    assert.match(res.json.detail, /^Package validation failed: spec\.webhooks\[0\]\.functionName: /);
    assert.equal((await api.call('GET', '/api/v1/packages/hook')).status, 404);
  });

  it('preview returns the bare ConfigApplyResponse and changes nothing', async () => {
    const before = JSON.stringify(api.sandbox.state);
    const res = await api.call('POST', '/api/v1/packages/preview', { body: { source: samplePackage('pv', 'pv') } });
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.json), ['success', 'summary', 'changes', 'errors', 'warnings', 'variables', 'requires_input']);
    assert.deepEqual(res.json.summary.created, { functions: 1, skills: 1, agents: 1 });
    assert.equal(JSON.stringify(api.sandbox.state), before);
  });

  it('preview reports partial-install errors with 200 too', async () => {
    const res = await api.call('POST', '/api/v1/packages/preview', { body: { source: pkg('pv2', `  secrets:\n    - name: NOT_THERE\n`) } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.errors, ["Secret 'NOT_THERE' does not exist and no value provided — cannot create."]);
  });
});

describe('packages: failures the backend only meets at commit (§2.1, pitfalls 11/24/30)', () => {
  // The real backend accepts these at validation and fails at commit with a bare 500. The sandbox
  // validates with the language core's error-level checks, which already name them, so it refuses
  // them up front with the backend's 400 shape; the column rules themselves are tested directly.
  const api = useSandbox();
  const longName = 'c'.repeat(101);
  const source = pkg('too-long', `  skills:\n    - name: fine\n      description: d\n      content: c\n  collections:\n    - name: ${longName}\n`);

  for (const endpoint of ['preview', 'install']) {
    it(`${endpoint} refuses a name longer than its column, changing nothing`, async () => {
      const before = JSON.stringify(api.sandbox.state);
      const res = await api.call('POST', `/api/v1/packages/${endpoint}`, { body: { source } });
      assert.equal(res.status, 400);
      assert.match(res.json.detail, /^Package validation failed: spec\.collections\[0\]\.name: /);
      assert.equal(JSON.stringify(api.sandbox.state), before);
    });
  }

  it('a package author over 255 characters is refused the same way', async () => {
    const source = `apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: long-author\n  author: ${'a'.repeat(256)}\nspec: {}\n`;
    const res = await api.call('POST', '/api/v1/packages/install', { body: { source } });
    assert.equal(res.status, 400);
    assert.match(res.json.detail, /package\.author: /);
    assert.equal(api.sandbox.state.packages.length, 0);
  });

  it('the column rules: lengths per table and the webhook method enum', () => {
    assert.throws(() => checkColumns('webhooks', { path: 'p', http_method: 'post' }), /invalid input value for enum httpmethod: "post"/);
    assert.doesNotThrow(() => checkColumns('webhooks', { path: 'p', http_method: 'POST', response_mode: 'sync' }));
    assert.throws(() => checkColumns('webhooks', { path: 'p', response_mode: 'fire-and-forget' }), /varying\(10\)/);
    assert.throws(() => checkColumns('stores', { namespace: 'n', name: 'x'.repeat(101) }), /varying\(100\)/);
    assert.doesNotThrow(() => checkColumns('functions', { namespace: 'n', name: 'x'.repeat(255) }));
  });

  it('a package name with a slash installs, as on the backend, and can then never be fetched or uninstalled', async () => {
    const res = await api.call('POST', '/api/v1/packages/install', { body: { source: pkg('team/tools', '  skills: []\n') } });
    assert.equal(res.status, 200);
    assert.deepEqual(api.sandbox.state.packages.map((p) => p.name), ['team/tools']);
    for (const method of ['GET', 'DELETE']) assert.equal((await api.call(method, '/api/v1/packages/team%2Ftools')).status, 404);
  });

  it('a package path segment that decodes to a slash does not route', async () => {
    for (const method of ['GET', 'DELETE']) {
      const one = await api.call(method, '/api/v1/packages/team%2Ftools');
      assert.equal(one.status, 404);
      assert.deepEqual(one.json, { detail: 'Not Found' });
    }
  });
});

describe('packages: inactive rows are reclaimed by any package (§7.2-1)', () => {
  const api = useSandbox();
  const schedule = (name: string, active = true, job = 'shared-job') =>
    pkg(name, `  functions:\n    - name: job_${name.replace('-', '_')}\n      code: "def handler(i, c): return 1"\n  schedules:\n    - name: ${job}\n      functionName: job_${name.replace('-', '_')}\n      cronExpression: "0 1 * * *"\n      isActive: ${active}\n`);

  it('a deactivated schedule owned by nobody is taken over by the next package', async () => {
    assert.equal((await api.call('POST', '/api/v1/packages/install', { body: { source: schedule('pkg-a') } })).status, 200);
    assert.equal((await api.call('PATCH', '/api/v1/schedules/shared-job', { body: { is_active: false } })).status, 200);
    const res = await api.call('POST', '/api/v1/packages/install', { body: { source: schedule('pkg-b') } });
    const change = res.json.apply.changes.find((c: { resourceType: string }) => c.resourceType === 'schedules');
    assert.equal(change.action, 'update');
    const row = api.sandbox.state.resources.schedules!.find((s) => s.name === 'shared-job')!;
    assert.equal(row.managed_by, 'pkg:pkg-b');
    assert.equal(row.is_active, true);
  });

  it('a schedule declared with isActive: false reads "update" on every install', async () => {
    const source = schedule('pkg-c', false, 'paused-job');
    await api.call('POST', '/api/v1/packages/install', { body: { source } });
    for (let i = 0; i < 2; i++) {
      const res = await api.call('POST', '/api/v1/packages/install', { body: { source } });
      assert.deepEqual(res.json.apply.summary.updated, { schedules: 1 });
    }
  });
});
