/** The text Sinas: New Package writes: a package that is valid as it stands, whatever the name. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { packageSkeleton } from '../../../client/src/packages/skeleton';

describe('new package skeleton', () => {
  it('is a SinasPackage with no finding at all, with the name as typed', () => {
    for (const name of ['support-desk', 'crm2', '0-day', 'yes', 'null']) {
      const analysis = analyze(packageSkeleton(name));
      assert.ok(analysis.isSinasPackage, name);
      assert.deepEqual(analysis.findings.map((f) => f.code), [], name);
      assert.equal(analysis.model.packageName, name);
      assert.deepEqual(analysis.model.resources.map((r) => r.section), ['agents'], name);
    }
  });

  it('keeps an unconventional name exactly (quoted when YAML would misread it); only the naming note remains', () => {
    for (const name of ['Support Bot', '1.10', 'a: b', 'say "hi"', 'on']) {
      const analysis = analyze(packageSkeleton(name));
      assert.equal(analysis.model.packageName, name, name);
      assert.deepEqual(analysis.findings.map((f) => f.code).filter((c) => c !== 'package-name-style'), [], name);
    }
  });

  it('explains itself in comments', () => {
    const text = packageSkeleton('support-desk');
    assert.ok(text.split('\n').filter((l) => /^\s*#/.test(l)).length >= 6);
    assert.match(text, /\$\{\{ vars\.NAME \}\}/);
  });
});
