// Preview, install (first, upgrade, partial), export, compare, the tree and the code lens, then
// uninstall, against an in-process sandbox with seed data and fault injection. Every error path
// (400, 401, 403, 500, timeout, an instance without variables) is checked to leave the instance
// unchanged, through the sandbox's API. Dialogs are answered by the Dialogs stand-in.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { InstallOutcome } from '../../../client/src/commands/install-package';
import type { PreviewOutcome } from '../../../client/src/commands/preview-package';
import type { UninstallOutcome } from '../../../client/src/commands/uninstall-package';
import type { ExportOutcome } from '../../../client/src/commands/export-package';
import type { CompareOutcome } from '../../../client/src/commands/compare-package';
import type { CreateOutcome } from '../../../client/src/commands/create-package';
import type { TestApi } from '../../../client/src/test-api';
import type { PackagesTreeNode } from '../../../client/src/views/packages/provider';
import type { RunningSandbox } from '../../sandbox/sandbox';
import {
  Dialogs, byLabel, call, fixture, installedNames, loadedWith, loadedWithout, openInstanceFixture, sinasApi, startTestSandbox, treeRows, waitForPackages,
} from './instance-helpers';
import { waitForDiagnostics } from './helpers';
import { secretScan } from './instance-secret-scan';

const CRM_TOKEN = `sv-${randomBytes(12).toString('hex')}`;
const CRM_VALUES = { APP_URL: 'https://crm.example.com', PRIMARY_LLM: 'claude', TIER: 'gold', VERBOSE: true, CRM_TOKEN };
const previewDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sinas-preview');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

