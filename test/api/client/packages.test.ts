/** Every package endpoint method of SinasClient, over HTTP against the sandbox. */
import assert from 'node:assert/strict';
import { corpus } from '../helpers';
import { buildPackage, rejectsWith, useClientSandbox } from './support';

describe('SinasClient: packages', function () {
  const h = useClientSandbox();

  it('health answers without needing permissions', async () => {
    assert.deepEqual(await h.client().health(), { status: 'healthy' });
  });

  it('installs, lists, gets, exports and uninstalls a package', async () => {
    const client = h.client();
    const source = buildPackage({ name: 'round-trip', version: '2.0.0', functions: [{ namespace: 'rt', name: 'hello' }] });

    const installed = await client.installPackage(source);
    assert.equal(installed.outcome, 'installed');
    assert.equal(installed.package.name, 'round-trip');
    assert.equal(installed.package.version, '2.0.0');
    assert.deepEqual(installed.apply.changes.map((c) => [c.action, c.resourceType, c.resourceName]), [['create', 'functions', 'rt/hello']]);

    const list = await client.listPackages();
    assert.ok(list.some((p) => p.name === 'round-trip' && p.version === '2.0.0'));

    const got = await client.getPackage('round-trip');
    assert.equal(got.id, installed.package.id);
    assert.equal(typeof got.installed_at, 'string');

    assert.equal(await client.exportPackage('round-trip'), source);

    await client.uninstallPackage('round-trip');
    await rejectsWith(client.getPackage('round-trip'), 'notFound');
    assert.ok(!(await client.listPackages()).some((p) => p.name === 'round-trip'));
  });

  it('previews without installing, with the change list and no variables needed', async () => {
    const client = h.client();
    const preview = await client.previewPackage(buildPackage({ name: 'preview-only', functions: [{ name: 'p1' }] }));
    assert.equal(preview.supportsVariables, true);
    assert.equal(preview.requiresInput, false);
    assert.deepEqual(preview.variables, []);
    assert.equal(preview.hasErrors, false);
    assert.deepEqual(preview.apply.summary.created, { functions: 1 });
    await rejectsWith(client.getPackage('preview-only'), 'notFound');
  });

  it('previews declared variables and says when input is required', async () => {
    const client = h.client();
    const source = buildPackage({
      name: 'with-vars',
      variables: [
        { name: 'APP_URL', type: 'text', required: true },
        { name: 'LLM', type: 'resource_ref', resource: 'llm_providers', required: true },
        { name: 'VERBOSE', type: 'boolean', default: false },
      ],
      extra: '  connectors:\n    - name: app\n      baseUrl: "${{ vars.APP_URL }}"\n      operations: []\n',
    });
    const missing = await client.previewPackage(source);
    assert.equal(missing.requiresInput, true);
    assert.deepEqual(
      missing.variables?.map((v) => [v.name, v.type, v.required]),
      [
        ['APP_URL', 'text', true],
        ['LLM', 'resource_ref', true],
        ['VERBOSE', 'boolean', false],
      ],
    );
    const given = await client.previewPackage(source, { variables: { APP_URL: 'https://app.example', LLM: 'claude' } });
    assert.equal(given.requiresInput, false);
    assert.equal(given.hasErrors, false);
  });

  it('installs with variables; the package records their values, secrets as ***', async () => {
    const client = h.client();
    const source = buildPackage({
      name: 'with-secret',
      variables: [
        { name: 'APP_URL', type: 'text', required: true },
        { name: 'API_TOKEN', type: 'secret', required: true },
      ],
      extra:
        '  connectors:\n    - name: app\n      baseUrl: "${{ vars.APP_URL }}"\n      auth:\n        type: bearer\n        secret: "${{ vars.API_TOKEN }}"\n      operations: []\n',
    });
    const declarations = [
      { name: 'APP_URL', type: 'text' },
      { name: 'API_TOKEN', type: 'secret' },
    ];
    const result = await client.installPackage(source, { variables: { APP_URL: 'https://app.example', API_TOKEN: 'tok-install-123456' }, declarations });
    assert.equal(result.outcome, 'installed');
    const pkg = await client.getPackage('with-secret');
    assert.deepEqual(pkg.values, { APP_URL: 'https://app.example', API_TOKEN: '***' });
    // Export returns the source with its placeholders, never the substituted values.
    assert.equal(await client.exportPackage('with-secret'), source);
    await client.uninstallPackage('with-secret');
  });

  it('reports a partial install (200 with apply errors) as outcome "partial", not success', async () => {
    const client = h.client();
    const source = buildPackage({
      name: 'half-done',
      functions: [{ name: 'on_row' }],
      extra:
        '  databaseTriggers:\n    - name: rows\n      connectionName: no-such-connection\n      tableName: t\n      functionName: default/on_row\n      pollColumn: id\n',
    });
    const result = await client.installPackage(source);
    assert.equal(result.outcome, 'partial');
    assert.ok(result.outcome === 'partial' && result.errors.some((e) => e.includes("connection 'no-such-connection' not found")), JSON.stringify(result));
    // The package row was still recorded, as on the real backend.
    assert.equal((await client.getPackage('half-done')).name, 'half-done');
    await client.uninstallPackage('half-done');
  });

  it('installs the two real corpus packages', async function () {
    this.timeout(20000);
    const client = h.client();
    for (const name of ['ddf-powerpoint', 'sinas-package-author']) {
      const source = corpus(name);
      const preview = await client.previewPackage(source);
      assert.equal(preview.hasErrors, false, preview.apply.errors.join('\n'));
      const result = await client.installPackage(source);
      assert.equal(result.outcome, 'installed', JSON.stringify(result.apply.errors));
      assert.ok((await client.listPackages()).some((p) => p.name === result.package.name));
      await client.uninstallPackage(result.package.name);
    }
  });

  it('creates a package from existing resources and lists the ones the server skipped', async () => {
    const client = h.client();
    const created = await client.createPackage({
      name: 'from-instance',
      version: '0.1.0',
      resources: [
        { type: 'agent', namespace: 'support', name: 'ticket-bot' },
        { type: 'function', namespace: 'support', name: 'lookup_customer' },
        { type: 'webhook', name: 'support/new-ticket' },
        { type: 'schedule', name: 'daily-digest' },
        { type: 'function', namespace: 'support', name: 'does-not-exist' },
        { type: 'gadget' as 'agent', namespace: 'x', name: 'y' },
      ],
    });
    assert.match(created.yaml, /^apiVersion: sinas\.co\/v1/m);
    assert.match(created.yaml, /ticket-bot/);
    assert.deepEqual(created.skipped, [
      { type: 'function', namespace: 'support', name: 'does-not-exist' },
      { type: 'gadget', namespace: 'x', name: 'y' },
    ]);
  });

  it('validates a config through /api/v1/config/validate', async () => {
    const client = h.client();
    const ok = await client.validateConfig(buildPackage({ name: 'valid', functions: [{ name: 'v' }] }));
    assert.deepEqual(ok, { valid: true, errors: [], warnings: [] });
    const bad = await client.validateConfig(
      buildPackage({ name: 'invalid', extra: '  agents:\n    - name: a\n      enabledFunctions: [nope/missing]\n' }),
    );
    assert.equal(bad.valid, false);
    assert.deepEqual(bad.errors, [{ path: 'spec.agents[0].enabledFunctions', message: "Referenced function 'nope/missing' not defined" }]);
  });

  it('checks permissions of the key', async () => {
    const key = await h.createKey({ 'sinas.packages.read:own': true });
    const result = await h.client({ apiKey: key }).checkPermissions(['sinas.packages.read:own', 'sinas.packages.install:all']);
    assert.equal(result.result, false);
    assert.deepEqual(
      result.checks.map((c) => [c.permission, c.has_permission]),
      [
        ['sinas.packages.read:own', true],
        ['sinas.packages.install:all', false],
      ],
    );
  });

  it('refuses package names with "/" before sending anything', async () => {
    const client = h.client();
    const error = await rejectsWith(client.getPackage('a/b'), 'unsupported');
    assert.match(error.message, /cannot be fetched/);
    assert.equal(h.logs.length, 0);
  });
});

