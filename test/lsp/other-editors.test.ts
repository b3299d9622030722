/**
 * dist/server.js the way Neovim, Helix, Zed or Emacs (eglot) run it: over stdio, without
 * `workspace/configuration` (settings pushed with didChangeConfiguration), without dynamic
 * registration, offering several position encodings. Diagnostics, completion, hover, navigation,
 * rename and incremental edits must work, with columns right on a line of multi-byte characters
 * in whichever encoding was negotiated (UTF-8 byte columns for editors that prefer them).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI as Uri } from 'vscode-uri';
import type { CodeAction, CompletionList, Hover, Location, MarkupContent, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { spawn } from 'node:child_process';
import { SERVER, TestLspClient } from '../support/lsp-client';

// "Größe ✓ 😀 " is 11 UTF-16 code units and 17 UTF-8 bytes before the first expression on that line.
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
const LINE_TEXT = TEXT.split('\n')[LINE];

type Encoding = 'utf-8' | 'utf-16';
/** The column of `needle` on the multi-byte line (plus `delta` characters of ASCII), in `encoding`. */
function columnOf(encoding: Encoding, needle: string, delta = 0, line = LINE_TEXT): number {
  const units = line.indexOf(needle);
  assert.ok(units >= 0, needle);
  return (encoding === 'utf-8' ? Buffer.byteLength(line.slice(0, units)) : units) + delta;
}

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

const NEGOTIATIONS: [string[], Encoding][] = [
  [['utf-8', 'utf-16'], 'utf-8'], // Neovim, Helix
  [['utf-8', 'utf-32', 'utf-16'], 'utf-8'],
  [['utf-32', 'utf-16', 'utf-8'], 'utf-16'], // the editor's order wins
  [['utf-16'], 'utf-16'],
  [[], 'utf-16'], // Zed, eglot: nothing offered means the LSP default
];

