/** Core severities map to the LSP's numbers exactly (an `info` published as Hint would fade it out of sight). */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { toDiagnostics } from '../../../server/src/lsp/convert';

const TEXT = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: p\nspec:\n  variables:\n    - name: UNUSED\n      type: text\n';

describe('LSP conversion: severities', () => {
  const analysis = analyze(TEXT);
  const finding = analysis.findings.find((f) => f.code === 'unused-variable')!;

  it('error 1, warning 2, info 3 (Information), hint 4 — by default and when overridden', () => {
    assert.ok(finding, analysis.findings.map((f) => f.code).join(', '));
    const published = (severity: 'error' | 'warning' | 'info' | 'hint') => toDiagnostics([{ ...finding, severity }], analysis.lines, 'file:///p.yaml')[0].severity;
    assert.deepEqual([published('error'), published('warning'), published('info'), published('hint')], [1, 2, 3, 4]);
    const overridden = (severity: 'error' | 'warning' | 'info' | 'hint') => toDiagnostics([finding], analysis.lines, 'file:///p.yaml', { 'unused-variable': severity })[0].severity;
    assert.deepEqual([overridden('error'), overridden('warning'), overridden('info'), overridden('hint')], [1, 2, 3, 4]);
    assert.deepEqual(toDiagnostics([finding], analysis.lines, 'file:///p.yaml', { 'unused-variable': 'off' }), []);
  });
});
