/**
 * dist/server.js the way Neovim, Helix, Zed or Emacs (eglot) run it: over stdio, without
 * `workspace/configuration` (settings pushed with didChangeConfiguration), without dynamic
 * registration, offering several position encodings. Diagnostics, completion, hover and rename
 * must work, with columns right on a line of multi-byte characters.
 */
import assert from 'node:assert/strict';
import type { CompletionList, Hover, MarkupContent, Position, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lsp-client';

// "Größe ✓ 😀" is 8 UTF-16 code units and 15 UTF-8 bytes before the expression on that line.
const TEXT = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: other-editors
spec:
  variables:
    - name: APP_URL
      type: text
      description: Where the app lives
    - name: UNUSED
      type: text
  connectors:
    - name: api
      description: "Größe ✓ 😀 \${{ vars.APP_URL }} \${{ vars.MISSING }}"
      baseUrl: "\${{ vars.APP_URL }}"
`;
const URI = 'file:///other-editors/package.sinas.yaml';
const LINE = 13;
const UTF16 = (needle: string) => TEXT.split('\n')[LINE].indexOf(needle);

/** What an editor without VS Code's extras sends in `initialize`. */
function capabilities(positionEncodings: string[]) {
  return {
    general: { positionEncodings },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true },
      completion: { dynamicRegistration: false, completionItem: { snippetSupport: true } },
      hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
      rename: { dynamicRegistration: false, prepareSupport: true },
    },
    workspace: { configuration: false, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: false },
  };
}

describe('the server as other editors run it', () => {
  for (const offered of [['utf-8', 'utf-16'], ['utf-8', 'utf-32', 'utf-16'], ['utf-16'], []]) {
    describe(`offering ${offered.length ? offered.join(', ') : 'no position encodings'}`, () => {
      let client: TestLspClient;
      before(async () => {
        client = await TestLspClient.start('stdio', undefined, undefined, { capabilities: capabilities(offered) });
      });
      after(() => client.stop());

      it('answers with UTF-16 positions, asks for nothing and registers nothing', () => {
        assert.equal(client.initializeResult?.capabilities.positionEncoding, 'utf-16');
        assert.deepEqual(client.registrations, []);
        assert.deepEqual(client.configurationRequests, []);
      });

      it('takes pushed settings and reports diagnostics on the right columns', async () => {
        client.open(URI, TEXT);
        const first = await client.waitForDiagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'undeclared-variable'));
        const undeclared = first.diagnostics.find((d) => d.code === 'undeclared-variable')!;
        assert.deepEqual(undeclared.range, { start: { line: LINE, character: UTF16('MISSING') }, end: { line: LINE, character: UTF16('MISSING') + 7 } });
        assert.ok(first.diagnostics.some((d) => d.code === 'unused-variable'));

        // Settings arrive only as didChangeConfiguration, as Helix, Neovim and eglot send them.
        client.setConfiguration('sinas', { diagnostics: { severity: { 'unused-variable': 'off' } } });
        await client.waitForDiagnostics(URI, (p) => !p.diagnostics.some((d) => d.code === 'unused-variable'));
      });

      it('completes, hovers and renames at UTF-16 columns', async () => {
        const use: Position = { line: LINE, character: UTF16('APP_URL') + 2 };
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: use });
        assert.match((hover.contents as MarkupContent).value, /Where the app lives/);
        // On the emoji, before the expression: not the variable. (Read as UTF-8 bytes, the
        // variable's UTF-16 column above would land 7 columns earlier, in the text.)
        const between = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: LINE, character: UTF16('😀') } });
        assert.doesNotMatch((between?.contents as MarkupContent | undefined)?.value ?? '', /Where the app lives/);

        const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: LINE, character: UTF16('APP_URL') } });
        const item = list.items.find((i) => i.label === 'APP_URL');
        assert.ok(item, JSON.stringify(list.items.map((i) => i.label)));

        const prepared = await client.request<Range | { range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: URI }, position: use });
        assert.deepEqual(('range' in prepared ? prepared.range : prepared).start, { line: LINE, character: UTF16('APP_URL') });
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: URI }, position: use, newName: 'BASE_URL' });
        const edits = edit.changes?.[URI] ?? [];
        assert.equal(edits.length, 3, JSON.stringify(edits));
        assert.ok(edits.some((e) => e.range.start.line === LINE && e.range.start.character === UTF16('APP_URL')));
      });
    });
  }

  it('takes settings from initializationOptions when it cannot ask for them (Sublime LSP, Kate)', async () => {
    const options = { sinas: { diagnostics: { severity: { 'unused-variable': 'off', 'undeclared-variable': 'warning' } } } };
    const client = await TestLspClient.start('stdio', options, undefined, { capabilities: capabilities(['utf-16']) });
    try {
      client.open(URI, TEXT);
      const first = await client.waitForDiagnostics(URI, (p) => p.diagnostics.length > 0);
      assert.ok(!first.diagnostics.some((d) => d.code === 'unused-variable'), 'switched off from the start');
      assert.equal(first.diagnostics.find((d) => d.code === 'undeclared-variable')?.severity, 2, 'a warning from the start');
    } finally {
      await client.stop();
    }
  });
});
