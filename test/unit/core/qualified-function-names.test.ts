/** Webhook / schedule `functionName` written `ns/name`: what can be written instead, if anything. */
import assert from 'node:assert/strict';
import { readStructure } from '../../../server/src/core/structure';
import { buildReferenceIndex } from '../../../server/src/core/references';
import { qualifiedFunctionNames } from '../../../server/src/core/references/qualified-function-names';

const TEXT = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: hooks
spec:
  functions:
    - name: record
      code: "def handler(i, c):\\n    return {}\\n"
    - namespace: ops
      name: report
      code: "def handler(i, c):\\n    return {}\\n"
  webhooks:
    - path: a/exported-default
      functionName: default/record
    - path: b/same-name-in-default
      functionName: tools/record
    - path: c/defined-here
      functionName: ops/report
    - path: d/on-the-instance
      functionName: support/lookup_customer
    - path: e/fine
      functionName: record
  schedules:
    - name: nightly
      functionName: support/digest
      cronExpression: "0 6 * * *"
    - name: dynamic
      functionName: "\${{ vars.NS }}/record"
      cronExpression: "0 6 * * *"
`;

describe('core references: qualified webhook and schedule function names', () => {
  const found = qualifiedFunctionNames(buildReferenceIndex(readStructure(TEXT).model));
  const summary = found.map((f) => [f.owner, f.identity, f.written, f.fix, f.replacement]);

  it('finds each `ns/name`, never a bare or dynamic one, and says which fix exists', () => {
    assert.deepEqual(summary, [
      ['Webhook', 'a/exported-default', 'default/record', 'bare', 'record'],
      ['Webhook', 'b/same-name-in-default', 'tools/record', 'bare', 'record'],
      ['Webhook', 'c/defined-here', 'ops/report', 'move', undefined],
      ['Webhook', 'd/on-the-instance', 'support/lookup_customer', 'none', undefined],
      ['Schedule', 'nightly', 'support/digest', 'none', undefined],
    ]);
  });

  it('says plainly when no spelling reaches the function, and what to do instead', () => {
    const none = found.find((f) => f.identity === 'd/on-the-instance')!;
    assert.match(none.advice, /^No spelling reaches `support\/lookup_customer`: webhooks can only call functions in namespace `default`/);
    assert.match(none.advice, /Move the function to namespace `default` and write `lookup_customer`, or leave this webhook out of the package/);
    assert.match(found.find((f) => f.fix === 'move')!.advice, /Move it to namespace `default` in this file and write `report`/);
    assert.match(found.find((f) => f.identity === 'b/same-name-in-default')!.advice, /calls `default\/record` from this file \(not `tools\/record`\)/);
  });
});
