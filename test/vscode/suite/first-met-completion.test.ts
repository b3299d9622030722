// Completion at the points a newcomer meets first, asked of VS Code as its editor would:
// skipped sections last with their reason, reference fields answered with the package's own
// resources in the backend's form (never left to word completion), snippets without invented names.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { sinasApi } from './instance-helpers';

const TEXT = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: first-met
  version: "1.0.0"
spec:
  functions:
    - name: notify_team
      code: |
        def handler(input_data, context):
            return {}
    - namespace: tools
      name: lookup_order
      code: |
        def handler(input_data, context):
            return {}
  agents:
    - namespace: support
      name: bot
      enabledFunctions:
        - tools/lookup_order
        - 
  webhooks:
    - path: incoming
      functionName: 
  
`;

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The list as the suggest widget orders it. */
async function completionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return [...list.items].sort((a, b) => (a.sortText ?? label(a)).localeCompare(b.sortText ?? label(b)));
}

/**
 * The package's own candidates, and those of the active instance (the test workbench has the
 * sandbox as one; described as "… on <instance>"), which must all come after the package's own.
 */
function byOrigin(items: vscode.CompletionItem[]): [vscode.CompletionItem[], vscode.CompletionItem[]] {
  const onInstance = (i: vscode.CompletionItem) => / on \S/.test(i.detail ?? '');
  const first = items.findIndex(onInstance);
  const own = first < 0 ? items : items.slice(0, first);
  const rest = first < 0 ? [] : items.slice(first);
  assert.ok(rest.every(onInstance), `the package's own candidates come first: ${items.map(label).join(', ')}`);
  return [own, rest];
}

describe('completion where a newcomer meets it first', () => {
  let dir: string;
  let document: vscode.TextDocument;
  const lineOf = (text: string, from = 0) => document.getText().split('\n').findIndex((l, i) => i >= from && l === text);

  before(async () => {
    await sinasApi();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinas-first-met-'));
    const file = path.join(dir, 'first-met.sinas.yaml');
    fs.writeFileSync(file, TEXT);
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
    // The server answers once it has the document: ask until it does.
    const deadline = Date.now() + 20_000;
    while ((await completionsAt(document, new vscode.Position(lineOf('      functionName: '), 20))).length === 0) {
      if (Date.now() > deadline) throw new Error('no completion from the Sinas server within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a webhook’s functionName with the bare names of `default` functions only', async () => {
    const items = await completionsAt(document, new vscode.Position(lineOf('      functionName: '), 20));
    const [own, fromInstance] = byOrigin(items);
    assert.deepEqual(own.map(label), ['notify_team']);
    assert.equal(own[0].kind, vscode.CompletionItemKind.Reference);
    // The active instance's functions come after the package's own, bare too (`default` only).
    assert.ok(fromInstance.every((i) => !label(i).includes('/')), fromInstance.map(label).join(', '));
  });

  it('answers a new enabledFunctions item with the other functions as namespace/name', async () => {
    const items = await completionsAt(document, new vscode.Position(lineOf('        - '), 10));
    const [own, fromInstance] = byOrigin(items.filter((i) => i.kind === vscode.CompletionItemKind.Reference));
    assert.deepEqual(own.map(label), ['default/notify_team']);
    assert.ok(fromInstance.every((i) => /^[^/]+\/[^/]+$/.test(label(i))), fromInstance.map(label).join(', '));
    // Nothing VS Code made up from the words of the file.
    assert.ok(!items.some((i) => label(i) === 'lookup_order' || label(i) === 'handler'), items.map(label).join(', '));
  });

  it('lists the sections an install skips last, saying why', async () => {
    const items = await completionsAt(document, new vscode.Position(lineOf('  '), 2));
    const sections = items.map(label);
    const tail = sections.slice(-4).sort();
    assert.deepEqual(tail, ['databaseConnections', 'llmProviders', 'roles', 'users']);
    assert.match(items.find((i) => label(i) === 'roles')?.detail ?? '', /^skipped on install/);
  });
});
