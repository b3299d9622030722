import { assertCorpusPresent, CORPUS_FILES } from '../../support/corpus';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CODES } from '../../../server/src/core/diagnostics/codes';
import type { Finding } from '../../../server/src/core/diagnostics/finding';
import { validateText } from './utils/validate-document';

const severity = (f: Finding) => f.severity ?? CODES[f.code].severity;

describe('real packages (corpus)', () => {
  it('the corpus is present (a missing package fails, never skips)', () => {
    assertCorpusPresent();
  });

  for (const file of CORPUS_FILES) {
    it(`${basename(file)}: no schema errors and no warnings`, () => {
      const findings = validateText(readFileSync(file, 'utf8'));
      assert.deepEqual(findings.filter((f) => severity(f) === 'error'), []);
      // Both packages only use honoured values; a warning here would need a reason from the contract.
      assert.deepEqual(findings, []);
    });
  }
});