describe('the server as other editors run it', () => {
  for (const [offered, encoding] of NEGOTIATIONS) {
    describe(`offering ${offered.length ? offered.join(', ') : 'no position encodings'}`, () => {
      const col = (needle: string, delta = 0) => columnOf(encoding, needle, delta);
      const on = (needle: string, delta = 0): Position => ({ line: LINE, character: col(needle, delta) });
      const span = (needle: string): Range => ({ start: on(needle), end: on(needle, needle.length) });
      let client: TestLspClient;
      before(async () => {
        client = await TestLspClient.start('stdio', undefined, undefined, { capabilities: capabilities(offered) });
      });
      after(() => client.stop());

      it(`answers with ${encoding} positions, asks for nothing and registers nothing`, () => {
        assert.equal(client.initializeResult?.capabilities.positionEncoding, encoding);
        assert.deepEqual(client.registrations, []);
        assert.deepEqual(client.configurationRequests, []);
      });

      it('takes pushed settings and reports diagnostics on the right columns', async () => {
        client.open(URI, TEXT);
        const first = await client.waitForDiagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'undeclared-variable'));
        const undeclared = first.diagnostics.find((d) => d.code === 'undeclared-variable')!;
        assert.deepEqual(undeclared.range, span('MISSING'));
        assert.ok(first.diagnostics.some((d) => d.code === 'unused-variable'));

        // Settings arrive only as didChangeConfiguration, as Helix, Neovim and eglot send them.
        client.setConfiguration('sinas', { diagnostics: { severity: { 'unused-variable': 'off' } } });
        await client.waitForDiagnostics(URI, (p) => !p.diagnostics.some((d) => d.code === 'unused-variable'));
      });

      it(`completes and hovers at ${encoding} columns`, async () => {
        const use = on('APP_URL', 2);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: use });
        assert.match((hover.contents as MarkupContent).value, /Where the app lives/);
        assert.deepEqual(hover.range, span('APP_URL'));
        // On the emoji, before the expression: not the variable. (Read in the other encoding,
        // the variable's column above would land 6 columns away.)
        const between = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: on('😀') });
        assert.doesNotMatch((between?.contents as MarkupContent | undefined)?.value ?? '', /Where the app lives/);

        const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: on('APP_URL', 3) });
        const item = list.items.find((i) => i.label === 'APP_URL');
        assert.ok(item, JSON.stringify(list.items.map((i) => i.label)));
        const edit = item.textEdit as TextEdit;
        assert.equal(edit.range.start.line, LINE);
        assert.equal(edit.range.start.character, col('APP_URL'), JSON.stringify(edit));
        assert.ok([col('APP_URL', 3), col('APP_URL', 7)].includes(edit.range.end.character), JSON.stringify(edit));
      });

      it(`goes to definition and finds references at ${encoding} columns`, async () => {
        const use = on('APP_URL', 2);
        const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: URI }, position: use });
        assert.deepEqual(
          definition.map((l) => l.range.start),
          [{ line: 6, character: TEXT.split('\n')[6].indexOf('APP_URL') }],
        );
        const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: URI }, position: use, context: { includeDeclaration: false } });
        assert.deepEqual(
          references.map((l) => l.range).filter((r) => r.start.line === LINE),
          [span('APP_URL')],
        );
        assert.equal(references.length, 2, JSON.stringify(references));
      });

      it(`prepares and renames at ${encoding} columns`, async () => {
        const use = on('APP_URL', 2);
        const prepared = await client.request<Range | { range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: URI }, position: use });
        assert.deepEqual('range' in prepared ? prepared.range : prepared, span('APP_URL'));
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: URI }, position: use, newName: 'BASE_URL' });
        const edits = edit.changes?.[URI] ?? [];
        assert.equal(edits.length, 3, JSON.stringify(edits));
        assert.deepEqual(edits.filter((e) => e.range.start.line === LINE).map((e) => e.range), [span('APP_URL')]);
      });

      it('clamps a column past the end of the line or inside a character, never fails', async () => {
        // Inside 😀: between its UTF-16 surrogates, or among its 4 UTF-8 bytes.
        const inside = (encoding === 'utf-8' ? [1, 2, 3] : [1]).map((delta) => col('😀', delta));
        for (const character of [...inside, 10_000]) {
          const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: LINE, character } });
          assert.doesNotMatch((hover?.contents as MarkupContent | undefined)?.value ?? '', /Where the app lives/, String(character));
        }
        const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: LINE, character: 10_000 } });
        assert.ok(Array.isArray(list.items));
      });

      it(`applies an incremental change given in ${encoding} columns, and fixes at them`, async () => {
        // MISSING -> APP_URLS: a range read in the other encoding would cut the line 6 columns off.
        client.changeRange(URI, span('MISSING'), 'APP_URLS');
        const changed = LINE_TEXT.replace('MISSING', 'APP_URLS');
        const typo: Range = { start: { line: LINE, character: columnOf(encoding, 'APP_URLS', 0, changed) }, end: { line: LINE, character: columnOf(encoding, 'APP_URLS', 8, changed) } };
        const after = await client.waitForDiagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'undeclared-variable' && d.message.includes('APP_URLS')));
        const undeclared = after.diagnostics.filter((d) => d.code === 'undeclared-variable');
        assert.deepEqual(undeclared.map((d) => d.range), [typo]);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: on('APP_URL', 2) });
        assert.match((hover.contents as MarkupContent).value, /Where the app lives/, 'the text before the change is intact');

        // The diagnostic goes back as the editor got it; the fix edits the same columns.
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: typo, context: { diagnostics: undeclared } });
        const change = actions.find((a) => a.title === 'Change to `APP_URL`');
        assert.ok(change, JSON.stringify(actions.map((a) => a.title)));
        assert.deepEqual(change.diagnostics, undeclared);
        assert.deepEqual(change.edit?.changes?.[URI], [{ range: typo, newText: 'APP_URL' }]);
      });
    });
  }

  it('puts UTF-8 columns right on a long multi-byte line with many findings', async () => {
    const uses = Array.from({ length: 500 }, (_, i) => `ü😀 \${{ vars.MISSING_${i} }}`).join(' ');
    const text = TEXT.replace('Größe ✓ 😀', uses);
    const client = await TestLspClient.start('stdio', undefined, undefined, { capabilities: capabilities(['utf-8', 'utf-16']) });
    try {
      client.open(URI, text);
      const line = text.split('\n')[LINE];
      const published = await client.waitForDiagnostics(URI, (p) => p.diagnostics.filter((d) => d.code === 'undeclared-variable').length > 100);
      const undeclared = published.diagnostics.filter((d) => d.code === 'undeclared-variable');
      for (const d of undeclared) {
        const name = /MISSING(_\d+)?/.exec(d.message)?.[0] ?? assert.fail(d.message);
        const start = Buffer.byteLength(line.slice(0, line.indexOf(`.${name} }}`) + 1));
        assert.deepEqual(d.range, { start: { line: LINE, character: start }, end: { line: LINE, character: start + Buffer.byteLength(name) } }, name);
      }
    } finally {
      await client.stop();
    }
  });

  it('reports a closed workspace file in UTF-8 columns of the text on disk', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sinas-utf8-'));
    const path = join(root, 'closed.sinas.yaml');
    writeFileSync(path, TEXT);
    const uri = Uri.file(path).toString();
    const client = await TestLspClient.start('stdio', undefined, undefined, {
      workspaceFolders: [{ uri: Uri.file(root).toString(), name: 'ws' }],
      capabilities: capabilities(['utf-8', 'utf-16']),
    });
    try {
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'undeclared-variable'));
      const undeclared = published.diagnostics.find((d) => d.code === 'undeclared-variable')!;
      assert.deepEqual(undeclared.range, { start: { line: LINE, character: columnOf('utf-8', 'MISSING') }, end: { line: LINE, character: columnOf('utf-8', 'MISSING', 7) } });
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  for (const encoding of ['utf-8', 'utf-16'] as const) {
    it(`syncs a large package by full texts (vim-lsp, Kakoune) with the findings of a fresh open, in ${encoding} columns`, async () => {
      // Over 128 kB: the server compares each full text with the last one (lsp/full-text/).
      const connectors = Array.from({ length: 1500 }, (_, i) => `    - name: api${i}\n      description: "Größe ✓ 😀 \${{ vars.APP_URL }} ${i}"\n      baseUrl: "\${{ vars.APP_URL }}"\n`).join('');
      const base = TEXT.replace('  connectors:\n', `  connectors:\n${connectors}`);
      const client = await TestLspClient.start('stdio', undefined, undefined, { capabilities: capabilities([encoding]) });
      try {
        client.open(URI, base);
        await client.waitForDiagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'undeclared-variable'));
        // Typing a second undeclared variable, one full text per keystroke, on a line of multi-byte characters.
        let text = base;
        let at = base.indexOf('😀 ${{ vars.APP_URL }} 1200"') + 2;
        for (const typed of ['$', '{{', ' vars.', 'NOPE', ' }}']) {
          text = text.slice(0, at) + typed + text.slice(at);
          at += typed.length;
          client.change(URI, text);
        }
        const line = text.slice(0, at).split('\n').length - 1;
        const lineText = text.split('\n')[line];
        const published = await client.waitForDiagnostics(URI, (p) => p.diagnostics.some((d) => d.message.includes('NOPE')));
        const nope = published.diagnostics.find((d) => d.message.includes('NOPE'))!;
        const units = lineText.indexOf('NOPE');
        const start = encoding === 'utf-8' ? Buffer.byteLength(lineText.slice(0, units)) : units;
        assert.deepEqual(nope.range, { start: { line, character: start }, end: { line, character: start + 4 } });
        // The same findings as the final text opened afresh.
        const fresh = 'file:///other-editors/fresh.sinas.yaml';
        client.open(fresh, text);
        const reopened = await client.waitForDiagnostics(fresh, (p) => p.diagnostics.some((d) => d.message.includes('NOPE')));
        const key = (d: { code?: unknown; range: Range; message: string }) => JSON.stringify([d.code, d.range, d.message]);
        assert.deepEqual(published.diagnostics.map(key).sort(), reopened.diagnostics.map(key).sort());
      } finally {
        await client.stop();
      }
    });
  }

  it('ends when the editor closes stdin: with code 0 after a shutdown request, 1 without', async () => {
    const frame = (message: object) => {
      const body = JSON.stringify(message);
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    for (const [messages, code] of [
      [[{ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }], 1],
      [[{ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }, { jsonrpc: '2.0', id: 2, method: 'shutdown' }], 0],
    ] as const) {
      const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
      let answered = '';
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      // Close stdin once the last request is answered.
      child.stdout.on('data', (data: Buffer) => {
        answered += data.toString();
        if (answered.includes(`"id":${messages.length}`) && answered.includes('"result"')) child.stdin.end();
      });
      for (const message of messages) child.stdin.write(frame(message));
      assert.equal(await exited, code, JSON.stringify(messages.map((m) => m.method)));
    }
  });

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
