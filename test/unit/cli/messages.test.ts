/** The CLI's one message style (`error: …` in lower case, no closing period) and its summary line. */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { asClause, problem } from '../../../cli/src/io';
import { summaryLine } from '../../../cli/src/validate/format-text';

describe('CLI messages', () => {
  it('puts shared sentences (API errors) in the `level: clause` form', () => {
    assert.equal(asClause('The API key was rejected by h:1 (nope); check it or create a new one.'), 'the API key was rejected by h:1 (nope); check it or create a new one');
    // An acronym, a host or a name at the start keeps its case.
    assert.equal(asClause('API key missing.'), 'API key missing');
    assert.equal(asClause('127.0.0.1:8000 rejected the package: 3 problems.\n  spec.agents.0: bad'), '127.0.0.1:8000 rejected the package: 3 problems\n  spec.agents.0: bad');
    const out = new PassThrough();
    problem(out, 'warning', 'Something odd.');
    assert.equal(String(out.read()), 'warning: something odd\n');
  });

  it('the summary counts every severity it reports', () => {
    const counts = { files: 2, errors: 0, warnings: 0, infos: 0, hints: 0, skipped: 0 };
    const summaryText = (summary: typeof counts) => summaryLine({ summary });
    assert.equal(summaryText(counts), '2 files checked: no problems');
    assert.equal(summaryText({ ...counts, infos: 1 }), '1 problem (0 errors, 0 warnings, 1 info) in 2 files');
    assert.equal(summaryText({ ...counts, errors: 3, warnings: 1 }), '4 problems (3 errors, 1 warning) in 2 files');
    assert.equal(summaryText({ ...counts, errors: 1, hints: 2, skipped: 1 }), '3 problems (1 error, 0 warnings, 2 hints) in 2 files; 1 YAML file that is not a SinasPackage skipped');
  });
});
