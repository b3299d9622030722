/**
 * Rules run on every keystroke: on a 10,000-line package an edit's whole analysis must stay small.
 * The bound is generous (shared CI machines; CPU time, not wall clock); `npm run bench` and
 * `test/support/bench-rules.ts` print the real numbers.
 */
import assert from 'node:assert/strict';
import { timeEdits } from '../../bench/edit-timings';
import { median } from '../../bench/measure';
import { generatePackage } from '../../support/generate-package';

describe('rule performance', () => {
  it('keeps an edit cheap on a 10,000-line package after a one-character edit', function () {
    this.timeout(30_000);
    const { analyze: total } = timeEdits(generatePackage(10_000), 15);
    assert.ok(median(total) < 50, `analyze after an edit: median ${median(total).toFixed(2)} ms`);
  });
});
