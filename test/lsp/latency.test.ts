/**
 * Latency of completion and hover on a 10,000-line package right after a one-character edit,
 * through the built server (the request pays for the incremental re-analysis) and in-process.
 * Numbers are printed for the record, never asserted: the benchmark checks speed.
 */
import assert from 'node:assert/strict';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/core/analyze';
import { DocumentParser } from '../../server/src/core/parse/parse-document';
import { getCompletions } from '../../server/src/features/completion';
import { getHover } from '../../server/src/features/hover';
import { generatePackage } from '../support/generate-package';
import { formatLatency, measureLatency } from '../support/latency';
import { TestLspClient } from '../support/lsp-client';

const TEXT = generatePackage(10_000);
const LINES = TEXT.split('\n');
const EXPRESSION_LINE = LINES.findIndex((l, i) => i > LINES.length / 4 && l.includes('${{ vars.APP_URL }}'));
const COMPLETE_AT = { line: EXPRESSION_LINE, character: LINES[EXPRESSION_LINE].indexOf('vars.') + 5 };
const HOVER_AT = { line: EXPRESSION_LINE, character: LINES[EXPRESSION_LINE].indexOf('vars.') + 7 };
// A key in the last agent: the path walk climbs over every agent above it (the worst case).
const KEY_LINE = LINES.map((l, i) => [l, i] as const).filter(([l]) => l === '      model: gpt-4o').pop()![1];
const KEY_AT = { line: KEY_LINE, character: 8 };
// The edit: one character typed into (then removed from) a description near the cursor.
const EDIT_LINE = LINES.findIndex((l, i) => i > EXPRESSION_LINE - 20 && l.includes('description: Fetches item'));

function edited(i: number): string {
  return i % 2 === 0 ? TEXT.replace(LINES[EDIT_LINE], LINES[EDIT_LINE] + 'x') : TEXT;
}

describe('latency on a 10,000-line package (reported, not asserted)', function () {
  this.timeout(60_000);

  it('in-process: incremental analysis + feature', async () => {
    assert.ok(LINES.length >= 9_900 && EXPRESSION_LINE > 0 && EDIT_LINE > 0);
    const parser = new DocumentParser();
    analyze(TEXT, { parser });
    const analyses: ReturnType<typeof analyze>[] = [];
    const analysisStats = await measureLatency((i) => analyses.push(analyze(edited(i), { parser })));
    const current = analyze(edited(1), { parser });
    const completionStats = await measureLatency(() => getCompletions(current, COMPLETE_AT));
    const keyStats = await measureLatency(() => getCompletions(current, KEY_AT));
    const hoverStats = await measureLatency(() => getHover(current, HOVER_AT));
    assert.equal(getCompletions(current, COMPLETE_AT).items.length, 3);
    assert.ok(getCompletions(current, KEY_AT).items.some((i) => i.label === 'systemTools'));
    console.log(`      ${formatLatency('analyze after a 1-char edit', analysisStats)}`);
    console.log(`      ${formatLatency('getCompletions (${{ vars. }})', completionStats)}`);
    console.log(`      ${formatLatency('getCompletions (key in the last agent)', keyStats)}`);
    console.log(`      ${formatLatency('getHover (vars.X)', hoverStats)}`);
  });

  it('over LSP: request right after the edit', async () => {
    const client = await TestLspClient.start('stdio');
    try {
      const uri = 'file:///lsp/latency/package.yaml';
      client.open(uri, TEXT);
      await client.waitForDiagnostics(uri);
      const textDocument = { uri };
      const completion = await measureLatency(async (i) => {
        client.change(uri, edited(i));
        const list = await client.request<CompletionList>('textDocument/completion', { textDocument, position: COMPLETE_AT });
        assert.equal(list.items.length, 3);
      });
      const keys = await measureLatency(async (i) => {
        client.change(uri, edited(i));
        const list = await client.request<CompletionList>('textDocument/completion', { textDocument, position: KEY_AT });
        assert.ok(list.items.length > 0);
      });
      const hover = await measureLatency(async (i) => {
        client.change(uri, edited(i));
        assert.ok(await client.request<Hover>('textDocument/hover', { textDocument, position: HOVER_AT }));
      });
      console.log(`      ${formatLatency('completion round trip after a 1-char edit', completion)}`);
      console.log(`      ${formatLatency('key completion round trip after a 1-char edit', keys)}`);
      console.log(`      ${formatLatency('hover round trip after a 1-char edit', hover)}`);
    } finally {
      await client.stop();
    }
  });
});
