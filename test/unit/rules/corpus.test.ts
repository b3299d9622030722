/**
 * The two real published packages: no errors at all, and exactly these warnings / notes from the
 * Sinas rules (each one reviewed as deserved). A new finding here must be justified or fixed.
 */
import { CORPUS_DIR } from '../../support/corpus';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { DOCUMENT_RULES, HEADER_RULES, ITEM_RULES, SCOPED_RULES } from '../../../server/src/core/rules';

const CORPUS = CORPUS_DIR;
const RULE_CODES = new Set<string>([...HEADER_RULES, ...DOCUMENT_RULES, ...SCOPED_RULES, ...ITEM_RULES].flatMap((r) => r.codes));

const EXPECTED: Record<string, string[]> = {
  // `import yaml` without a PyYAML dependency. Probably satisfied through `declarativedocs`, a
  // YAML compiler, hence only an information (other dependencies are declared).
  'ddf-powerpoint.yaml': ['47:16 info undeclared-dependency yaml'],
  'sinas-package-author.yaml': [],
};

describe('Sinas rules on the real packages', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: no errors, and only the reviewed warnings`, () => {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      const analysis = analyze(text);
      assert.deepEqual(analysis.findings.filter((f) => f.severity === 'error').map((f) => f.code), []);
      const ours = analysis.findings.filter((f) => RULE_CODES.has(f.code));
      const shown = ours.map((f) => {
        const p = analysis.lines.positionAt(f.span.start);
        return `${p.line + 1}:${p.character + 1} ${f.severity} ${f.code} ${text.slice(f.span.start, f.span.end)}`;
      });
      assert.deepEqual(shown, expected);
    });
  }
});
