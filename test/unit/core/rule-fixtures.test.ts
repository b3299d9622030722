/**
 * Runs every YAML fixture under test/fixtures/rules through analyze() and checks its inline
 * expectations. A fixture whose first line is `# instance: <name>` is analysed with the snapshot
 * test/fixtures/instance/<name>.json (its `# expect:` markers), and once more without a snapshot
 * (its `# offline:` markers): the same file pins down both verdicts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { compareFindings, readExpectations } from '../../support/expectations';
import { fixtureInstance } from '../../support/instance-snapshots';
import { yamlFiles } from '../../support/yaml-files';

const ROOT = join(__dirname, '../../fixtures/rules');

describe('rule fixtures', () => {
  for (const file of yamlFiles(ROOT)) {
    const text = readFileSync(file, 'utf8');
    const instance = fixtureInstance(text);
    it(relative(ROOT, file) + (instance ? ` (with the ${instance.instance} snapshot)` : ''), () => {
      const analysis = analyze(text, { instance });
      // Other Sinas documents only get `not-a-package`.
      assert.ok(analysis.isSinasPackage || analysis.findings.every((f) => f.code === 'not-a-package'), 'fixture must be a SinasPackage');
      assert.deepEqual(compareFindings(text, analysis.findings, readExpectations(text)), []);
    });
    if (instance) {
      it(`${relative(ROOT, file)} (without a snapshot)`, () => {
        assert.deepEqual(compareFindings(text, analyze(text).findings, readExpectations(text, 'offline')), []);
      });
    }
  }
});
