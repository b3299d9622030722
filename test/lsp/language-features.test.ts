/** Each editor capability through the built server (dist/server.js) over stdio. */
import assert from 'node:assert/strict';
import type {
  CodeAction,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  MarkupContent,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { applyEdits, applyWorkspaceEdit, textAt } from '../support/cursor';
import { TestLspClient } from '../support/lsp-client';

const TEXT = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: demo
spec:
  variables:
    - name: APP_URL
      type: text
      required: true
    - name: UNUSED
      type: text
  connectors:
    - name: api
      baseUrl: "\${{ vars.APP_URL }}/v1"
      headers:
        X-Key: "\${{ vars.API_KEY }}"
  functions:
    - name: f
      code: |
        url = "\${{ vars. }}"
  webhooks:
    - path: in
      functionName: f
      
`;

const URI = 'file:///lsp/features/package.yaml';
const at = (line: number, character: number) => ({ textDocument: { uri: URI }, position: { line, character } });
const lineOf = (find: string) => TEXT.split('\n').findIndex((l) => l.includes(find));

describe('language features over LSP', () => {
  let client: TestLspClient;
  before(async () => {
    client = await TestLspClient.start('stdio');
    client.open(URI, TEXT);
    await client.waitForDiagnostics(URI);
  });
  after(() => client.stop());

  it('announces its capabilities', () => {
    const caps = client.initializeResult!.capabilities;
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ['.', '{', '$', ' ']);
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
  });

  it('completes variables inside ${{ vars. }}', async () => {
    const line = lineOf('vars. }}');
    const list = await client.request<CompletionList>('textDocument/completion', at(line, TEXT.split('\n')[line].indexOf('vars.') + 5));
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['APP_URL', 'UNUSED'],
    );
    const edited = applyEdits(TEXT, [list.items[0].textEdit as TextEdit]);
    assert.match(edited, /url = "\$\{\{ vars\.APP_URL \}\}"/);
  });

  it('completes keys from the schema on a half-typed line, and references by kind', async () => {
    const line = lineOf('functionName: f') + 1;
    const keys = await client.request<CompletionList>('textDocument/completion', at(line, 6));
    const labels = keys.items.map((i) => i.label);
    assert.ok(labels.includes('httpMethod') && !labels.includes('path') && !labels.includes('functionName'));
    const refs = await client.request<CompletionList>('textDocument/completion', at(lineOf('functionName: f'), 20));
    assert.deepEqual(
      refs.items.map((i) => i.label),
      ['f'],
    );
  });

  it('hovers a key with the schema description', async () => {
    const hover = await client.request<Hover>('textDocument/hover', at(lineOf('functionName: f'), 8));
    assert.match((hover.contents as MarkupContent).value, /^\*\*functionName\*\*/);
  });

  it('goes from a reference to the resource', async () => {
    const [definition] = await client.request<Location[]>('textDocument/definition', at(lineOf('functionName: f'), 20));
    assert.equal(definition.range.start.line, lineOf('- name: f'));
  });

  it('hovers a use with its declaration', async () => {
    const hover = await client.request<Hover>('textDocument/hover', at(lineOf('baseUrl'), 25));
    assert.match((hover.contents as MarkupContent).value, /`APP_URL`.*required/);
    assert.equal(textAt(TEXT, hover.range!), 'APP_URL');
  });

  it('goes to the definition and finds references', async () => {
    const [definition] = await client.request<Location[]>('textDocument/definition', at(lineOf('baseUrl'), 25));
    assert.deepEqual(definition, { uri: URI, range: { start: { line: 6, character: 12 }, end: { line: 6, character: 19 } } });
    const references = await client.request<Location[]>('textDocument/references', { ...at(6, 14), context: { includeDeclaration: true } });
    assert.deepEqual(
      references.map((r) => r.range.start.line),
      [6, 13],
    );
  });

  it('renames a variable, and refuses a bad name with the reason', async () => {
    const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at(6, 14));
    assert.equal(prepared.placeholder, 'APP_URL');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(6, 14), newName: 'BASE_URL' });
    assert.equal(applyWorkspaceEdit(TEXT, edit, URI), TEXT.replaceAll('APP_URL', 'BASE_URL'));
    await assert.rejects(client.request('textDocument/rename', { ...at(6, 14), newName: 'base-url' }), /not a valid variable name/);
    await assert.rejects(client.request('textDocument/prepareRename', at(12, 13)), /Only install-time variables/);
  });

  it('offers quick fixes for the published diagnostics, by code', async () => {
    const { diagnostics } = client.latest.get(URI)!;
    const undeclared = diagnostics.find((d) => d.code === 'undeclared-variable')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: undeclared.range,
      context: { diagnostics: [undeclared] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Declare variable `API_KEY`'],
    );
    const fixed = applyWorkspaceEdit(TEXT, actions[0].edit!, URI);
    assert.match(fixed, /- name: UNUSED\n {6}type: text\n {4}- name: API_KEY\n {6}type: secret\n/);
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: undeclared.range,
      context: { diagnostics: [undeclared], only: ['refactor'] },
    });
    assert.deepEqual(none, []);
  });

  it('outlines and folds the document', async () => {
    const [root] = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.equal(root.name, 'demo');
    assert.deepEqual(
      root.children!.map((s) => [s.name, s.children!.map((c) => c.name)]),
      [
        ['variables', ['APP_URL', 'UNUSED']],
        ['connectors', ['default/api']],
        ['functions', ['default/f']],
        ['webhooks', ['in']],
      ],
    );
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
    assert.ok(folds.some((f) => f.startLine === 4 && f.endLine === 22));
  });

  it('answers empty results for documents it does not know, without crashing', async () => {
    const other = { textDocument: { uri: 'file:///nowhere.yaml' }, position: { line: 0, character: 0 } };
    assert.deepEqual(await client.request('textDocument/completion', other), { isIncomplete: false, items: [] });
    assert.equal(await client.request('textDocument/hover', other), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: other.textDocument }), []);
  });
});
