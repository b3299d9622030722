/**
 * Real published packages and our examples must never get a false error. Warnings are allowed
 * (some are genuinely deserved); the rule fixtures pin those down separately.
 */
import { CORPUS_DIR } from '../../support/corpus';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/core/analyze';

const DIRS = [CORPUS_DIR, join(__dirname, '../../../examples')];

describe('packages without errors', () => {
  for (const dir of DIRS) {
    for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
      it(`${name} has no errors`, () => {
        const text = readFileSync(join(dir, name), 'utf8');
        const analysis = analyze(text);
        assert.ok(analysis.isSinasPackage);
        const errors = analysis.findings.filter((f) => f.severity === 'error');
        assert.deepEqual(
          errors.map((f) => `${analysis.lines.positionAt(f.span.start).line + 1}: ${f.code} ${f.message}`),
          [],
        );
      });
    }
  }
});
