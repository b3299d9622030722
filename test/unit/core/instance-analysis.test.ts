/**
 * The instance pass and the incremental pipeline: one document parser (chunks and per-item
 * memos reused) analysed with one snapshot, another, and none, gives exactly what a fresh analysis
 * with that snapshot gives. A crashing instance rule costs one internal-error finding, not the rest.
 */
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../../server/src/core/analyze';
import { InstanceIndex } from '../../../server/src/core/instance/instance-index';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';
import { INSTANCE_RULES } from '../../../server/src/core/rules/instance';
import { loadSnapshot } from '../../support/instance-snapshots';

const TEXT = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: memo-check
spec:
  functions:
    - namespace: support
      name: lookup_customer
      code: |
        def handler(input_data, context):
            return {}
  agents:
    - namespace: support
      name: helper
      llmProviderName: retired-provider
      enabledFunctions:
        - support/lookup_customer
        - default/daily_digest
        - support/nobody
`;

const staging = new InstanceIndex(loadSnapshot('staging'));
const other = new InstanceIndex({ ...loadSnapshot('staging'), instance: 'other', lists: { functions: { complete: true, items: [{ name: 'support/nobody' }] } } });
const verdicts = (a: Analysis) => a.findings.map((f) => `${f.span.start}-${f.span.end} ${f.severity} ${f.code}: ${f.message}`);

describe('instance pass and incremental analysis', () => {
  it('gives what a fresh analysis gives, whatever snapshot came before on the same parser', () => {
    const parser = new DocumentParser();
    const sequence = [staging, undefined, other, staging, staging, undefined];
    let text = TEXT;
    sequence.forEach((instance, i) => {
      // Every other step also edits the text, so chunks are reused across snapshot changes.
      if (i % 2) text = text.replace('name: helper', `name: helper${i}`);
      const reused = analyze(text, { parser, instance });
      assert.equal(reused.instance, instance);
      assert.deepEqual(verdicts(reused), verdicts(analyze(text, { instance })), `step ${i} (${instance?.instance ?? 'no snapshot'})`);
    });
    assert.ok(verdicts(analyze(TEXT, { instance: staging })).some((v) => v.includes('missing-on-instance')));
    assert.ok(verdicts(analyze(TEXT, { instance: other })).some((v) => v.includes('nor on other')));
  });

  it('a crashing instance rule becomes one internal-error finding; the rest of the analysis stands', () => {
    const rule = INSTANCE_RULES[0] as { check: (ctx: unknown) => void };
    const original = rule.check;
    rule.check = () => {
      throw new Error('boom');
    };
    try {
      const analysis = analyze(TEXT, { instance: staging });
      assert.deepEqual(analysis.findings.filter((f) => f.code === 'internal-error').map((f) => f.message), ['Internal error in missing-on-instance: boom. Please report it.']);
      assert.ok(analysis.findings.some((f) => f.code === 'inactive-on-instance'));
    } finally {
      rule.check = original;
    }
  });
});

describe('instance snapshot on analyses that check nothing', () => {
  it('is kept on the analysis of YAML that is not a package, so caches keyed by it stay valid', () => {
    const analysis = analyze('name: ci\non: push\n', { instance: staging });
    assert.equal(analysis.isSinasPackage, false);
    assert.equal(analysis.instance, staging);
    assert.deepEqual(analysis.findings, []);
  });
});
