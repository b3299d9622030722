// Against a server that echoes the key and every variable value in every encoding (and wraps its
// messages in terminal escapes), no surface of the extension shows any form of them: adding the
// instance, the preview and install reports (and the package as it will be installed), the problems
// on the YAML, notifications and modals, the tree, the log.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { InstallOutcome } from '../../../client/src/commands/install-package';
import type { PreviewOutcome } from '../../../client/src/commands/preview-package';
import type { TestApi } from '../../../client/src/test-api';
import { leakedForms, startEchoServer, type EchoServer } from '../../support/echo-server';
import { Dialogs, openInstanceFixture, sinasApi, treeRows, waitForPackages } from './instance-helpers';
import { sinasLog } from './instance-secret-scan';

const KEY = `sk-Echo/${randomBytes(8).toString('hex')}+Key&`;
const SECRET = `Tökén "${randomBytes(6).toString('hex')}" /odd\\ & spaces`;
const VALUES = { APP_URL: 'https://crm.example.com', PRIMARY_LLM: 'claude', TIER: 'gold', VERBOSE: true, CRM_TOKEN: SECRET };

describe('Sinas commands against an echoing server', function () {
  let api: TestApi;
  let server: EchoServer;
  let connectionId: string;
  let dialogs: Dialogs;

  before(async () => {
    api = await sinasApi();
    server = await startEchoServer();
    // Adding checks the key: the echoing server answers that with a 500 that echoes it.
    const adding = new Dialogs().modal('Add Anyway');
    try {
      connectionId = (await vscode.commands.executeCommand<{ id: string }>('sinas.connection.add', { name: 'echo', url: server.url, apiKey: KEY, activate: true })).id;
      adding.assertDrained();
      const said = [...adding.modals, ...adding.infos, ...adding.warnings].flatMap((m) => [m.message, m.options?.detail ?? '']).join('\n');
      assert.match(said, /could not be checked/);
      assert.deepEqual(leakedForms(said, [KEY, SECRET]), []);
    } finally {
      adding.restore();
    }
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.deps.connections.remove(connectionId);
    await server.close();
  });
  beforeEach(async () => {
    dialogs = new Dialogs();
    await api.deps.connections.setActive(connectionId);
  });
  afterEach(() => dialogs.restore());

  /** Every text the user can see, from the last command: the rendered report (its text, entities decoded) and the package as it will be installed too. */
  async function shown(document: vscode.TextDocument): Promise<string> {
    const report = api.deps.reports.find('echo', 'crm-support');
    assert.ok(report, 'the report was shown');
    const page = report.html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const asInstalled = report.asInstalledUri ? (await vscode.workspace.openTextDocument(report.asInstalledUri)).getText() : '';
    const problems = vscode.languages.getDiagnostics(document.uri).map((d) => d.message);
    const messages = [...dialogs.errors, ...dialogs.warnings, ...dialogs.infos, ...dialogs.modals].flatMap((m) => [m.message, m.options?.detail ?? '', ...m.items]);
    return [page, asInstalled, ...problems, ...messages].join('\n');
  }

  it('preview and install: reports, problems and messages hold the echoes masked, without escapes', async () => {
    const document = await openInstanceFixture('crm-support.yaml');
    const preview = await vscode.commands.executeCommand<PreviewOutcome>('sinas.package.preview', document.uri, { variables: VALUES });
    assert.equal(preview.outcome, 'previewed', preview.message);
    assert.ok((preview.findings ?? []).some((f) => f.code === 'server-error'), 'the echoed errors are on the YAML');

    dialogs.modal('Install Anyway');
    const install = await vscode.commands.executeCommand<InstallOutcome>('sinas.package.install', document.uri, { variables: VALUES });
    dialogs.assertDrained();
    assert.equal(install.outcome, 'partial', install.message);

    const text = await shown(document);
    assert.match(text, /\*\*\*/, 'the echoes arrived, masked');
    assert.deepEqual(leakedForms(text, [KEY, SECRET]), []);
    assert.doesNotMatch(text, /\u001b/, 'no escape sequence');
  });

  it('the tree (an echoed error) and the log hold none of it either', async () => {
    await vscode.commands.executeCommand('sinas.packages.refresh', connectionId);
    const state = await waitForPackages(api, connectionId, (s) => s.kind === 'error');
    const rows = await treeRows(api, connectionId);
    const tree = [...rows, state.kind === 'error' ? state.message : ''].join('\n');
    assert.match(tree, /\*\*\*/);
    assert.deepEqual(leakedForms(tree, [KEY, SECRET]), []);

    const log = await sinasLog(api, /\[echo\] POST \/api\/v1\/packages\/install 200/);
    assert.match(log, /\[echo\] POST \/api\/v1\/packages\/install 200/);
    assert.deepEqual(leakedForms(log, [KEY, SECRET]), []);
    assert.doesNotMatch(log, /\u001b/);
  });
});