describe('Sinas package commands against an instance', function () {
  let api: TestApi;
  let sandbox: RunningSandbox;
  let connectionId: string;
  let dialogs: Dialogs;
  const extraKeys: string[] = [];

  const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);
  const fault = (rule: Record<string, unknown>) => call(sandbox.url, null, 'POST', '/__sandbox/faults', rule);
  const addInstance = async (name: string, url: string, apiKey: string) => (await run<{ id: string }>('sinas.connection.add', { name, url, apiKey, activate: true })).id;

  before(async () => {
    api = await sinasApi();
    sandbox = await startTestSandbox({ faults: true });
    connectionId = await addInstance('test-sandbox', sandbox.url, sandbox.adminKey);
    await waitForPackages(api, connectionId, (s) => s.kind === 'loaded');
  });
  after(async () => {
    for (const c of api.deps.connections.list()) if (c.source === 'stored') await api.deps.connections.remove(c.id);
    await vscode.workspace.getConfiguration('sinas').update('connection.requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await sandbox.close();
  });
  beforeEach(async () => {
    dialogs = new Dialogs();
    await call(sandbox.url, null, 'DELETE', '/__sandbox/faults');
    await api.deps.connections.setActive(connectionId);
  });
  afterEach(() => dialogs.restore());

  it('preview asks for each variable by its type, renders the report (links to the YAML, the package as it will be installed) and flags what a first install overwrites', async () => {
    const document = await openInstanceFixture('crm-support.yaml');
    dialogs
      .input((options) => {
        assert.match(options.title ?? '', /APP_URL/);
        assert.equal(options.validateInput?.('ftp://nope'), 'The value must contain a match for the pattern https?://.+');
        return CRM_VALUES.APP_URL;
      })
      .pick((items) => {
        assert.deepEqual(items.map((i) => i.label).sort(), ['claude', 'local-ollama', 'openai-main'], 'the instance\'s active LLM providers');
        return byLabel('claude')(items);
      })
      .pick((items) => {
        assert.deepEqual(items.map((i) => [i.label, i.description]), [['silver', 'default'], ['gold', undefined], ['(leave unset)', 'send nothing']]);
        return byLabel('gold')(items);
      })
      .pick(byLabel('true'))
      .input((options) => {
        assert.equal(options.password, true, 'secrets are masked');
        assert.equal(options.value, undefined, 'and never pre-filled');
        return CRM_TOKEN;
      });
    const outcome = await run<PreviewOutcome>('sinas.package.preview');
    dialogs.assertDrained();
    assert.equal(outcome.outcome, 'previewed', outcome.message);

    // The report is rendered beside the file, in a webview that runs no script and loads nothing.
    const shown = api.deps.reports.find('test-sandbox', 'crm-support');
    assert.ok(shown, 'the report is shown');
    assert.equal(shown.panel.title, 'Preview: crm-support 1.0.0 on test-sandbox');
    assert.equal(shown.panel.webview.options.enableScripts, false);
    assert.deepEqual(shown.panel.webview.options.enableCommandUris, ['sinas.report.revealInFile', 'sinas.report.showAsInstalled']);
    assert.deepEqual(shown.panel.webview.options.localResourceRoots, []);
    assert.equal(shown.panel.webview.html, shown.html);
    const html = shown.html;
    assert.match(html, /content="default-src 'none'; style-src 'nonce-[^']+'"/);
    assert.match(html, /Not installed yet: this would be a first install/);
    assert.match(html, /⚠ Overwrites 1 resource not managed by this package/);
    assert.match(html, /<tr><td><code>CRM_TOKEN<\/code><\/td><td>secret<\/td><td>••••••<\/td><\/tr>/);
    assert.ok(!html.includes(CRM_TOKEN), 'no secret value in the report');

    // A resource line opens the file at its node, as a click on the link does.
    const editor = await followLink<vscode.TextEditor>(html, (args) => args.text === 'open_ticket');
    assert.equal(editor.document.uri.toString(), document.uri.toString());
    assert.equal(editor.document.getText(editor.selection), 'open_ticket');
    // The package as it will be installed: values substituted, the secret as its Secret's name.
    await followLink(html, (args) => args.compare === false);
    const asInstalled = vscode.window.activeTextEditor!.document;
    assert.equal(asInstalled.uri.scheme, 'sinas-report');
    const installedText = asInstalled.getText();
    assert.match(installedText, /baseUrl: "https:\/\/crm\.example\.com"/);
    assert.match(installedText, /secret: "CRM_TOKEN"/);
    assert.match(installedText, /llmProviderName: "claude"/);
    assert.match(installedText, /description: "Finds a customer \(gold tier\)\."/);
    assert.ok(!installedText.includes('${{'), 'every placeholder is substituted');
    assert.ok(!installedText.includes(CRM_TOKEN));
    await assertReadOnly(asInstalled);
    await followLink(html, (args) => args.compare === true);
    const diff = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(diff instanceof vscode.TabInputTextDiff, 'Compare with the file opens a diff');
    assert.equal(diff.original.toString(), document.uri.toString());
    assert.equal(diff.modified.toString(), asInstalled.uri.toString());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    const [overwrite] = previewDiagnostics(document.uri);
    assert.equal(codeOf(overwrite), 'overwrites-unmanaged');
    assert.equal(document.getText(overwrite.range), 'lookup_customer');
    assert.deepEqual(await installedNames(sandbox), [], 'a preview installs nothing');
  });

  it("the shipped example previews from VS Code: the prompt accepts CRM_URL's own example for ^https?://", async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, '../../../examples/crm-support.sinas.yaml'));
    await vscode.window.showTextDocument(document);
    dialogs
      .input((options) => {
        assert.match(options.title ?? '', /CRM_URL/);
        assert.equal(options.placeHolder, 'https://crm.example.com/api', 'the example is shown');
        assert.equal(options.validateInput?.('crm.example.com/api'), 'The value must contain a match for the pattern ^https?://');
        assert.equal(options.validateInput?.(options.placeHolder!), undefined);
        // The Dialogs stand-in refuses an answer validateInput rejects, as a real input box does.
        return options.placeHolder;
      })
      .input(() => CRM_TOKEN)
      .pick(byLabel('friendly'));
    const outcome = await run<PreviewOutcome>('sinas.package.preview');
    dialogs.assertDrained();
    assert.equal(outcome.outcome, 'previewed', outcome.message);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('preview findings are cleared by the next edit of the file; the report\'s links still find their node', async () => {
    const original = await vscode.workspace.openTextDocument(fixture('crm-support.yaml'));
    const copy = await vscode.workspace.openTextDocument({ language: 'yaml', content: original.getText() });
    await vscode.window.showTextDocument(copy);
    await run('sinas.package.preview', copy.uri, { variables: CRM_VALUES });
    assert.equal(previewDiagnostics(copy.uri).length, 1);
    await vscode.workspace.applyEdit(editAtStart(copy.uri, '# edited\n'));
    await waitForDiagnostics(copy.uri, (all) => !all.some((d) => d.source === 'sinas-preview'));
    // The report was made from the version before the edit; its link follows the text.
    const editor = await followLink<vscode.TextEditor>(api.deps.reports.find('test-sandbox', 'crm-support')!.html, (args) => args.text === 'open_ticket');
    assert.equal(editor.document.uri.toString(), copy.uri.toString());
    assert.equal(editor.document.getText(editor.selection), 'open_ticket');
    assert.equal(editor.selection.start.line, copy.getText().split('\n').findIndex((l) => l.includes('name: open_ticket')));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('install previews, confirms in a modal with the summary, installs, and updates the tree and the code lens', async () => {
    const document = await openInstanceFixture('crm-support.yaml');
    dialogs.modal((m) => {
      assert.equal(m.message, 'Install crm-support 1.0.0 on test-sandbox?');
      assert.match(m.options?.detail ?? '', /First install on this instance\./);
      assert.match(m.options?.detail ?? '', /Preview: 6 to create, 1 to update, 0 unchanged\./);
      assert.match(m.options?.detail ?? '', /⚠ Overwrites 1 existing resource not managed by this package/);
      return 'Install';
    });
    const outcome = await run<InstallOutcome>('sinas.package.install', document.uri, { variables: CRM_VALUES });
    dialogs.assertDrained();
    assert.equal(outcome.outcome, 'installed', outcome.message);
    assert.match(dialogs.infos.at(-1)?.message ?? '', /^Sinas: installed crm-support 1\.0\.0 on test-sandbox \(6 created, 1 updated, 0 unchanged\)\.$/);

    const installed = await call(sandbox.url, sandbox.adminKey, 'GET', '/api/v1/packages/crm-support');
    assert.deepEqual(installed.json.values, { ...CRM_VALUES, CRM_TOKEN: '***' }, 'the secret is stored by the server, not echoed');
    await waitForPackages(api, connectionId, loadedWith('crm-support'));
    assert.deepEqual(await treeRows(api, connectionId), ['package: crm-support — v1.0.0 · CRM support functions and agent']);

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const titles = lenses.map((l) => l.command?.title).filter((t) => t && !/reference/.test(t));
    assert.deepEqual(titles, ['$(package) Installed v1.0.0 on test-sandbox', 'Uninstall', 'Open installed version']);
    assert.equal(document.getText(lenses.find((l) => l.command?.title === 'Uninstall')!.range), 'crm-support');
  });

  it('the code lens offers Upgrade and Compare when the file holds another version than the installed one', async () => {
    const local = await vscode.workspace.openTextDocument(fixture('crm-support.yaml'));
    const newer = await vscode.workspace.openTextDocument({ language: 'yaml', content: local.getText().replace('version: "1.0.0"', 'version: "1.1.0"') });
    await vscode.window.showTextDocument(newer);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', newer.uri);
    const byTitle = new Map(lenses.filter((l) => l.command && !/reference/.test(l.command.title)).map((l) => [l.command!.title, l.command!]));
    assert.deepEqual([...byTitle.keys()], ['$(package) Installed v1.0.0 on test-sandbox (this file: v1.1.0)', 'Upgrade to v1.1.0', 'Compare', 'Uninstall', 'Open installed version']);

    // Each lens runs its command on this document, as a click does.
    const compare = byTitle.get('Compare')!;
    const compared = await run<CompareOutcome>(compare.command, ...(compare.arguments ?? []));
    assert.equal(compared.outcome, 'opened');
    assert.equal(compared.right?.toString(), newer.uri.toString());
    const upgrade = byTitle.get('Upgrade to v1.1.0')!;
    const first = (items: readonly vscode.QuickPickItem[]) => items[0];
    dialogs
      .input((options) => options.value)
      .pick(first, first, first)
      .modal((m) => {
        assert.equal(m.message, 'Install crm-support 1.1.0 on test-sandbox?');
        assert.match(m.options?.detail ?? '', /Upgrade from version 1\.0\.0\./);
        return undefined;
      });
    assert.equal((await run<InstallOutcome>(upgrade.command, ...(upgrade.arguments ?? []))).outcome, 'cancelled');
    dialogs.assertDrained();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(newer);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('an upgrade pre-fills every prompt from the last install and does not ask for the stored secret', async () => {
    const document = await openInstanceFixture('crm-support.yaml');
    const first = (items: readonly vscode.QuickPickItem[]) => items[0];
    dialogs
      .input((options) => {
        assert.equal(options.value, CRM_VALUES.APP_URL);
        return options.value;
      })
      .pick((items) => (assert.deepEqual([items[0].label, items[0].description], ['claude', 'last install']), first(items)))
      .pick((items) => (assert.deepEqual([items[0].label, items[0].description], ['gold', 'last install']), first(items)))
      .pick((items) => (assert.equal(items[0].label, 'true'), first(items)))
      .modal((m) => {
        assert.match(m.options?.detail ?? '', /Upgrade from version 1\.0\.0\./);
        assert.match(m.options?.detail ?? '', /Kept as stored: CRM_TOKEN\./);
        assert.doesNotMatch(m.options?.detail ?? '', /Overwrites/, 'updates are normal on an upgrade');
        return 'Install';
      });
    const outcome = await run<InstallOutcome>('sinas.package.install', document.uri);
    dialogs.assertDrained();
    assert.equal(outcome.outcome, 'installed', outcome.message);
    assert.ok(!dialogs.inputs.some((i) => i.password), 'the secret was not asked for');
    assert.equal(previewDiagnostics(document.uri).length, 0, 'no overwrite warnings on an upgrade');
  });

  it('opens the exact installed YAML read-only, and diffs it with the local file', async () => {
    const exported = await run<ExportOutcome>('sinas.package.export', { connectionId, name: 'crm-support' });
    assert.equal(exported.outcome, 'opened');
    assert.equal(exported.document?.uri.scheme, 'sinas-installed');
    const local = await vscode.workspace.openTextDocument(fixture('crm-support.yaml'));
    assert.equal(exported.document?.getText(), local.getText(), 'export returns the source as installed, placeholders kept');
    await assertReadOnly(exported.document!);

    const compared = await run<CompareOutcome>('sinas.package.compare', fixture('crm-support.yaml'));
    assert.equal(compared.outcome, 'opened');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(tab instanceof vscode.TabInputTextDiff, `active tab is ${tab?.constructor.name}`);
    assert.equal(tab.original.scheme, 'sinas-installed');
    assert.equal(tab.modified.toString(), fixture('crm-support.yaml').toString());
  });

  it('the tree shows an installed package\'s resources by type, opens the installed YAML at a resource, and marks a template edited on the instance as detached', async () => {
    const source = (await vscode.workspace.openTextDocument(fixture('tree-demo.yaml'))).getText();
    assert.equal((await call(sandbox.url, sandbox.adminKey, 'POST', '/api/v1/packages/install', { source })).status, 200);
    // Editing a package's resource through the REST API detaches it (§7.3).
    const receipt = ((await call(sandbox.url, sandbox.adminKey, 'GET', '/api/v1/templates')).json as { id: string; name: string }[]).find((t) => t.name === 'receipt')!;
    assert.equal((await call(sandbox.url, sandbox.adminKey, 'PATCH', `/api/v1/templates/${receipt.id}`, { description: 'edited by hand' })).status, 200);
    await run('sinas.packages.refresh', connectionId);
    await waitForPackages(api, connectionId, loadedWith('tree-demo'));

    const instance = api.tree.getChildren().find((n) => n.type === 'instance' && n.connection.id === connectionId)!;
    const pkg = api.tree.getChildren(instance).find((n) => n.type === 'package' && n.pkg.name === 'tree-demo')!;
    assert.equal(pkg.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'a package expands');
    const groups = await childrenOnceLoaded(api, pkg);
    assert.deepEqual(groups.map((g) => `${String(g.label)} ${String(g.description)}`), ['Functions 1', 'Templates 2']);
    const templates = api.tree.getChildren(groups[1]);
    assert.deepEqual(templates.map((t) => [t.label, t.description]), [['tree/welcome', undefined], ['tree/receipt', 'detached']]);
    assert.match(String(templates[1].tooltip), /no longer managed by tree-demo: it was edited on the instance since the install/);

    // A click opens the installed YAML at the resource.
    const [hello] = api.tree.getChildren(groups[0]);
    const editor = await run<vscode.TextEditor>(hello.command!.command, ...(hello.command!.arguments ?? []));
    assert.equal(editor.document.uri.scheme, 'sinas-installed');
    assert.equal(editor.document.getText(editor.selection), 'hello');
    assert.equal(editor.document.getText(), source, 'the exact installed YAML');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    dialogs.modal('Uninstall');
    assert.equal((await run<UninstallOutcome>('sinas.package.uninstall', { connectionId, name: 'tree-demo' })).outcome, 'uninstalled');
  });

  it('a 200 with apply errors is a PARTIAL install: a warning, errors on the YAML, never success', async () => {
    const document = await openInstanceFixture('partial.yaml');
    dialogs.modal((m) => {
      assert.match(m.options?.detail ?? '', /⚠ 1 error: the install would be PARTIAL/);
      return 'Install Anyway';
    });
    const outcome = await run<InstallOutcome>('sinas.package.install');
    dialogs.assertDrained();
    assert.equal(outcome.outcome, 'partial');
    assert.deepEqual(dialogs.modals.map((m) => m.items), [['Install Anyway']]);
    assert.match(dialogs.warnings.at(-1)?.message ?? '', /only PARTIALLY installed on test-sandbox: 1 error \(Database trigger 'demo-trigger': connection 'nowhere' not found\)/);
    assert.ok(!dialogs.infos.some((i) => /installed partial-demo/.test(i.message)), 'no success message');
    const [error] = previewDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(error.range), 'nowhere');
    const report = api.deps.reports.find('test-sandbox', 'partial-demo');
    assert.match(report?.model.title ?? '', /^Partially installed: partial-demo/);
    assert.equal(report?.model.outcome.tone, 'warning');
    await waitForPackages(api, connectionId, loadedWith('partial-demo'));
  });

  it('a package the server rejects (400) gets its validation errors on the YAML and installs nothing', async () => {
    const document = await openInstanceFixture('invalid.yaml');
    const outcome = await run<InstallOutcome>('sinas.package.install');
    assert.equal(outcome.outcome, 'failed');
    assert.deepEqual(dialogs.modals, [], 'no confirmation for a package that cannot install');
    assert.deepEqual(dialogs.errors.at(-1)?.items, ['Show Problems', 'Show Log']);
    const [problem] = previewDiagnostics(document.uri);
    assert.equal(codeOf(problem), 'server-validation');
    assert.equal(document.getText(problem.range), 'enabledFunctions');
    assert.ok(!(await installedNames(sandbox)).includes('invalid-demo'));
  });

  it('uninstall from the tree states the blast radius, removes it, and leaves overwritten unmanaged resources', async () => {
    const roots = api.tree.getChildren();
    const instance = roots.find((r) => r.type === 'instance' && r.connection.id === connectionId)!;
    const node = api.tree.getChildren(instance).find((n) => n.type === 'package' && n.pkg.name === 'crm-support');
    assert.ok(node, 'crm-support is in the tree');
    dialogs.modal('Uninstall');
    const outcome = await run<UninstallOutcome>('sinas.package.uninstall', node);
    assert.equal(outcome.outcome, 'uninstalled', outcome.message);
    const [modal] = dialogs.modals;
    assert.equal(modal.message, 'Uninstall crm-support 1.0.0 from test-sandbox?');
    assert.match(modal.options?.detail ?? '', /still manages: 1 agent, 2 functions, 1 connector, 1 collection and 1 store\./);
    assert.match(modal.options?.detail ?? '', /files uploaded to that collection are deleted/);
    assert.match(modal.options?.detail ?? '', /saved states of that store are deleted/);
    assert.match(modal.options?.detail ?? '', /Kept: resources edited since the install \(they were detached\) and 1 secret\./);

    assert.equal((await call(sandbox.url, sandbox.adminKey, 'GET', '/api/v1/packages/crm-support')).status, 404);
    assert.equal((await call(sandbox.url, sandbox.adminKey, 'GET', '/api/v1/functions/support/open_ticket')).status, 404, 'managed: deleted');
    assert.equal((await call(sandbox.url, sandbox.adminKey, 'GET', '/api/v1/functions/support/lookup_customer')).status, 200, 'overwritten but unmanaged: kept');
    await waitForPackages(api, connectionId, loadedWithout('crm-support'));
    const document = await openInstanceFixture('crm-support.yaml');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.deepEqual(lenses.map((l) => l.command?.title).filter((t) => t && !/reference/.test(t)), ['Not installed on test-sandbox', 'Preview', 'Install']);
  });

  it('an uninstall answered with 500 says nothing was removed, and nothing was', async () => {
    await fault({ method: 'DELETE', path: '/api/v1/packages/partial-demo', status: 500, times: 1 });
    dialogs.modal('Uninstall');
    const outcome = await run<UninstallOutcome>('sinas.package.uninstall', { connectionId, name: 'partial-demo' });
    assert.equal(outcome.outcome, 'failed');
    assert.match(dialogs.errors.at(-1)?.message ?? '', /nothing was removed/);
    assert.deepEqual(await installedNames(sandbox), ['partial-demo']);
    dialogs.modal('Uninstall');
    assert.equal((await run<UninstallOutcome>('sinas.package.uninstall', { connectionId, name: 'partial-demo' })).outcome, 'uninstalled');
  });

  it('Install right after Preview sends the preview\'s answers, the secret included, without asking again; after an edit it asks again', async () => {
    const token = `nt-${randomBytes(12).toString('hex')}`;
    extraKeys.push(token);
    const original = await vscode.workspace.openTextDocument(fixture('answers.yaml'));
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: original.getText() });
    await vscode.window.showTextDocument(document);
    dialogs.input('https://notes.example', '', (options) => (assert.equal(options.password, true), token));
    assert.equal((await run<PreviewOutcome>('sinas.package.preview', document.uri)).outcome, 'previewed');
    dialogs.assertDrained();

    dialogs.modal((m) => {
      assert.match(m.options?.detail ?? '', /Values: as entered for the preview of this version/);
      return 'Install';
    });
    const installed = await run<InstallOutcome>('sinas.package.install', document.uri);
    dialogs.assertDrained();
    assert.equal(installed.outcome, 'installed', installed.message);
    assert.equal(dialogs.inputs.length, 3, 'the install asked nothing, not even the optional variable left empty');
    const stored = await call(sandbox.url, sandbox.adminKey, 'GET', '/api/v1/packages/answers-demo');
    assert.deepEqual(stored.json.values, { NOTES_URL: 'https://notes.example', NOTES_TOKEN: '***' }, 'the preview\'s values were sent, the secret with them');
    assert.equal((await call(sandbox.url, sandbox.adminKey, 'GET', '/api/v1/secrets/NOTES_TOKEN')).status, 200);

    // Preview again, then edit: the answers belong to the old version, so Install asks again.
    dialogs.input('https://notes.example', '');
    assert.equal((await run<PreviewOutcome>('sinas.package.preview', document.uri)).outcome, 'previewed');
    await vscode.workspace.applyEdit(editAtStart(document.uri, '# edited\n'));
    dialogs.input((options) => {
      assert.equal(options.value, 'https://notes.example', 'pre-filled from the last install instead');
      return 'https://notes2.example';
    }, '');
    dialogs.modal((m) => {
      assert.doesNotMatch(m.options?.detail ?? '', /as entered for the preview/);
      return 'Install';
    });
    assert.equal((await run<InstallOutcome>('sinas.package.install', document.uri)).outcome, 'installed');
    dialogs.assertDrained();
    assert.equal(dialogs.inputs.length, 7, 'two prompts for the preview, two for the install (the stored secret is kept)');
    dialogs.modal('Uninstall');
    assert.equal((await run<UninstallOutcome>('sinas.package.uninstall', { connectionId, name: 'answers-demo' })).outcome, 'uninstalled');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('an install answered with 500 says the server rolled back; the instance is unchanged', async () => {
    await fault({ method: 'POST', path: '/api/v1/packages/install', status: 500, times: 1 });
    dialogs.modal('Install');
    const outcome = await run<InstallOutcome>('sinas.package.install', fixture('plain.yaml'));
    assert.equal(outcome.outcome, 'failed');
    assert.match(dialogs.errors.at(-1)?.message ?? '', /nothing was installed/);
    assert.deepEqual(await installedNames(sandbox), []);
  });

  it('a timeout stops the command with the reason; the instance is unchanged', async () => {
    await vscode.workspace.getConfiguration('sinas').update('connection.requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      await fault({ method: 'POST', path: '/api/v1/packages/preview', latencyMs: 2500, times: 1 });
      const outcome = await run<InstallOutcome>('sinas.package.install', fixture('plain.yaml'));
      assert.equal(outcome.outcome, 'failed');
      assert.match(dialogs.errors.at(-1)?.message ?? '', /took longer than 1 s/);
      assert.deepEqual(dialogs.errors.at(-1)?.items, ['Retry', 'Show Log']);
      assert.deepEqual(dialogs.modals, [], 'never reached the confirmation');
    } finally {
      await vscode.workspace.getConfiguration('sinas').update('connection.requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.deepEqual(await installedNames(sandbox), []);
  });

  it('a rejected key (401) offers to set a new one; nothing is installed', async () => {
    dialogs.modal('Add Anyway');
    const bad = await addInstance('bad-key', sandbox.url, 'not-a-valid-key-123456');
    assert.match(dialogs.modals[0]?.message ?? '', /rejected this API key/);
    const outcome = await run<InstallOutcome>('sinas.package.install', fixture('plain.yaml'));
    assert.equal(outcome.outcome, 'failed');
    assert.match(dialogs.errors.at(-1)?.message ?? '', /API key/i);
    assert.ok(dialogs.errors.at(-1)?.items.includes('Set API Key'));
    await waitForPackages(api, bad, (s) => s.kind === 'error');
    assert.deepEqual(await treeRows(api, bad), ['message: API key rejected — click to set a new one']);
    assert.deepEqual(await installedNames(sandbox), []);
  });

  it('a key without the install permission (403) can list but not install; nothing is installed', async () => {
    const created = await call(sandbox.url, sandbox.adminKey, 'POST', '/api/v1/api-keys', { name: 'read-only', permissions: { 'sinas.packages.read:own': true } });
    assert.equal(created.status, 201);
    extraKeys.push(created.json.key);
    const readOnly = await addInstance('read-only', sandbox.url, created.json.key);
    await waitForPackages(api, readOnly, (s) => s.kind === 'loaded');
    const outcome = await run<InstallOutcome>('sinas.package.install', fixture('plain.yaml'));
    assert.equal(outcome.outcome, 'failed');
    assert.match(dialogs.errors.at(-1)?.message ?? '', /Not authorized to preview packages|sinas\.packages\.install/);
    assert.deepEqual(await installedNames(sandbox), []);
  });

  it('an instance without install-time variables is refused a package that uses them, and nothing is sent to install', async () => {
    const old = await startTestSandbox({ variables: false });
    try {
      await addInstance('old-sinas', old.url, old.adminKey);
      const outcome = await run<InstallOutcome>('sinas.package.install', fixture('crm-support.yaml'), { variables: CRM_VALUES });
      assert.equal(outcome.outcome, 'refused');
      assert.match(dialogs.errors.at(-1)?.message ?? '', /old-sinas does not support install-time variables .* Nothing was installed/);
      assert.deepEqual(dialogs.inputs, [], 'refused before any prompt');
      assert.equal((await run<PreviewOutcome>('sinas.package.preview', fixture('crm-support.yaml'))).outcome, 'refused');
      assert.deepEqual(await installedNames(old), []);
      // A package without variables still installs there.
      dialogs.modal('Install');
      assert.equal((await run<InstallOutcome>('sinas.package.install', fixture('plain.yaml'))).outcome, 'installed');
      assert.deepEqual(await installedNames(old), ['plain-tools']);
    } finally {
      await old.close();
    }
  });

  it('creates a package from picked resources: name checked as the rules do, code as literal blocks, a named editor, and a warning for the webhook that cannot install back', async () => {
    dialogs
      .pick((items, options) => {
        assert.equal(options?.canPickMany, true);
        const separators = items.filter((i) => i.kind === vscode.QuickPickItemKind.Separator).map((i) => i.label);
        assert.ok(['Functions', 'Skills', 'Webhooks'].every((s) => separators.includes(s)), separators.join(', '));
        return ['support/lookup_customer', 'support/tone-guide', 'support/new-ticket'].map((label) => byLabel(label)(items));
      })
      .input((options) => {
        assert.match(String(options.validateInput?.('Support Bot')), /conventionally lowercase letters, digits and `-` \(e\.g\. `support-bot`\)/);
        assert.match(String(options.validateInput?.('crm/support')), /Use `crm-support`\.$/);
        assert.equal(options.validateInput?.('from-instance'), undefined);
        return 'from-instance';
      }, (options) => options.value, '');
    const outcome = await run<CreateOutcome>('sinas.package.createFromInstance');
    dialogs.assertDrained();
    assert.equal(outcome.outcome, 'created', outcome.message);
    const document = outcome.document!;
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(document.uri.path, `${vscode.workspace.workspaceFolders![0].uri.path}/from-instance.sinas.yaml`, 'Save proposes the workspace folder');
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'from-instance.sinas.yaml');
    assert.equal(document.languageId, 'yaml');
    const text = document.getText();
    for (const needle of ['name: from-instance', 'version: 1.0.0', 'name: lookup_customer', 'name: tone-guide', 'path: support/new-ticket']) assert.ok(text.includes(needle), `${needle} in\n${text}`);
    assert.match(text, /\n {4}code: \|\n {6}def handler\(input_data, context\):\n/, 'code as a literal block');

    assert.deepEqual(outcome.unreachable?.map((u) => [u.identity, u.written, u.fix]), [['support/new-ticket', 'support/lookup_customer', 'move']]);
    const warning = dialogs.warnings.at(-1);
    assert.match(warning?.message ?? '', /^Sinas: from-instance will not install as created: .* webhook `support\/new-ticket` calls `support\/lookup_customer`: No spelling reaches `support\/lookup_customer` where it is/);
    assert.deepEqual(warning?.items, ['Show Problems']);
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => codeOf(d) === 'reference-must-be-bare'));
    const bare = diagnostics.find((d) => codeOf(d) === 'reference-must-be-bare')!;
    assert.equal(document.getText(bare.range), 'support/lookup_customer');
    assert.match(bare.message, /No spelling reaches/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('names the resources the server silently left out of a created package', async () => {
    const outcome = await run<CreateOutcome>('sinas.package.createFromInstance', undefined, {
      name: 'with-missing',
      version: '1.0.0',
      resources: [{ type: 'skill', namespace: 'support', name: 'tone-guide' }, { type: 'function', namespace: 'nope', name: 'missing' }],
    });
    assert.equal(outcome.outcome, 'created');
    assert.deepEqual(outcome.skipped, [{ type: 'function', namespace: 'nope', name: 'missing' }]);
    assert.match(dialogs.warnings.at(-1)?.message ?? '', /left 1 resource out of with-missing .*: function nope\/missing\./);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('leaves no API key and no secret value in any file of the user data or the workspace, any setting or the log', async () => {
    const scan = await secretScan(api, [sandbox.adminKey, CRM_TOKEN, ...extraKeys, ...(process.env.SINAS_API_KEY ? [process.env.SINAS_API_KEY] : [])]);
    assert.ok(scan.logLines > 0, 'the request log was written (positive control)');
    assert.ok(scan.files > 10, `scanned ${scan.files} files`);
    assert.deepEqual(scan.leaks, []);
  });
});

/** A package row's children once its installed version has been read (the first call only starts the read). */
async function childrenOnceLoaded(api: TestApi, pkg: PackagesTreeNode): Promise<PackagesTreeNode[]> {
  const ref = pkg.type === 'package' ? pkg.ref : undefined;
  assert.ok(ref);
  api.tree.getChildren(pkg);
  const state = await api.deps.contents.ensureLoaded(ref.connectionId, ref.name);
  assert.equal(state.kind, 'loaded', JSON.stringify(state));
  return api.tree.getChildren(pkg);
}

/** Runs the `command:` link of a rendered report whose argument matches, as VS Code does on a click. */
async function followLink<T = unknown>(html: string, matches: (arg: Record<string, unknown>) => boolean): Promise<T> {
  const links = [...html.matchAll(/href="command:([\w.]+)\?([^"]+)"/g)].map(([, command, query]) => ({
    command,
    args: JSON.parse(decodeURIComponent(query.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'))) as Record<string, unknown>[],
  }));
  const link = links.find((l) => matches(l.args[0]));
  if (!link) throw new Error(`no matching link among ${links.map((l) => JSON.stringify(l.args[0])).join(', ')}`);
  return vscode.commands.executeCommand<T>(link.command, ...link.args);
}

/** Types into the document's editor as a user would: a read-only editor ignores it. */
async function assertReadOnly(document: vscode.TextDocument): Promise<void> {
  const before = document.getText();
  await vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
  await vscode.commands.executeCommand('type', { text: 'typed' });
  assert.equal(document.getText(), before, `${document.uri.toString()} accepted typing`);
  assert.equal(document.isDirty, false);
}

function editAtStart(uri: vscode.Uri, text: string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  return edit;
}
