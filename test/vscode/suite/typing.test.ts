// Typing noise in a real VS Code: while an expression is typed, its error waits for a pause in
// typing (what the edit changed on other lines shows at once); a half-typed key ends as one
// finding, never a cascade. Edits go through the editor, so the server gets them incrementally.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, formatDiagnostics, sinasDiagnostics, waitForDiagnostics } from './helpers';
import { extensionPath, sinasApi } from './instance-helpers';


describe('typing noise', () => {
  let dir: string;
  let TEXT: string;
  const config = () => vscode.workspace.getConfiguration('sinas');

  before(async () => {
    await sinasApi();
    TEXT = fs.readFileSync(path.join(extensionPath(), 'test', 'fixtures', 'typing', 'tone.yaml'), 'utf8');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinas-typing-'));
    // Long enough that the publish right after an edit always falls inside it, even on a busy machine.
    await config().update('validation.typingPauseMs', 4000, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update('validation.typingPauseMs', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openClean(name: string): Promise<vscode.TextEditor> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, TEXT);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    // A clean package publishes no problem to wait for: wait until the server answers for it.
    const deadline = Date.now() + 20_000;
    while (!(await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri))?.length) {
      if (Date.now() > deadline) throw new Error('the Sinas server did not analyse the document');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(sinasDiagnostics(document.uri).length, 0, formatDiagnostics(sinasDiagnostics(document.uri)));
    return editor;
  }

  const line = (needle: string) => TEXT.split('\n').findIndex((l) => l.includes(needle));

  it('holds the error of the expression being typed until typing pauses', async () => {
    const editor = await openClean('expression.sinas.yaml');
    const uri = editor.document.uri;
    const typed = line('description: "Tone:');
    const start = TEXT.split('\n')[typed].indexOf('${{ vars.') + '${{ vars.'.length;
    // As if the name after `vars.` had just been deleted: the cursor is inside `${{ vars.`.
    await editor.edit((edit) => edit.delete(new vscode.Range(typed, start, typed, start + 'TONE }}'.length)));
    const first = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'unused-variable'));
    assert.ok(!first.some((d) => d.range.start.line === typed), `shown while typing: ${formatDiagnostics(first)}`);
    const paused = await waitForDiagnostics(uri, (all) => all.some((d) => d.range.start.line === typed));
    assert.deepEqual(paused.filter((d) => d.range.start.line === typed).map(codeOf), ['malformed-expression']);
  });

  it('ends a half-typed key as one finding, with no cascade on the way', async () => {
    const editor = await openClean('half-typed.sinas.yaml');
    const uri = editor.document.uri;
    const seen = new Set<string>();
    const subscription = vscode.languages.onDidChangeDiagnostics(() => sinasDiagnostics(uri).forEach((d) => seen.add(`${codeOf(d)}@${d.range.start.line}`)));
    try {
      const after = line('name: bot');
      // A new line above `description:`, typed a key's first letters.
      await editor.edit((edit) => edit.insert(new vscode.Position(after, TEXT.split('\n')[after].length), '\n      temp'));
      const settled = await waitForDiagnostics(uri, (all) => all.some((d) => d.source === 'sinas'));
      assert.deepEqual(settled.filter((d) => d.source === 'sinas').map((d) => `${codeOf(d)}@${d.range.start.line}`), [`yaml-syntax@${after + 1}`]);
      assert.deepEqual([...seen], [`yaml-syntax@${after + 1}`], 'nothing else was ever reported');
    } finally {
      subscription.dispose();
    }
  });
});
