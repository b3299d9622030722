import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpus, SEED_DIR, useSandbox } from './helpers';

describe('the real corpus packages install cleanly', () => {
  const api = useSandbox({ seedDir: SEED_DIR });

  for (const name of ['sinas-package-author', 'ddf-powerpoint']) {
    it(`${name}: preview, install, re-install unchanged, export byte-identical, uninstall`, async () => {
      const source = corpus(name);
      const preview = await api.call('POST', '/api/v1/packages/preview', { body: { source } });
      assert.equal(preview.status, 200, preview.text);
      assert.equal(preview.json.requires_input, false);

      const started = performance.now();
      const install = await api.call('POST', '/api/v1/packages/install', { body: { source } });
      const elapsed = performance.now() - started;
      assert.equal(install.status, 200, install.text);
      assert.deepEqual(install.json.apply.errors, []);
      assert.deepEqual(install.json.apply.warnings, []);
      assert.deepEqual(install.json.apply.summary.created, preview.json.summary.created);
      console.log(`      ${name}: ${source.length} chars installed in ${elapsed.toFixed(1)} ms`);

      const again = await api.call('POST', '/api/v1/packages/install', { body: { source } });
      assert.deepEqual(again.json.apply.summary.created, {});
      assert.deepEqual(again.json.apply.summary.updated, {});
      assert.equal((await api.call('GET', `/api/v1/packages/${name}/export`)).text, source);
      assert.equal((await api.call('DELETE', `/api/v1/packages/${name}`)).status, 204);
    });
  }

  it('sinas-package-author: the agent keeps its built-in connection in systemTools', async () => {
    const source = corpus('sinas-package-author');
    assert.equal((await api.call('POST', '/api/v1/packages/install', { body: { source } })).status, 200);
    const agent = (await api.call('GET', '/api/v1/agents/sinas/package-author')).json;
    assert.deepEqual(agent.system_tools[2], { name: 'databaseIntrospection', connections: ['built-in'] });
    assert.deepEqual(agent.enabled_collections, [{ collection: 'sinas/packages', access: 'readwrite' }]);
  });
});

describe('the repository\'s examples install cleanly', () => {
  const api = useSandbox({ seedDir: SEED_DIR });
  const examples: [string, Record<string, unknown>][] = [
    ['crm-support', { CRM_URL: 'https://crm.example.com/api', CRM_API_KEY: 'example-key' }],
    ['docs-assistant', {}],
    ['ops-automation', {}],
  ];
  for (const [name, variables] of examples) {
    it(`examples/${name}.sinas.yaml`, async () => {
      const source = readFileSync(`examples/${name}.sinas.yaml`, 'utf8');
      const res = await api.call('POST', '/api/v1/packages/install', { body: { source, variables } });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.json.apply.errors, []);
      assert.equal((await api.call('GET', `/api/v1/packages/${res.json.package.name}/export`)).text, source);
    });
  }
});
