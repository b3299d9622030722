// Instances in a real VS Code: the Environment instance from SINAS_URL (the harness's sandbox),
// adding / switching / editing / removing through the commands, the key kept only in secret
// storage, the plain-http consent, reachability in the status bar model, and the tree's rows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../../client/src/test-api';
import type { RunningSandbox } from '../../sandbox/sandbox';
import { Dialogs, byLabel, call, sinasApi, startTestSandbox, treeRows, waitForPackages } from './instance-helpers';

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

  it('adds an instance through the prompts (key masked and verified), makes it active when asked to, and keeps the key out of state and settings', async () => {
    dialogs.input(sandbox.url, 'local-sandbox', (options) => {
      assert.equal(options.password, true, 'the key box is masked');
      return sandbox.adminKey;
    });
    const before = api.deps.connections.active();
    if (before) dialogs.pick(byLabel('Make local-sandbox active'));
    const added = await vscode.commands.executeCommand<{ id: string; name: string }>('sinas.connection.add');
    dialogs.assertDrained();
    assert.equal(added?.name, 'local-sandbox');
    assert.equal(api.deps.connections.active()?.id, added.id);
    assert.equal(dialogs.infos.at(-1)?.message, 'Sinas: local-sandbox added and active. Its key is accepted.');
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
    const accepted = await vscode.commands.executeCommand<{ id: string }>('sinas.connection.add', { name: 'lan', url: 'http://192.0.2.10:8000', apiKey: 'lan-key-123456', activate: true, verify: false });
    assert.ok(accepted);
    assert.equal(api.deps.connections.insecureAccepted(api.deps.connections.get(accepted.id)!), true);
    // Removing asks, then forgets the key.
    dialogs.modal('Remove');
    assert.equal(await vscode.commands.executeCommand('sinas.connection.remove', accepted.id), true);
    assert.equal(await api.deps.context.secrets.get(`sinas.connection.${accepted.id}.apiKey`), undefined);
    assert.equal(api.deps.connections.get(accepted.id), undefined);
  });

  it('shows an unreachable instance as such, in the tree and the health state', async () => {
    dialogs.modal((m) => {
      assert.equal(m.message, 'Sinas: the key for down could not be checked.');
      assert.deepEqual(m.items, ['Add Anyway']);
      return 'Add Anyway';
    });
    const down = await vscode.commands.executeCommand<{ id: string }>('sinas.connection.add', { name: 'down', url: 'http://127.0.0.1:9', apiKey: 'k-123456', activate: true });
    assert.ok(down);
    const health = await api.deps.health.check();
    assert.equal(health.kind, 'unreachable');
    await waitForPackages(api, down.id, (s) => s.kind === 'error');
    assert.deepEqual(await treeRows(api, down.id), ['message: Unreachable — click to retry']);
    dialogs.modal('Remove');
    await vscode.commands.executeCommand('sinas.connection.remove', down.id);
  });

  it('Add Instance verifies the key: a rejected one can be entered again, the user keeps the current instance active, and the message says which is', async () => {
    const current = api.deps.connections.active()!;
    dialogs
      .input(sandbox.url, 'verified', 'wrong-key-123456')
      .modal((m) => {
        assert.equal(m.message, `Sinas: ${sandbox.url} rejected this API key.`);
        assert.deepEqual(m.items, ['Enter Key Again', 'Add Anyway']);
        return 'Enter Key Again';
      })
      .input(sandbox.adminKey)
      .pick((items) => {
        assert.deepEqual(items.map((i) => i.label), ['Make verified active', `Keep ${current.name} active`]);
        return items[1];
      });
    const added = await vscode.commands.executeCommand<{ id: string }>('sinas.connection.add');
    dialogs.assertDrained();
    assert.ok(added);
    assert.equal(api.deps.connections.active()?.id, current.id, 'the active instance did not change');
    assert.equal(await api.deps.context.secrets.get(`sinas.connection.${added.id}.apiKey`), sandbox.adminKey, 'the key entered again is the one stored');
    assert.match(dialogs.infos.at(-1)?.message ?? '', new RegExp(`^Sinas: verified added; ${current.name} stays active \\("Sinas: Switch Instance" changes it\\)\\. Its key is accepted\\.$`));
    dialogs.modal('Remove');
    await vscode.commands.executeCommand('sinas.connection.remove', added.id);
  });

  it('the status bar says "key rejected" or "no permission" for the active instance instead of just naming it', async () => {
    const created = await call(sandbox.url, sandbox.adminKey, 'POST', '/api/v1/api-keys', { name: 'reader', permissions: { 'sinas.packages.read:own': true } });
    assert.equal(created.status, 201);
    const reader = await vscode.commands.executeCommand<{ id: string }>('sinas.connection.add', { name: 'reader', url: sandbox.url, apiKey: created.json.key, activate: true });
    assert.match(dialogs.warnings.at(-1)?.message ?? '', /^Sinas: reader added and active\. Its key is accepted but lacks preview and install \(sinas\.packages\.install:all\)/);
    await waitForStatus(api, /Sinas: reader — no permission/);
    assert.match(String(api.statusBar.tooltip), /lacks preview and install/);

    await vscode.commands.executeCommand('sinas.connection.setApiKey', reader.id, 'revoked-key-123456');
    await waitForStatus(api, /Sinas: reader — key rejected/);
    assert.equal(api.statusBar.command && typeof api.statusBar.command === 'object' ? api.statusBar.command.command : api.statusBar.command, 'sinas.connection.setApiKey');
    await vscode.commands.executeCommand('sinas.connection.setApiKey', reader.id, sandbox.adminKey);
    await waitForStatus(api, /^\$\(cloud\) Sinas: reader$/);
    dialogs.modal('Remove');
    await vscode.commands.executeCommand('sinas.connection.remove', reader.id);
  });
});

/** Resolves once the status bar item's text matches (checked on every health result). */
async function waitForStatus(api: TestApi, pattern: RegExp, timeoutMs = 20_000): Promise<void> {
  if (pattern.test(api.statusBar.text)) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for the status bar to match ${pattern}; it reads "${api.statusBar.text}"`));
    }, timeoutMs);
    const subscription = api.deps.health.onDidChange(() => {
      if (!pattern.test(api.statusBar.text)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}
