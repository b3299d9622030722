// Editor features through VS Code's own provider commands, as a user's editor would ask for
// them: completion, hover, definition, rename and a quick fix on test/fixtures/vscode/.
// Everything waits on events (diagnostics) before asking; nothing sleeps a fixed time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, rangeOf, waitForDiagnostics } from './helpers';

const FIXTURE = 'language-features.yaml';

/** Opens the fixture and waits until the server has analysed it (its one diagnostic arrived). */
async function ready(): Promise<vscode.TextDocument> {
  const document = await openFixture(FIXTURE);
  await waitForDiagnostics(document.uri, (all) => all.some((d) => d.source === 'sinas' && codeOf(d) === 'undeclared-variable'));
  return document;
}

function markdownOf(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

function targetOf(location: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in location ? { uri: location.targetUri, range: location.targetSelectionRange ?? location.targetRange } : location;
}

describe('language features in VS Code', () => {
  let document: vscode.TextDocument;
  before(async () => {
    document = await ready();
  });

  it('completes declared variables inside ${{ vars. }}', async () => {
    const at = rangeOf(document, 'APP_URL', 'baseUrl: "${{ vars.').start;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
    const item = list.items.find((i) => i.label === 'APP_URL');
    assert.ok(item, `no APP_URL among ${list.items.map((i) => JSON.stringify(i.label)).join(', ')}`);
    assert.equal(item.detail, 'text, required');
  });

  it('completes references of the right kind in enabledFunctions', async () => {
    const at = rangeOf(document, 'lookup', '- tools/').start;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
    assert.ok(
      list.items.some((i) => i.label === 'tools/lookup'),
      list.items.map((i) => JSON.stringify(i.label)).join(', '),
    );
  });

  it('hovers a variable use with its declaration, and a key with its schema description', async () => {
    const use = rangeOf(document, 'APP_URL', 'baseUrl: "${{ vars.').start;
    const onUse = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, use);
    assert.match(markdownOf(onUse), /Base URL of the app/);
    const key = rangeOf(document, 'baseUrl').start.translate(0, 2);
    const onKey = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, key);
    assert.match(markdownOf(onKey), /\*\*baseUrl\*\*/);
  });

  it('goes to the definition of a variable and of a referenced function', async () => {
    const fromUse = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      rangeOf(document, 'APP_URL', 'baseUrl: "${{ vars.').start,
    );
    assert.equal(fromUse.length, 1);
    assert.ok(targetOf(fromUse[0]).range.isEqual(rangeOf(document, 'APP_URL', '- name: ')));
    const fromReference = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      rangeOf(document, 'tools/lookup').start,
    );
    assert.equal(fromReference.length, 1);
    assert.ok(targetOf(fromReference[0]).range.isEqual(rangeOf(document, 'lookup', 'name: ')));
  });

  it('renames a variable everywhere, and refuses a name Sinas would not substitute', async () => {
    const at = rangeOf(document, 'APP_URL', '- name: ').start;
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, at, 'BASE_URL');
    const edits = edit.get(document.uri);
    assert.equal(edits.length, 3);
    assert.ok(edits.every((e) => e.newText === 'BASE_URL' && document.getText(e.range) === 'APP_URL'));
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, at, 'base-url')),
      /not a valid variable name/,
    );
  });

  it('declares an undeclared variable with the quick fix chosen by its code', async () => {
    // On an untitled copy: an edit to the fixture itself has ended up on disk when a run was
    // killed (code-server saves the file), and every later run then found nothing to fix.
    const copy = await vscode.workspace.openTextDocument({ language: 'yaml', content: document.getText() });
    await vscode.window.showTextDocument(copy);
    const [diagnostic] = await waitForDiagnostics(copy.uri, (all) => all.some((d) => codeOf(d) === 'undeclared-variable')).then((all) =>
      all.filter((d) => codeOf(d) === 'undeclared-variable'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', copy.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const declare = actions.find((a) => a.title === 'Declare variable `API_TOKEN`');
    assert.ok(declare?.edit, `no "Declare variable" among ${actions.map((a) => a.title).join(', ')}`);
    try {
      assert.ok(await vscode.workspace.applyEdit(declare.edit));
      assert.match(copy.getText(), /\n {4}- name: API_TOKEN\n {6}type: secret\n/);
      await waitForDiagnostics(copy.uri, (all) => !all.some((d) => d.source === 'sinas'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
