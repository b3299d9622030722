/** The snapshot a client sends is normalised (junk dropped, sizes bounded) and indexed for lookups. */
import assert from 'node:assert/strict';
import { InstanceIndex } from '../../../server/src/core/instance/instance-index';
import { instanceDocumentUri, normalizeSnapshot, parseInstanceDocumentUri } from '../../../server/src/protocol/instance-snapshot';
import { loadSnapshot } from '../../support/instance-snapshots';

describe('instance snapshot protocol', () => {
  it('rejects what is not a snapshot', () => {
    for (const raw of [null, undefined, 42, 'staging', [], {}, { instance: 'x' }, { instance: '', lists: {} }, { instance: 7, lists: {} }, { instance: 'x', lists: [] }]) {
      assert.equal(normalizeSnapshot(raw), null, JSON.stringify(raw));
    }
  });

  it('keeps what is well-formed and drops the rest', () => {
    const snapshot = normalizeSnapshot({
      instance: 'staging',
      fetchedAt: '2026-01-01T00:00:00Z',
      lists: {
        functions: { complete: true, items: [{ name: 'a/b', description: 'd', extra: 1 }, { name: '' }, 'junk', { name: 5 }, null] },
        llmProviders: { complete: 'yes', items: [{ name: 'p', active: false, type: 'openai' }, { name: 'q', active: 'no' }] },
        connectors: { complete: true, items: [{ name: 'c/d', operations: ['get', 3, '', 'put'] }] },
        templates: { complete: true, items: [{ name: 't/a', managedBy: null }, { name: 't/b', managedBy: 'pkg:x' }, { name: 't/c', managedBy: 4 }] },
        unknownSection: { complete: true, items: [{ name: 'x' }] },
        agents: 'not a list',
      },
      packages: [{ name: 'p1', version: '1.0.0', resources: { functions: ['a/b', 9], nope: ['x'] } }, { version: '2' }, { name: 'p2' }],
    });
    assert.deepEqual(snapshot, {
      instance: 'staging',
      fetchedAt: '2026-01-01T00:00:00Z',
      lists: {
        functions: { complete: true, items: [{ name: 'a/b', description: 'd' }] },
        templates: { complete: true, items: [{ name: 't/a', managedBy: null }, { name: 't/b', managedBy: 'pkg:x' }, { name: 't/c' }] },
        connectors: { complete: true, items: [{ name: 'c/d', operations: ['get', 'put'] }] },
        llmProviders: { complete: false, items: [{ name: 'p', active: false, type: 'openai' }, { name: 'q' }] },
      },
      packages: [{ name: 'p1', version: '1.0.0', resources: { functions: ['a/b'] } }, { name: 'p2' }],
    });
  });

  it('bounds huge input', function () {
    this.timeout(20_000);
    const long = 'x'.repeat(10_000);
    const items = Array.from({ length: 150_000 }, (_, i) => ({ name: `n/${i}`, description: long }));
    const snapshot = normalizeSnapshot({ instance: 'big', lists: { functions: { complete: true, items } } })!;
    assert.equal(snapshot.lists.functions!.items.length, 100_000);
    assert.equal(snapshot.lists.functions!.items[0].description!.length, 2_000);
  });
});

describe('instance document URIs', () => {
  it('round-trip, encoded as in the URI string or decoded as URI classes give them', () => {
    const uri = instanceDocumentUri({ instance: 'my staging', source: 'id 1' }, 'functions', 'support/lookup customer');
    assert.equal(uri, 'sinas-instance:/my%20staging/functions/support%2Flookup%20customer.yaml?id%201');
    const parsed = new URL(uri);
    const expected = { source: 'id 1', instance: 'my staging', section: 'functions', identity: 'support/lookup customer', format: 'yaml' };
    assert.deepEqual(parseInstanceDocumentUri(parsed.pathname, parsed.search.slice(1)), expected);
    assert.deepEqual(parseInstanceDocumentUri('/my staging/functions/support/lookup customer.yaml', 'id 1', false), expected);
    assert.equal(instanceDocumentUri({ instance: 'x' }, 'llmProviders', 'claude'), 'sinas-instance:/x/llmProviders/claude.json');
    assert.equal(parseInstanceDocumentUri('/x/nonsense/a.yaml', ''), undefined);
    assert.equal(parseInstanceDocumentUri('/x/functions/a.txt', ''), undefined);
  });
});

describe('instance index', () => {
  const index = new InstanceIndex(loadSnapshot('staging'));

  it('answers found, missing (complete list) and unknown (incomplete or absent list)', () => {
    assert.equal(index.presence('functions', 'support/lookup_customer').kind, 'found');
    assert.equal(index.presence('functions', 'support/nobody').kind, 'missing');
    assert.equal(index.presence('queries', 'reports/daily_sales').kind, 'found');
    assert.equal(index.presence('queries', 'reports/other').kind, 'unknown');
    assert.equal(index.presence('users', 'a@b.c').kind, 'unknown');
  });

  it('tells who owns a resource: managed_by first, then package exports', () => {
    const item = (section: 'functions' | 'templates', name: string) => {
      const p = index.presence(section, name);
      assert.equal(p.kind, 'found');
      return p.kind === 'found' ? p.item : undefined!;
    };
    assert.deepEqual(index.ownership('functions', 'crm/sync_contacts', item('functions', 'crm/sync_contacts')), { kind: 'package', name: 'crm-sync' });
    assert.deepEqual(index.ownership('functions', 'support/lookup_customer', item('functions', 'support/lookup_customer')), { kind: 'none' });
    assert.deepEqual(index.ownership('templates', 'mail/footer', item('templates', 'mail/footer')), { kind: 'none', managedBy: 'config' });
    assert.deepEqual(index.ownership('templates', 'support/ticket-reply', item('templates', 'support/ticket-reply')), { kind: 'none' });
    const unknown = new InstanceIndex({ ...loadSnapshot('staging'), packages: [{ name: 'opaque' }] });
    assert.deepEqual(unknown.ownership('functions', 'support/lookup_customer', item('functions', 'support/lookup_customer')), { kind: 'unknown' });
  });

  it('suggests close names, comparing only the namespace of the word in long lists', () => {
    const names = Array.from({ length: 5_000 }, (_, i) => ({ name: `ns${i % 50}/function_${i}` }));
    const big = new InstanceIndex({ instance: 'big', fetchedAt: '', lists: { functions: { complete: true, items: names } } });
    assert.equal(big.suggest('functions', 'ns42/functon_42'), 'ns42/function_42');
    assert.equal(big.suggest('functions', 'completely/different'), undefined);
    // 5,000 names of one namespace: too many to compare on a keystroke, so no suggestion.
    const flat = new InstanceIndex({ instance: 'flat', fetchedAt: '', lists: { functions: { complete: true, items: names.map((_, i) => ({ name: `ns/function_${i}` })) } } });
    assert.equal(flat.suggest('functions', 'ns/functon_42'), undefined);
    assert.equal(index.suggest('functions', 'support/lookup_custmer'), 'support/lookup_customer');
  });
});
