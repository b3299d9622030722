import { CORPUS_DIR } from '../../support/corpus';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { CODES } from '../../../server/src/core/diagnostics/codes';
import type { Finding } from '../../../server/src/core/diagnostics/finding';
import { validateText } from './utils/validate-document';

const CORPUS = CORPUS_DIR;
const severity = (f: Finding) => f.severity ?? CODES[f.code].severity;

describe('real packages (corpus)', () => {
  const files = (() => {
    try {
      return readdirSync(CORPUS).filter((f) => f.endsWith('.yaml'));
    } catch {
      return [];
    }
  })();

  it('the corpus is present', function () {
    if (!files.length) this.skip();
    assert.ok(files.length >= 2);
  });

  for (const file of files) {
    it(`${file}: no schema errors and no warnings`, () => {
      const findings = validateText(readFileSync(`${CORPUS}/${file}`, 'utf8'));
      assert.deepEqual(findings.filter((f) => severity(f) === 'error'), []);
      // Both packages only use honoured values; a warning here would need a reason from the contract.
      assert.deepEqual(findings, []);
    });
  }
});
