/**
 * Every registered code is pinned down by at least one fixture (rule fixtures or schema fixtures),
 * unless it is listed below with the reason a YAML fixture cannot produce it; those are covered
 * by the unit tests named in the reason.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../../server/src/core/diagnostics/codes';
import { readExpectations } from '../../support/expectations';
import { yamlFiles } from '../../support/yaml-files';

const FIXTURES = join(__dirname, '../../fixtures');

export const NOT_FIXTURE_TESTABLE: Record<string, string> = {
  'file-too-large': 'needs a file over the 5 MB analysis limit (test/unit/core/bad-input.test.ts lowers the limit instead)',
  'internal-error': 'only a crashing check produces it; no valid rule crashes on purpose',
  'unhonoured-value': 'the schema mapper\'s fallback for `x-unchecked` subtrees without an `x-code`; every such subtree has its own code today',
};

describe('diagnostic code coverage', () => {
  const expected = new Set<string>();
  for (const file of yamlFiles(FIXTURES)) for (const e of readExpectations(readFileSync(file, 'utf8'))) expected.add(e.code);

  it('has a fixture for every code in codes.ts, or a reason why not', () => {
    const missing = Object.keys(CODES).filter((code) => !expected.has(code) && !(code in NOT_FIXTURE_TESTABLE));
    assert.deepEqual(missing, []);
  });

  it('lists no code as untestable that a fixture does cover, and no unknown code', () => {
    for (const code of Object.keys(NOT_FIXTURE_TESTABLE)) {
      assert.ok(code in CODES, `${code} is not a registered code`);
      assert.ok(!expected.has(code), `${code} has a fixture; remove it from NOT_FIXTURE_TESTABLE`);
    }
    for (const code of expected) assert.ok(code in CODES, `a fixture expects unregistered code ${code}`);
  });
});
