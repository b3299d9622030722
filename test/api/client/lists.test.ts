/** The §3 list endpoints through `listResources`, normalised, against the seeded sandbox. */
import assert from 'node:assert/strict';
import { ALL_RESOURCE_KINDS, type ResourceKind } from '../../../api/src';
import { buildPackage, useClientSandbox } from './support';

/** What the seed (test/sandbox/seed/instance.yaml) puts in each list, as [type, namespace, name]. */
const SEEDED: Partial<Record<ResourceKind, [string, string | null, string][]>> = {
  agents: [['agent', 'support', 'ticket-bot']],
  functions: [
    ['function', 'support', 'lookup_customer'],
    ['function', 'default', 'daily_digest'],
  ],
  skills: [['skill', 'support', 'tone-guide']],
  collections: [['collection', 'support', 'attachments']],
  templates: [['template', 'support', 'ticket-reply']],
  webhooks: [['webhook', null, 'support/new-ticket']],
  schedules: [['schedule', null, 'daily-digest']],
  'llm-providers': [
    ['llm_provider', null, 'openai-main'],
    ['llm_provider', null, 'claude'],
  ],
  'database-connections': [
    ['database_connection', null, 'built-in'],
    ['database_connection', null, 'analytics'],
  ],
  secrets: [
    ['secret', null, 'OPENAI_API_KEY'],
    ['secret', null, 'HUBSPOT_ACCESS_TOKEN'],
  ],
  roles: [
    ['role', null, 'Admins'],
    ['role', null, 'Support'],
  ],
};

describe('SinasClient: resource lists', function () {
  const h = useClientSandbox();

  for (const kind of ALL_RESOURCE_KINDS) {
    it(`lists ${kind}`, async () => {
      const list = await h.client().listResources(kind);
      assert.equal(list.kind, kind);
      assert.equal(list.truncated, false);
      const seen = list.items.map((i) => [i.type, i.namespace, i.name]);
      for (const expected of SEEDED[kind] ?? []) assert.deepEqual(seen.find((s) => s[2] === expected[2]), expected, JSON.stringify(seen));
      for (const item of list.items) {
        assert.equal(item.kind, kind);
        assert.ok(item.name, 'every item has a name');
        assert.ok(item.raw && typeof item.raw === 'object');
      }
    });
  }

  it('keeps the raw record and the description', async () => {
    const { items } = await h.client().listResources('functions');
    const fn = items.find((i) => i.name === 'lookup_customer');
    assert.equal(fn?.description, 'Finds a customer by email.');
    assert.equal(fn?.raw.namespace, 'support');
    const { items: hooks } = await h.client().listResources('webhooks');
    assert.equal(hooks[0].raw.path, 'support/new-ticket');
  });

  it('filters by namespace (server-side where supported, else here)', async () => {
    const skills = await h.client().listResources('skills', { namespace: 'support' });
    assert.deepEqual(skills.items.map((i) => i.name), ['tone-guide']);
    assert.ok(h.logs.some((e) => e.path === '/api/v1/skills?namespace=support'));
    const functions = await h.client().listResources('functions', { namespace: 'default' });
    assert.deepEqual(functions.items.map((i) => `${i.namespace}/${i.name}`), ['default/daily_digest']);
  });

  it('pages through skip/limit lists and flags capped lists', async function () {
    this.timeout(20000);
    const client = h.client();
    const functions = Array.from({ length: 150 }, (_, i) => ({ namespace: 'bulk', name: `f${i}` }));
    const agents = Array.from({ length: 100 }, (_, i) => `    - namespace: bulk\n      name: a${i}`).join('\n');
    await client.installPackage(buildPackage({ name: 'bulk', functions, extra: `  agents:\n${agents}\n` }));

    const listed = await client.listResources('functions');
    assert.equal(listed.items.length, 152);
    assert.equal(listed.truncated, false);
    assert.deepEqual(
      h.logs.filter((e) => e.path.startsWith('/api/v1/functions')).map((e) => e.path),
      ['/api/v1/functions?skip=0&limit=100', '/api/v1/functions?skip=100&limit=100'],
    );

    const capped = await client.listResources('agents');
    assert.equal(capped.items.length, 100);
    assert.equal(capped.truncated, true);
    await client.uninstallPackage('bulk');
  });
});
