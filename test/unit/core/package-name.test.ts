/** One reading of `package.name` for the rules and the name prompts. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { packageNameProblems } from '../../../server/src/core/model/package-name';

const packageNamed = (name: string) => `apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: ${JSON.stringify(name)}\n  version: "1.0.0"\nspec: {}\n`;

describe('core model: package names', () => {
  const names = ['support-bot', 'Support Bot', 'crm/support', 'a'.repeat(256), 'CRM_Integration', '${{ vars.NAME }}', '-x', 'x'];

  it('reports exactly what the rules report on the same name', () => {
    for (const name of names) {
      const fromRules = analyze(packageNamed(name)).findings.filter((f) => ['package-name-slash', 'package-name-style', 'value-too-long'].includes(f.code)).map((f) => f.code).sort();
      assert.deepEqual(packageNameProblems(name).map((p) => p.code).sort(), fromRules, name);
    }
  });

  it('suggests a conventional name for "Support Bot" and a slash-free one for "crm/support"', () => {
    assert.deepEqual(packageNameProblems('Support Bot').map((p) => [p.code, p.replacement]), [['package-name-style', 'support-bot']]);
    assert.deepEqual(packageNameProblems('crm/support').map((p) => [p.code, p.replacement]), [['package-name-slash', 'crm-support']]);
    assert.deepEqual(packageNameProblems('support-bot'), []);
  });
});
