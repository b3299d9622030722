/**
 * Document rules run on every keystroke: on a 10,000-line package they must stay a small part of
 * an edit's analysis. Bounds are generous (shared CI machines); `test/support/bench-rules.ts`
 * prints the real numbers.
 */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';
import { DOCUMENT_RULES } from '../../../server/src/core/rules';
import type { DocumentContext } from '../../../server/src/core/rules/rule';
import { generatePackage } from '../../support/generate-package';

describe('rule performance', () => {
  it('keeps the document rules cheap on a 10,000-line package after a one-character edit', function () {
    this.timeout(30_000);
    const base = generatePackage(10_000);
    const parser = new DocumentParser();
    analyze(base, { parser });
    const total: number[] = [];
    const rules: number[] = [];
    let text = base;
    for (let i = 0; i < 15; i++) {
      const at = text.indexOf(`Fetches item ${i * 11}`);
      text = text.slice(0, at) + 'x' + text.slice(at);
      const started = performance.now();
      const analysis = analyze(text, { parser });
      total.push(performance.now() - started);
      const ctx: DocumentContext = { text, root: analysis.root, model: analysis.model, variables: analysis.variables, references: analysis.references, report: () => undefined };
      const t0 = performance.now();
      for (const rule of DOCUMENT_RULES) rule.check(ctx);
      rules.push(performance.now() - t0);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    assert.ok(median(rules) < 10, `document rules: median ${median(rules).toFixed(2)} ms`);
    assert.ok(median(total) < 100, `analyze after an edit: median ${median(total).toFixed(2)} ms`);
  });
});
