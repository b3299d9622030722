/**
 * buildInstanceSnapshot against the seeded sandbox over real HTTP: what each list contributes,
 * which lists count as complete for which key, package ownership from exports, and failures
 * (one list failing leaves it out; an instance that cannot be read rejects).
 */
import assert from 'node:assert/strict';
import { buildInstanceSnapshot } from '../../../api/src';
import { declaredResources } from '../../../server/src/core/instance/declared-resources';
import { buildPackage, rejectsWith, useClientSandbox } from './support';

const names = (list: { items: { name: string }[] } | undefined) => list?.items.map((i) => i.name).sort();

describe('buildInstanceSnapshot', function () {
  const h = useClientSandbox();

  it('reads every list of the seeded instance, complete for an admin key, without secret values', async () => {
    const progress: number[] = [];
    const snapshot = await buildInstanceSnapshot(h.client(), { instance: 'sandbox', source: 'conn-1', resourcesOf: declaredResources, onProgress: (done) => progress.push(done) });
    assert.equal(snapshot.instance, 'sandbox');
    assert.equal(snapshot.source, 'conn-1');
    assert.ok(!Number.isNaN(Date.parse(snapshot.fetchedAt)));
    for (const [section, list] of Object.entries(snapshot.lists)) assert.equal(list?.complete, true, section);
    assert.equal(Object.keys(snapshot.lists).length, 17);
    assert.deepEqual(names(snapshot.lists.functions), ['default/daily_digest', 'support/lookup_customer']);
    assert.deepEqual(snapshot.lists.functions!.items.find((i) => i.name === 'support/lookup_customer'), { name: 'support/lookup_customer', description: 'Finds a customer by email.' });
    assert.deepEqual(names(snapshot.lists.webhooks), ['support/new-ticket']);
    assert.deepEqual(snapshot.lists.templates!.items, [{ name: 'support/ticket-reply', managedBy: null }]);
    assert.deepEqual(snapshot.lists.llmProviders!.items.find((i) => i.name === 'retired-provider'), { name: 'retired-provider', active: false, type: 'openai' });
    assert.deepEqual(snapshot.lists.databaseConnections!.items.find((i) => i.name === 'built-in'), { name: 'built-in', type: 'postgresql' });
    assert.deepEqual(names(snapshot.lists.secrets), ['HUBSPOT_ACCESS_TOKEN', 'OPENAI_API_KEY']);
    assert.deepEqual(snapshot.packages, []);
    assert.ok(!JSON.stringify(snapshot).includes('sk-sandbox-not-a-real-key'), 'no secret value');
    assert.deepEqual(progress, progress.map((_, i) => i + 1), 'progress counts up');
  });

  it('lists installed packages with what their last install declared, and connector operations', async () => {
    const client = h.client();
    await client.installPackage(
      buildPackage({
        name: 'snapshot-owner',
        functions: [{ namespace: 'owned', name: 'fn' }],
        extra: `  connectors:
    - namespace: owned
      name: api
      baseUrl: https://api.example.com
      operations:
        - name: get_item
          method: GET
          path: /items
        - name: put_item
          method: PUT
          path: /items
  templates:
    - namespace: owned
      name: mail
      htmlContent: "<p>hi</p>"
`,
      }),
    );
    const snapshot = await buildInstanceSnapshot(client, { resourcesOf: declaredResources });
    assert.deepEqual(snapshot.packages, [{ name: 'snapshot-owner', version: '1.0.0', resources: { connectors: ['owned/api'], functions: ['owned/fn'], templates: ['owned/mail'] } }]);
    assert.deepEqual(snapshot.lists.connectors!.items.find((i) => i.name === 'owned/api')?.operations, ['get_item', 'put_item']);
    assert.equal(snapshot.lists.templates!.items.find((i) => i.name === 'owned/mail')?.managedBy, 'pkg:snapshot-owner');
    // Without a reader for exports, packages are listed but what they own stays unknown.
    const bare = await buildInstanceSnapshot(client);
    assert.deepEqual(bare.packages, [{ name: 'snapshot-owner', version: '1.0.0' }]);
    await client.uninstallPackage('snapshot-owner');
  });

  it('marks lists incomplete where the key sees only its own rows, and leaves out what it may not read', async () => {
    const key = await h.createKey({ 'sinas.functions/*/*.read:own': true, 'sinas.secrets.read:own': true });
    const snapshot = await buildInstanceSnapshot(h.client({ apiKey: key }));
    assert.equal(snapshot.lists.functions?.complete, false);
    assert.equal(snapshot.lists.secrets?.complete, false);
    assert.equal(snapshot.lists.llmProviders, undefined, 'LLM providers refuse without read:all');
    assert.equal(snapshot.lists.databaseConnections, undefined);
    assert.equal(snapshot.packages, undefined, 'packages need sinas.packages.read:own');
  });

  it('marks a list that hit the 100-row cap incomplete', async () => {
    const client = h.client();
    const skills = Array.from({ length: 101 }, (_, i) => `    - namespace: capped\n      name: skill-${i}\n      description: d\n      content: c\n`).join('');
    await client.installPackage(buildPackage({ name: 'many-skills', extra: `  skills:\n${skills}` }));
    const snapshot = await buildInstanceSnapshot(client);
    assert.equal(snapshot.lists.skills?.complete, false);
    assert.equal(snapshot.lists.skills?.items.length, 100);
    assert.equal(snapshot.lists.functions?.complete, true);
    await client.uninstallPackage('many-skills');
  });

  it('leaves out a list that fails on its own, and keeps the rest', async () => {
    await h.fault({ method: 'GET', path: '/api/v1/agents', status: 500 });
    const snapshot = await buildInstanceSnapshot(h.client({ retry: { retries: 0 } }));
    assert.equal(snapshot.lists.agents, undefined);
    assert.equal(snapshot.lists.functions?.complete, true);
  });

  it('rejects when the instance cannot be read: a rejected key, a dead connection, a cancelled build', async () => {
    await rejectsWith(buildInstanceSnapshot(h.client({ apiKey: 'not-a-key' })), 'auth');
    await h.fault({ path: '/api/v1/*', reset: true });
    await rejectsWith(buildInstanceSnapshot(h.client({ retry: { retries: 0 } })), 'unreachable');
    await h.clearFaults();
    const controller = new AbortController();
    controller.abort();
    await rejectsWith(buildInstanceSnapshot(h.client(), { signal: controller.signal }), 'cancelled');
  });
});
