/**
 * Typing noise through the built server: a new finding on the line being typed waits for a pause
 * in typing (`sinas.validation.typingPauseMs`), findings elsewhere and ones already shown do not,
 * and a half-typed key is one finding, never a cascade. Edits are incremental, as an editor sends them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lsp-client';

const TEXT = readFileSync(join(__dirname, '../fixtures/typing/tone.yaml'), 'utf8');
const lineOf = (needle: string) => TEXT.split('\n').findIndex((l) => l.includes(needle));
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.code}@${d.range.start.line}`).sort();

describe('typing over LSP', function () {
  this.timeout(30_000);
  let client: TestLspClient;
  let n = 0;
  let uri: string;

  let applied: number | undefined;
  /** Applies a pause setting; the server re-publishes open documents once it has a new one. */
  async function pause(typingPauseMs: number): Promise<void> {
    if (applied === typingPauseMs) return;
    applied = typingPauseMs;
    const next = client.nextDiagnostics(uri);
    client.setConfiguration('sinas', { validation: { typingPauseMs } });
    await next;
  }

  before(async () => {
    client = await TestLspClient.start('stdio');
  });
  after(() => client.stop());
  beforeEach(async () => {
    uri = `file:///lsp/typing/package-${++n}.yaml`;
    client.open(uri, TEXT);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    // Long enough that the first publish after an edit (50 ms) always falls inside the pause,
    // even on a loaded machine.
    await pause(3000);
  });

  it('holds the error of an expression being typed until the pause, showing what it changed elsewhere at once', async () => {
    // `"Tone: ${{ vars.TONE }}"` becomes `"Tone: ${{ vars."` — the cursor right after the dot.
    const line = lineOf('description: "Tone:');
    const start = TEXT.split('\n')[line].indexOf('${{ vars.') + '${{ vars.'.length;
    const version = client.changeRange(uri, { start: { line, character: start }, end: { line, character: start + 'TONE }}'.length } }, '');
    const first = await client.waitForDiagnostics(uri, (p) => p.version === version);
    // The declaration is now unused (another line): shown. The open `${{` on the typed line: held.
    assert.deepEqual(codes(first), [`unused-variable@${lineOf('- name: TONE')}`]);
    const paused = await client.waitForDiagnostics(uri, (p) => p.version === version && p.diagnostics.some((d) => d.range.start.line === line));
    assert.deepEqual(codes(paused), [`malformed-expression@${line}`, `unused-variable@${lineOf('- name: TONE')}`].sort());
  });

  it('gives a half-typed key one finding, after the pause, and never a cascade', async () => {
    // A new line typed after `name: bot`, above `description:` (which YAML would merge it with).
    const line = lineOf('name: bot') + 1;
    const version = client.changeRange(uri, { start: { line: line - 1, character: TEXT.split('\n')[line - 1].length } }, '\n      temp');
    const first = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.deepEqual(codes(first), []);
    const paused = await client.waitForDiagnostics(uri, (p) => p.version === version && p.diagnostics.length > 0);
    assert.deepEqual(codes(paused), [`yaml-syntax@${line}`]);
    assert.match(paused.diagnostics[0].message, /`temp` is not a key yet/);
  });

  it('keeps showing an error that was there while it is being corrected', async () => {
    const line = lineOf('systemPrompt:');
    // An error on the line, shown after the pause.
    let version = client.changeRange(uri, { start: { line, character: 6 } }, 'x');
    await client.waitForDiagnostics(uri, (p) => p.version === version && p.diagnostics.length > 0);
    // Typing on that line again: the same error is updated at once, not hidden.
    version = client.changeRange(uri, { start: { line, character: 7 } }, 'y');
    const next = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.deepEqual(codes(next), [`ignored-field@${line}`]);
  });

  it('holds nothing when the pause is 0', async () => {
    await pause(0);
    const line = lineOf('name: bot') + 1;
    const version = client.changeRange(uri, { start: { line: line - 1, character: TEXT.split('\n')[line - 1].length } }, '\n      temp');
    const first = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.deepEqual(codes(first), [`yaml-syntax@${line}`]);
  });

  it('holds it the same for an editor that counts columns in UTF-8 bytes', async () => {
    const utf8 = await TestLspClient.start('stdio', undefined, undefined, {
      capabilities: {
        general: { positionEncodings: ['utf-8', 'utf-16'] },
        textDocument: { publishDiagnostics: { versionSupport: true } },
        workspace: { configuration: true },
      },
    });
    try {
      const text = TEXT.replace('description: "Tone:', 'description: "Größe 😀 Tone:');
      const line = text.split('\n').findIndex((l) => l.includes('Größe'));
      const doc = 'file:///lsp/typing/utf-8.yaml';
      utf8.open(doc, text);
      await utf8.waitForDiagnostics(doc, (p) => p.diagnostics.length === 0);
      const next = utf8.nextDiagnostics(doc);
      utf8.setConfiguration('sinas', { validation: { typingPauseMs: 3000 } });
      await next;
      // `${{ vars.TONE }}` loses `TONE }}`, the cursor after the dot: columns in bytes.
      const bytes = Buffer.byteLength(text.split('\n')[line].slice(0, text.split('\n')[line].indexOf('${{ vars.') + '${{ vars.'.length));
      const version = utf8.changeRange(doc, { start: { line, character: bytes }, end: { line, character: bytes + 'TONE }}'.length } }, '');
      const first = await utf8.waitForDiagnostics(doc, (p) => p.version === version);
      assert.deepEqual(codes(first), [`unused-variable@${lineOf('- name: TONE')}`]);
      const paused = await utf8.waitForDiagnostics(doc, (p) => p.version === version && p.diagnostics.some((d) => d.range.start.line === line));
      assert.deepEqual(codes(paused), [`malformed-expression@${line}`, `unused-variable@${lineOf('- name: TONE')}`].sort());
      // Published in bytes: the expression starts after `Größe 😀 ` (2 + 4 bytes more than characters).
      const expression = paused.diagnostics.find((d) => d.code === 'malformed-expression')!;
      assert.equal(expression.range.start.character, Buffer.byteLength(text.split('\n')[line].slice(0, text.split('\n')[line].indexOf('${{'))));
    } finally {
      await utf8.stop();
    }
  });
});
