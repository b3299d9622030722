/** Runs every YAML fixture under test/fixtures/rules through analyze() and checks its inline expectations. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { compareFindings, readExpectations } from '../../support/expectations';
import { yamlFiles } from '../../support/yaml-files';

const ROOT = join(__dirname, '../../fixtures/rules');

describe('rule fixtures', () => {
  for (const file of yamlFiles(ROOT)) {
    it(relative(ROOT, file), () => {
      const text = readFileSync(file, 'utf8');
      const analysis = analyze(text);
      // Other Sinas documents only get `not-a-package`.
      assert.ok(analysis.isSinasPackage || analysis.findings.every((f) => f.code === 'not-a-package'), 'fixture must be a SinasPackage');
      assert.deepEqual(compareFindings(text, analysis.findings, readExpectations(text)), []);
    });
  }
});
