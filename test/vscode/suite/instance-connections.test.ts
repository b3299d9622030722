// Instances in a real VS Code: the Environment instance from SINAS_URL (the harness's sandbox),
// adding / switching / editing / removing through the commands, the key kept only in secret
// storage, the plain-http consent, reachability in the status bar model, and the tree's rows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../../client/src/test-api';
import type { RunningSandbox } from '../../sandbox/sandbox';
import { Dialogs, byLabel, sinasApi, startTestSandbox, treeRows, waitForPackages } from './instance-helpers';

describe('Sinas instances', () => {
  let api: TestApi;
  let sandbox: RunningSandbox;
  let dialogs: Dialogs;

  before(async () => {
    api = await sinasApi();
    sandbox = await startTestSandbox();
  });
  after(async () => {
    for (const c of api.deps.connections.list()) if (c.source === 'stored') await api.deps.connections.remove(c.id);
    await sandbox.close();
  });
  beforeEach(() => {
    dialogs = new Dialogs();
  });
  afterEach(() => dialogs.restore());

  it('uses the Environment instance (SINAS_URL) when nothing else is configured, and finds it reachable', async function () {
    if (!process.env.SINAS_URL) this.skip();
    const active = api.deps.connections.active();
    assert.deepEqual(active && { name: active.name, source: active.source, url: active.url }, { name: 'Environment', source: 'environment', url: process.env.SINAS_URL });
    const health = await api.deps.health.check();
    assert.equal(health.kind, 'reachable', JSON.stringify(health));
    await waitForPackages(api, 'environment', (s) => s.kind === 'loaded');
  });

  it('adds an instance through the prompts (key masked), makes it active, and keeps the key out of state and settings', async () => {
    dialogs.input(sandbox.url, 'local-sandbox', (options) => {
      assert.equal(options.password, true, 'the key box is masked');
      return sandbox.adminKey;
    });
    const added = await vscode.commands.executeCommand<{ id: string; name: string }>('sinas.connection.add');
    dialogs.assertDrained();
    assert.equal(added?.name, 'local-sandbox');
    assert.equal(api.deps.connections.active()?.id, added.id);
    assert.equal(await api.deps.context.secrets.get(`sinas.connection.${added.id}.apiKey`), sandbox.adminKey);
    const state = JSON.stringify(api.deps.context.globalState.keys().map((k) => api.deps.context.globalState.get(k)));
    assert.ok(state.includes('local-sandbox') && !state.includes(sandbox.adminKey), 'globalState holds the name, not the key');
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('sinas')).includes(sandbox.adminKey), 'no setting holds the key');
    await waitForPackages(api, added.id, (s) => s.kind === 'loaded');
    assert.deepEqual(await treeRows(api, added.id), ['message: No packages installed']);
  });

  it('switches, renames and replaces the key from the commands; the tree follows', async () => {
    const [local] = api.deps.connections.list().filter((c) => c.source === 'stored');
    dialogs.pick(byLabel(local.name));
    await vscode.commands.executeCommand('sinas.connection.switch');
    assert.equal(api.deps.connections.active()?.id, local.id);
    const renamed = await vscode.commands.executeCommand<{ name: string }>('sinas.connection.edit', local.id, { name: 'sandbox-renamed' });
    assert.equal(renamed?.name, 'sandbox-renamed');
    const roots = api.tree.getChildren();
    assert.ok(roots.some((r) => r.label === 'sandbox-renamed' && String(r.description).startsWith('active')), roots.map((r) => `${r.label} ${r.description}`).join('; '));

    // A wrong key: the tree says so and offers to set a new one; setting the right one recovers.
    await vscode.commands.executeCommand('sinas.connection.setApiKey', local.id, 'wrong-key-123456');
    await waitForPackages(api, local.id, (s) => s.kind === 'error');
    assert.deepEqual(await treeRows(api, local.id), ['message: API key rejected — click to set a new one']);
    dialogs.input(sandbox.adminKey);
    await vscode.commands.executeCommand('sinas.connection.setApiKey', local.id);
    await waitForPackages(api, local.id, (s) => s.kind === 'loaded');
  });

  it('asks before sending a key over plain http to another machine; declining adds nothing', async () => {
    const before = api.deps.connections.list().length;
    dialogs.modal(undefined);
    const declined = await vscode.commands.executeCommand('sinas.connection.add', { name: 'lan', url: 'http://192.0.2.10:8000', apiKey: 'lan-key-123456' });
    assert.equal(declined, undefined);
    assert.equal(dialogs.modals.length, 1);
    assert.match(dialogs.modals[0].message, /plain http: the API key would travel unencrypted/);
    assert.equal(api.deps.connections.list().length, before);

    dialogs.modal('Send Key over HTTP');
    const accepted = await vscode.commands.executeCommand<{ id: string }>('sinas.connection.add', { name: 'lan', url: 'http://192.0.2.10:8000', apiKey: 'lan-key-123456' });
    assert.ok(accepted);
    assert.equal(api.deps.connections.insecureAccepted(api.deps.connections.get(accepted.id)!), true);
    // Removing asks, then forgets the key.
    dialogs.modal('Remove');
    assert.equal(await vscode.commands.executeCommand('sinas.connection.remove', accepted.id), true);
    assert.equal(await api.deps.context.secrets.get(`sinas.connection.${accepted.id}.apiKey`), undefined);
    assert.equal(api.deps.connections.get(accepted.id), undefined);
  });

  it('shows an unreachable instance as such, in the tree and the health state', async () => {
    const down = await vscode.commands.executeCommand<{ id: string }>('sinas.connection.add', { name: 'down', url: 'http://127.0.0.1:9', apiKey: 'k-123456' });
    assert.ok(down);
    const health = await api.deps.health.check();
    assert.equal(health.kind, 'unreachable');
    await waitForPackages(api, down.id, (s) => s.kind === 'error');
    assert.deepEqual(await treeRows(api, down.id), ['message: Unreachable — click to retry']);
    dialogs.modal('Remove');
    await vscode.commands.executeCommand('sinas.connection.remove', down.id);
  });
});
