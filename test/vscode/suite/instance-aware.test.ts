// Instance-aware authoring in a real VS Code: with the seeded sandbox active, a reference missing
// there is an error and a present one is clean; completion, hover and go to definition know the
// instance; diagnostics follow an install, an uninstall and a switch of instance without a reload;
// turning the setting off brings back exactly the diagnostics without an instance.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InstallOutcome } from '../../../client/src/commands/install-package';
import type { UninstallOutcome } from '../../../client/src/commands/uninstall-package';
import type { SnapshotState } from '../../../client/src/instance/instance-snapshots';
import type { TestApi } from '../../../client/src/test-api';
import type { RunningSandbox } from '../../sandbox/sandbox';
import { codeOf, rangeOf, waitForDiagnostics } from './helpers';
import { Dialogs, fixture, installedNames, openInstanceFixture, sinasApi, startTestSandbox } from './instance-helpers';

/** Polls an async condition with a deadline (for answers VS Code raises no event for). */
async function waitUntilAsync(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const at = (document: vscode.TextDocument, needle: string) => (all: vscode.Diagnostic[]) =>
  all.filter((d) => d.source === 'sinas' && d.range.intersection(rangeOf(document, needle)) !== undefined).map((d) => `${codeOf(d)}:${vscode.DiagnosticSeverity[d.severity]}`);

describe('Instance-aware authoring', function () {
  let api: TestApi;
  let seeded: RunningSandbox;
  let empty: RunningSandbox;
  let seededId: string;
  let emptyId: string;
  let document: vscode.TextDocument;
  let dialogs: Dialogs;
  const add = async (name: string, sandbox: RunningSandbox) => (await vscode.commands.executeCommand<{ id: string }>('sinas.connection.add', { name, url: sandbox.url, apiKey: sandbox.adminKey, activate: true })).id;
  /** Waits until the diagnostics on `needle` are exactly `expected` (code:Severity). */
  const expectAt = (needle: string, expected: string[]) => waitForDiagnostics(document.uri, (all) => JSON.stringify(at(document, needle)(all)) === JSON.stringify(expected));

  before(async () => {
    api = await sinasApi();
    seeded = await startTestSandbox();
    empty = await startTestSandbox({ seedDir: undefined });
    emptyId = await add('aware-empty', empty);
    seededId = await add('aware-seeded', seeded);
    document = await openInstanceFixture('instance-aware.yaml');
  });
  after(async () => {
    // Only what `before` got to add (a failed before leaves the rest undefined).
    if (seededId) await api.deps.connections.remove(seededId);
    if (emptyId) await api.deps.connections.remove(emptyId);
    await seeded?.close();
    await empty?.close();
  });
  beforeEach(() => {
    dialogs = new Dialogs();
  });
  afterEach(() => dialogs.restore());

  it('shows a reference missing on the seeded sandbox as an error, and a present one as clean', async () => {
    // Until the new active instance's snapshot arrives, the previous one's (the environment's) is checked against.
    const named = (d: vscode.Diagnostic) => codeOf(d) === 'missing-on-instance' && d.message.includes('aware-seeded');
    const diagnostics = await waitForDiagnostics(document.uri, (all) => JSON.stringify(at(document, 'aware/enrich')(all)) === '["missing-on-instance:Error"]' && all.some(named));
    const missing = diagnostics.find((d) => codeOf(d) === 'missing-on-instance')!;
    assert.match(missing.message, /Function `aware\/enrich` is neither in this package nor on aware-seeded: Sinas rejects the install/);
    assert.deepEqual(at(document, 'support/lookup_customer')(diagnostics), []);
    assert.deepEqual(at(document, 'support/tone-guide')(diagnostics), []);
  });

  it('completes references from the instance, after the package own ones, and says where they live', async () => {
    const position = rangeOf(document, 'support/lookup_customer').start;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const digest = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'default/daily_digest');
    assert.ok(digest, `daily_digest offered among ${list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', ')}`);
    assert.equal(digest.detail, 'function on aware-seeded');
    assert.equal((digest.documentation as vscode.MarkdownString).value, 'Sends the daily digest.');
  });

  it('hovers "on <instance>" with the description, and opens the definition read-only from the instance', async () => {
    const position = rangeOf(document, 'lookup_customer').start.translate(0, 2);
    const [hover] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hover.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)).join('\n');
    assert.match(text, /\*\*function\*\* `support\/lookup_customer` — on aware-seeded\n\nFinds a customer by email\./);
    const [location] = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
    const uri = 'targetUri' in location ? location.targetUri : location.uri;
    assert.equal(uri.scheme, 'sinas-instance');
    const definition = await vscode.workspace.openTextDocument(uri);
    assert.match(definition.getText(), /^# Read-only: support\/lookup_customer as it is on aware-seeded/);
    assert.match(definition.getText(), /name: lookup_customer/);
    assert.match(definition.getText(), /def handler\(input_data, context\)/);
  });

  it('opens infrastructure read-only as its JSON record, which never holds a password', async () => {
    const infra = await openInstanceFixture('instance-infra.yaml');
    const position = rangeOf(infra, 'analytics').start.translate(0, 2);
    // The server has this instance's snapshot already (the suite's first document); asked until it answers.
    let locations: (vscode.Location | vscode.LocationLink)[] = [];
    await waitUntilAsync(async () => (locations = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', infra.uri, position)).length > 0, 'a definition');
    const [location] = locations;
    const uri = 'targetUri' in location ? location.targetUri : location.uri;
    assert.equal(uri.scheme, 'sinas-instance');
    assert.match(uri.path, /\/databaseConnections\/analytics\.json$/);
    const record = JSON.parse((await vscode.workspace.openTextDocument(uri)).getText()) as Record<string, unknown>;
    assert.equal(record.name, 'analytics');
    assert.equal(record.connection_type, 'postgresql');
    assert.ok(!('password' in record), 'no password');
  });

  it('updates the diagnostics after an install and an uninstall, without a reload', async () => {
    dialogs.modal('Install');
    const installed = await vscode.commands.executeCommand<InstallOutcome>('sinas.package.install', fixture('provides-enrich.yaml'));
    assert.equal(installed.outcome, 'installed', installed.message);
    assert.deepEqual(await installedNames(seeded), ['aware-enrich']);
    await expectAt('aware/enrich', []);

    dialogs.modal('Uninstall');
    const removed = await vscode.commands.executeCommand<UninstallOutcome>('sinas.package.uninstall', { connectionId: seededId, name: 'aware-enrich' });
    assert.equal(removed.outcome, 'uninstalled', removed.message);
    await expectAt('aware/enrich', ['missing-on-instance:Error']);
  });

  it('follows a switch of instance, and back', async () => {
    await api.deps.connections.setActive(emptyId);
    const diagnostics = await expectAt('support/lookup_customer', ['missing-on-instance:Error']);
    assert.match(diagnostics.find((d) => codeOf(d) === 'missing-on-instance' && d.message.includes('lookup_customer'))!.message, /nor on aware-empty/);
    await api.deps.connections.setActive(seededId);
    await expectAt('support/lookup_customer', []);
  });

  it('refreshes on demand, and with the setting off behaves exactly as without an instance', async () => {
    const state = await vscode.commands.executeCommand<SnapshotState>('sinas.instance.refreshResources');
    assert.equal(state?.kind, 'ready');
    const config = vscode.workspace.getConfiguration('sinas');
    await config.update('instanceChecks.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await expectAt('aware/enrich', ['unresolved-reference:Warning']);
      await expectAt('support/lookup_customer', ['unresolved-reference:Warning']);
    } finally {
      await config.update('instanceChecks.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await expectAt('aware/enrich', ['missing-on-instance:Error']);
  });
});
