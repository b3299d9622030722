/** One reading of a package name for the rules and the name prompts (core/model/package-name.ts). */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { packageNameProblem } from '../../../server/src/core/model/package-name';

const withName = (name: string) => `apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: ${JSON.stringify(name)}\n  version: "1.0.0"\nspec: {}\n`;
const nameCodes = (name: string) => analyze(withName(name)).findings.map((f) => `${f.severity} ${f.code}`);

describe('package names', () => {
  it('accepts the convention silently', () => {
    for (const name of ['support-desk', 'crm2', '0-day']) {
      assert.equal(packageNameProblem(name), undefined, name);
      assert.deepEqual(nameCodes(name), [], name);
    }
  });

  it('blocks what the rules report as errors, with a usable suggestion where there is one', () => {
    assert.deepEqual(packageNameProblem('  '), { severity: 'error', message: 'A package name is required.' });
    const slash = packageNameProblem('team/support')!;
    assert.equal(slash.severity, 'error');
    assert.equal(slash.suggestion, 'team-support');
    assert.deepEqual(nameCodes('team/support'), ['error package-name-slash']);
    assert.equal(packageNameProblem('x'.repeat(256))?.severity, 'error');
    assert.deepEqual(nameCodes('x'.repeat(256)), ['error value-too-long']);
  });

  it('only informs about the naming convention, as the rule does', () => {
    const problem = packageNameProblem('Support Bot')!;
    assert.equal(problem.severity, 'info');
    assert.equal(problem.suggestion, 'support-bot');
    assert.match(problem.message, /`support-bot`/);
    assert.deepEqual(nameCodes('Support Bot'), ['info package-name-style']);
    // Surrounding spaces are what a prompt trims away.
    assert.equal(packageNameProblem(' support-bot '), undefined);
  });
});
