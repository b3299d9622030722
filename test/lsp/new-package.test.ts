/**
 * Starting a package through the built server: an empty `*.sinas.yaml` (or empty YAML) is answered
 * with the package skeleton, never with nothing (which an editor fills with word completion).
 */
import assert from 'node:assert/strict';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lsp-client';

describe('a new package over LSP', () => {
  let client: TestLspClient;
  before(async () => {
    client = await TestLspClient.start('stdio');
  });
  after(() => client.stop());

  const complete = (uri: string, line = 0, character = 0) =>
    client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character } }).then((list) => list.items.map((i) => i.label).sort());

  it('completes the skeleton and the header keys in an empty *.sinas.yaml', async () => {
    const uri = 'file:///lsp/new/support-desk.sinas.yaml';
    client.open(uri, '');
    assert.deepEqual(await complete(uri), ['SinasPackage', 'apiVersion', 'kind', 'metadata', 'package', 'spec']);
    client.change(uri, 'apiVersion: ');
    assert.deepEqual(await complete(uri, 0, 12), ['sinas.co/v1']);
  });

  it('offers only the skeleton in other empty YAML, and nothing in YAML that is something else', async () => {
    const empty = 'file:///lsp/new/notes.yaml';
    client.open(empty, '\n');
    assert.deepEqual(await complete(empty), ['SinasPackage']);
    const compose = 'file:///lsp/new/compose.yaml';
    client.open(compose, 'services:\n  web:\n    image: nginx\n\n');
    assert.deepEqual(await complete(compose, 3, 0), []);
  });

  it('once the header is typed, the document is a package told what it still lacks', async () => {
    const uri = 'file:///lsp/new/started.sinas.yaml';
    client.open(uri, 'apiVersion: sinas.co/v1\nkind: SinasPackage\n');
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['missing-required']);
    assert.match(published.diagnostics[0].message, /`package`/);
  });
});
