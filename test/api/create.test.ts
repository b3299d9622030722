import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { pkg, SEED_DIR, useSandbox } from './helpers';

describe('POST /api/v1/packages/create (§2.3, §6)', () => {
  const api = useSandbox({ seedDir: SEED_DIR });
  const create = (body: Record<string, unknown>) => api.call('POST', '/api/v1/packages/create', { body });

  it('builds a SinasPackage from existing rows: spec keys in order of first use, webhook by path, schedule by name', async () => {
    const res = await create({
      name: 'support-kit',
      description: 'From the instance',
      resources: [
        { type: 'agent', namespace: 'support', name: 'ticket-bot' },
        { type: 'webhook', name: 'support/new-ticket' },
        { type: 'function', namespace: 'support', name: 'lookup_customer' },
        { type: 'schedule', namespace: 'ignored', name: 'daily-digest' },
        { type: 'template', namespace: 'support', name: 'ticket-reply' },
      ],
    });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.json), ['yaml']);
    const doc = parse(res.json.yaml);
    assert.deepEqual(doc.package, { name: 'support-kit', version: '1.0.0', description: 'From the instance' });
    assert.deepEqual(Object.keys(doc.spec), ['agents', 'webhooks', 'functions', 'schedules', 'templates']);
    assert.deepEqual(doc.spec.webhooks[0], { path: 'support/new-ticket', functionName: 'support/lookup_customer', httpMethod: 'POST', requiresAuth: true, responseMode: 'sync' });
    assert.deepEqual(doc.spec.schedules[0], {
      name: 'daily-digest',
      scheduleType: 'function',
      functionName: 'default/daily_digest',
      cronExpression: '0 8 * * *',
      isActive: true,
      timezone: 'Europe/Amsterdam',
    });
    assert.deepEqual(doc.spec.agents[0].enabledSkills, [{ skill: 'support/tone-guide', preload: true }]);
    assert.deepEqual(doc.spec.agents[0].enabledCollections, [{ collection: 'support/attachments', access: 'readonly' }]);
    assert.equal(doc.spec.functions[0].code, 'def handler(input_data, context):\n    return {"email": input_data["email"], "tier": "gold"}\n');
  });

  it('writes yaml.dump-style text: unindented sequences, quoted multi-line code, no block scalars', async () => {
    const res = await create({ name: 'x', resources: [{ type: 'function', namespace: 'support', name: 'lookup_customer' }] });
    const text: string = res.json.yaml;
    assert.match(text, /^apiVersion: sinas\.co\/v1\nkind: SinasPackage\npackage:\n  name: x\n  version: 1\.0\.0\nspec:\n  functions:\n  - namespace: support\n/);
    assert.match(text, /\n    code: "def handler\(input_data, context\):\\n/);
    assert.doesNotMatch(text, /: [|>]/);
  });

  it('skips unknown types and missing rows silently', async () => {
    const res = await create({
      name: 'sparse',
      resources: [
        { type: 'app', name: 'whatever' },
        { type: 'function', namespace: 'nowhere', name: 'missing' },
        { type: 'skill', namespace: 'support', name: 'tone-guide' },
      ],
    });
    assert.equal(res.status, 200);
    const doc = parse(res.json.yaml);
    assert.deepEqual(Object.keys(doc.spec), ['skills']);
    assert.equal(doc.spec.skills.length, 1);
  });

  it('an empty selection gives an empty spec', async () => {
    const doc = parse((await create({ name: 'empty', version: '0.1.0', resources: [] })).json.yaml);
    assert.deepEqual(doc.spec, {});
    assert.equal(doc.package.version, '0.1.0');
  });

  it('422 for a missing `resources` and for a reference without `type`', async () => {
    const missing = await create({ name: 'x' });
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.json.detail[0].loc, ['body', 'resources']);
    const badRef = await create({ name: 'x', resources: [{ name: 'y' }] });
    assert.equal(badRef.status, 422);
    assert.deepEqual(badRef.json.detail[0].loc, ['body', 'resources', 0, 'type']);
  });

  it('round trip: a created package of code resources installs again (and reports the rows as update)', async () => {
    const res = await create({
      name: 'roundtrip',
      resources: [
        { type: 'function', namespace: 'support', name: 'lookup_customer' },
        { type: 'skill', namespace: 'support', name: 'tone-guide' },
        { type: 'collection', namespace: 'support', name: 'attachments' },
        { type: 'template', namespace: 'support', name: 'ticket-reply' },
      ],
    });
    const installed = await api.call('POST', '/api/v1/packages/install', { body: { source: res.json.yaml } });
    assert.equal(installed.status, 200, installed.text);
    assert.deepEqual(installed.json.apply.errors, []);
    // The rows exist unmanaged, so the first install overwrites them in place (§7.2-4).
    assert.deepEqual(installed.json.apply.summary.updated, { functions: 1, skills: 1, collections: 1, templates: 1 });
  });

  it('exports package-installed rows too, with exported keys in the serializer order', async () => {
    const source = pkg('src', `  stores:\n    - namespace: kv\n      name: memory\n      strict: true\n  queries:\n    - namespace: kv\n      name: recent\n      connectionName: analytics\n      operation: read\n      sql: select 1\n`);
    assert.equal((await api.call('POST', '/api/v1/packages/install', { body: { source } })).status, 200);
    const doc = parse((await create({ name: 'y', resources: [{ type: 'store', namespace: 'kv', name: 'memory' }, { type: 'query', namespace: 'kv', name: 'recent' }] })).json.yaml);
    assert.deepEqual(Object.keys(doc.spec.stores[0]), ['namespace', 'name', 'strict', 'defaultVisibility', 'encrypted']);
    assert.deepEqual(Object.keys(doc.spec.queries[0]), ['namespace', 'name', 'connectionName', 'operation', 'sql', 'inputSchema', 'outputSchema', 'timeoutMs', 'maxRows']);
    assert.equal(doc.spec.queries[0].connectionName, 'analytics');
  });
});
