// Starting a package in a real VS Code: Sinas: New Package (name checked as the rules check it,
// saved where the user picks, opened with no problem at all), completion of the header in an
// empty *.sinas.yaml, and the Get Started walkthrough.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, formatDiagnostics, sinasDiagnostics, waitForDiagnostics } from './helpers';
import { Dialogs, sinasApi } from './instance-helpers';

describe('starting a package', () => {
  let dir: string;
  let dialogs: Dialogs;
  const originalSaveDialog = vscode.window.showSaveDialog;

  before(async () => {
    await sinasApi();
    // Outside the workspace: the suite must not leave files in the repository.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinas-new-package-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    dialogs = new Dialogs();
  });
  afterEach(async () => {
    dialogs.restore();
    (vscode.window as { showSaveDialog: typeof originalSaveDialog }).showSaveDialog = originalSaveDialog;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Sinas: New Package asks for a name as the rules check it, then where to save, and opens a skeleton without problems', async () => {
    const target = vscode.Uri.file(path.join(dir, 'support-desk.sinas.yaml'));
    let offered: vscode.Uri | undefined;
    (vscode.window as { showSaveDialog: typeof originalSaveDialog }).showSaveDialog = async (options) => {
      offered = options?.defaultUri;
      return target;
    };
    dialogs.input((options) => {
      const check = (value: string) => options.validateInput?.(value) as vscode.InputBoxValidationMessage | undefined;
      assert.equal(check('team/support')?.severity, vscode.InputBoxValidationSeverity.Error);
      assert.equal(check('')?.severity, vscode.InputBoxValidationSeverity.Error);
      // What the rules only note (package-name-style, info) is said, not refused.
      assert.equal(check('Support Bot')?.severity, vscode.InputBoxValidationSeverity.Info);
      assert.match(check('Support Bot')?.message ?? '', /"support-bot"/);
      assert.equal(check('support-desk'), undefined);
      return 'support-desk';
    });
    const outcome = await vscode.commands.executeCommand<{ outcome: string; uri: vscode.Uri }>('sinas.package.new');
    dialogs.assertDrained();
    assert.equal(outcome?.outcome, 'created');
    assert.equal(path.basename(offered?.path ?? ''), 'support-desk.sinas.yaml', 'the save dialog proposes <name>.sinas.yaml');
    assert.ok(fs.existsSync(target.fsPath), 'the file is saved where the user picked');

    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), target.toString());
    assert.equal(editor.document.getText(editor.selection), 'What this package provides', 'the description is selected, ready to be typed over');
    assert.match(editor.document.getText(), /^ {2}name: support-desk$/m);

    // No problem at all: break it on purpose, see the server report that, undo, see nothing.
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, 'unknownKey: 1\n'));
    await waitForDiagnostics(target, (all) => all.some((d) => d.source === 'sinas'));
    await vscode.commands.executeCommand('undo');
    const after = await waitForDiagnostics(target, (all) => all.filter((d) => d.source === 'sinas').length === 0);
    assert.equal(sinasDiagnostics(target).length, 0, formatDiagnostics(after));
  });

  it('Escape at the name prompt cancels without asking where to save', async () => {
    (vscode.window as { showSaveDialog: typeof originalSaveDialog }).showSaveDialog = async () => assert.fail('no save dialog after Escape');
    dialogs.input(undefined);
    const outcome = await vscode.commands.executeCommand<{ outcome: string }>('sinas.package.new');
    dialogs.assertDrained();
    assert.equal(outcome?.outcome, 'cancelled');
  });

  it('completes the header in an empty *.sinas.yaml (the server engages before there is a header)', async () => {
    const file = path.join(dir, 'empty.sinas.yaml');
    fs.writeFileSync(file, '');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'yaml');
    const labels = async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 0));
      return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    // The language client may still be starting when the file opens: ask until it answers.
    const deadline = Date.now() + 20_000;
    let seen = await labels();
    while (!seen.includes('SinasPackage') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await labels();
    }
    for (const label of ['SinasPackage', 'apiVersion', 'kind', 'package', 'spec']) assert.ok(seen.includes(label), `${label} not among ${seen.join(', ')}`);
  });

  it('contributes the Get Started walkthrough, which opens', async () => {
    const walkthroughs = vscode.extensions.getExtension(extensionId)!.packageJSON.contributes.walkthroughs as { id: string; steps: unknown[] }[];
    assert.deepEqual(walkthroughs.map((w) => [w.id, w.steps.length]), [['sinas.gettingStarted', 4]]);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#sinas.gettingStarted`, false);
  });
});
