/**
 * The built server finds its embedded-language parsers (dist/parsers/*.js and their WebAssembly)
 * at run time: they load on first need, after which the open document is checked again.
 */
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/protocol/server-process';
import { SERVER, TestLspClient } from '../support/lsp-client';

const PACKAGE = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: demo
spec:
  functions:
    - name: broken
      code: |
        def handler(input_data, context)
            return {}
  queries:
    - name: typo
      connectionName: built-in
      operation: read
      sql: SELEC id FROM t LIMIT 5
  templates:
    - name: mail
      htmlContent: "{% if x %}unclosed"
  stores:
    - name: notes
      schema:
        type: strng
`;

describe('embedded languages through the built server', () => {
  let client: TestLspClient;
  before(async () => {
    client = await TestLspClient.start('stdio');
  });
  after(() => client.stop());

  it('reports Python, SQL, Jinja2 and JSON Schema problems once their parsers have loaded', async () => {
    const uri = 'file:///tmp/embedded/package.yaml';
    client.open(uri, PACKAGE);
    const wanted = ['invalid-json-schema', 'python-syntax', 'sql-syntax', 'template-syntax'];
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => wanted.every((code) => p.diagnostics.some((d) => d.code === code)));
    const byCode = new Map(diagnostics.map((d) => [d.code, d.range]));
    assert.deepEqual(byCode.get('python-syntax'), { start: { line: 8, character: 39 }, end: { line: 8, character: 40 } });
    assert.deepEqual(byCode.get('sql-syntax'), { start: { line: 14, character: 11 }, end: { line: 14, character: 16 } });
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), wanted);
  });
});

describe('the built server as the extension starts it', () => {
  // Node modules a server over stdio never needs; each one loaded costs resident memory.
  const UNUSED = ['crypto', 'child_process', 'os', 'vm', 'v8', 'fs/promises'];

  /** The modules a server loaded while `session` ran against it, as report-modules.cjs lists them. */
  async function modulesLoaded(session: (client: TestLspClient) => Promise<void>): Promise<string[]> {
    const dir = mkdtempSync(join(tmpdir(), 'sinas-modules-'));
    const file = join(dir, 'modules.json');
    try {
      const execArgv = [...SERVER_EXEC_ARGV, '--require', join(__dirname, '../support/report-modules.cjs')];
      const client = await TestLspClient.start('stdio', undefined, SERVER, { execArgv, env: { ...SERVER_ENV, SINAS_TEST_MODULES_FILE: file } });
      await session(client);
      await client.stop();
      return JSON.parse(readFileSync(file, 'utf8')) as string[];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('checks every embedded language without loading a Node module it does not use', async () => {
    const loaded = await modulesLoaded(async (client) => {
      const uri = 'file:///tmp/embedded/modules.yaml';
      client.open(uri, PACKAGE);
      const wanted = ['invalid-json-schema', 'python-syntax', 'sql-syntax', 'template-syntax'];
      await client.waitForDiagnostics(uri, (p) => wanted.every((code) => p.diagnostics.some((d) => d.code === code)));
    });
    assert.ok(loaded.includes('NativeModule net'), 'the list names the modules loaded');
    assert.ok(loaded.some((name) => name.endsWith('parse-jinja.js')), 'and the parsers loaded');
    assert.deepEqual(UNUSED.filter((name) => loaded.includes(`NativeModule ${name}`)), []);
  });

  it('does not load the Jinja2 parser (WebAssembly) for prompts and templates without a tag', async () => {
    const plain = PACKAGE.replace('"{% if x %}unclosed"', '"Hello {name}, 100% done"') + `  agents:
    - name: helper
      systemPrompt: |
        Answer briefly. Use {braces} and 50% of the budget.
`;
    const loaded = await modulesLoaded(async (client) => {
      const uri = 'file:///tmp/embedded/plain.yaml';
      client.open(uri, plain);
      await client.waitForDiagnostics(uri, (p) => ['python-syntax', 'sql-syntax'].every((code) => p.diagnostics.some((d) => d.code === code)));
      // A parser asked for starts loading on the next turn: one more round trip lets it begin.
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    });
    assert.ok(loaded.some((name) => name.endsWith('parse-python.js')), 'the parsers the package needs loaded');
    assert.deepEqual(loaded.filter((name) => name.endsWith('parse-jinja.js')), []);
  });
});
