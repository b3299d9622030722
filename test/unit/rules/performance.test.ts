/**
 * Document rules run on every keystroke: on a 10,000-line package they must stay a small part of
 * an edit's analysis. Bounds are generous (shared CI machines); `test/support/bench-rules.ts`
 * prints the real numbers.
 */
import assert from 'node:assert/strict';
import { timeEdits } from '../../bench/edit-timings';
import { median } from '../../bench/measure';
import { generatePackage } from '../../support/generate-package';

describe('rule performance', () => {
  it('keeps the document rules cheap on a 10,000-line package after a one-character edit', function () {
    this.timeout(30_000);
    const { analyze: total, documentRules: rules } = timeEdits(generatePackage(10_000), 15);
    assert.ok(median(rules) < 10, `document rules: median ${median(rules).toFixed(2)} ms`);
    assert.ok(median(total) < 100, `analyze after an edit: median ${median(total).toFixed(2)} ms`);
  });
});
