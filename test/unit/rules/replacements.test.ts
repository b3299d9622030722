/**
 * Every `data.replacement` a Sinas rule offers is a working quick fix: applied to its span, the
 * YAML still parses and the finding is gone from that place.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { DOCUMENT_RULES, HEADER_RULES, ITEM_RULES, SCOPED_RULES } from '../../../server/src/core/rules';
import { yamlFiles } from '../../support/yaml-files';

const ROOT = join(__dirname, '../../fixtures/rules');
const RULE_CODES = new Set<string>([...HEADER_RULES, ...DOCUMENT_RULES, ...SCOPED_RULES, ...ITEM_RULES].filter((r) => !r.id.startsWith('schema-')).flatMap((r) => r.codes));

describe('rule replacements', () => {
  let checked = 0;
  for (const file of yamlFiles(ROOT)) {
    const text = readFileSync(file, 'utf8');
    const fixable = analyze(text).findings.filter((f) => RULE_CODES.has(f.code) && typeof f.data?.replacement === 'string' && f.data.replacement !== '');
    if (fixable.length === 0) continue;
    it(relative(ROOT, file), () => {
      for (const f of fixable) {
        const fixed = text.slice(0, f.span.start) + (f.data!.replacement as string) + text.slice(f.span.end);
        const after = analyze(fixed).findings;
        const label = `${f.code} → ${String(f.data!.replacement)}`;
        assert.deepEqual(after.filter((g) => g.code === 'yaml-syntax').map((g) => g.message), [], label);
        assert.ok(!after.some((g) => g.code === f.code && g.span.start === f.span.start), `${label}: still reported`);
        checked++;
      }
    });
  }
  after(() => assert.ok(checked > 20, `only ${checked} replacements checked`));
});