describe('SinasClient: an instance without install-time variables', function () {
  const h = useClientSandbox({ variables: false });

  it('is detected by the probe and by a preview without requires_input', async () => {
    const client = h.client();
    assert.equal(await client.supportsVariables(), false);
    const preview = await h.client().previewPackage(buildPackage({ name: 'plain', functions: [{ name: 'f' }] }));
    assert.equal(preview.supportsVariables, false);
    assert.equal(preview.variables, null);
    assert.equal(preview.requiresInput, false);
  });

  it('refuses to install a document with ${{ }} instead of storing the placeholders', async () => {
    const client = h.client();
    const source = buildPackage({
      name: 'needs-vars',
      extra: '  skills:\n    - name: s\n      description: "For ${{ vars.TEAM }}"\n      content: x\n',
    });
    const error = await rejectsWith(client.installPackage(source, { variables: { TEAM: 'blue' } }), 'unsupported');
    assert.match(error.message, /predates install-time variables/);
    assert.match(error.message, /Nothing was installed/);
    assert.ok(!h.logs.some((e) => e.path === '/api/v1/packages/install'), 'install must not be sent');
    assert.deepEqual(await client.listPackages(), []);
  });

  it('a document declaring spec.variables, rejected as an extra key, is reported as unsupported', async () => {
    const client = h.client();
    const source = buildPackage({ name: 'declares', variables: [{ name: 'TEAM', type: 'text', default: 'blue' }] });
    const error = await rejectsWith(client.previewPackage(source), 'unsupported');
    assert.match(error.message, /predates install-time variables/);
    assert.equal(await client.supportsVariables(), false);
    assert.equal(h.logs.length, 1, 'known from the rejection: no probe needed');
  });

  it('still installs packages without variables', async () => {
    const result = await h.client().installPackage(buildPackage({ name: 'plain', functions: [{ name: 'f' }] }));
    assert.equal(result.outcome, 'installed');
  });
});

describe('SinasClient: capability probe on a current instance', function () {
  const h = useClientSandbox();
  it('supportsVariables() is true and cached after the first answer', async () => {
    const client = h.client();
    assert.equal(await client.supportsVariables(), true);
    assert.equal(await client.supportsVariables(), true);
    assert.equal(h.logs.filter((e) => e.path === '/api/v1/packages/preview').length, 1);
  });
});
