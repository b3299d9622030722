/**
 * Inputs that once hung the language server, through the built dist/server.js: each must be
 * answered (diagnostics published, a request answered) well within the budget, where the old
 * backtracking or quadratic code took from seconds to minutes.
 */
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-protocol';
import { REDOS } from '../support/redos';
import { TestLspClient } from '../support/lsp-client';

/** Far above what these take (milliseconds), far below what they took before the fixes. */
const BUDGET_MS = 5000;

const HEADER = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: hostile\n  version: "1.0.0"\nspec:\n';

function withPattern(pattern: string, value: string): string {
  return `${HEADER}  variables:\n    - name: VALUE\n      pattern: ${JSON.stringify(pattern)}\n      default: ${JSON.stringify(value)}\n  agents:\n    - namespace: a\n      name: b\n      systemPrompt: "\${{ vars.VALUE }}"\n`;
}

describe('hostile input through the built server', function () {
  this.timeout(60_000);
  let client: TestLspClient;
  before(async () => {
    client = await TestLspClient.start('stdio');
  });
  after(async () => {
    await client.stop();
  });

  /** Opens `text`, waits for its diagnostics, then asks for a hover: both within the budget. */
  async function answers(name: string, text: string) {
    const uri = `file:///lsp/hostile/${name}.sinas.yaml`;
    const started = performance.now();
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, () => true, BUDGET_MS);
    await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 8 } });
    const elapsed = performance.now() - started;
    client.close(uri);
    assert.ok(elapsed < BUDGET_MS, `${name}: answered in ${Math.round(elapsed)} ms`);
    return published.diagnostics;
  }

  for (const [family, pattern, value] of REDOS) {
    it(`a pattern of the ${family} family with a hostile default (${pattern})`, async () => {
      const diagnostics = await answers(family.replace(/\W+/g, '-'), withPattern(pattern, value));
      assert.deepEqual(diagnostics.map((d) => d.code), ['invalid-variable-default']);
    });
  }

  it('a backreference: "cannot be checked here", never a hang and never a false error', async () => {
    const diagnostics = await answers('backreference', withPattern('^(a+)+\\1$', `${'a'.repeat(5000)}!`));
    assert.deepEqual(diagnostics.map((d) => d.code), ['uncheckable-variable-pattern']);
  });
});
