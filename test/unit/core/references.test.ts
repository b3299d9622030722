/** The reference index: resolution, inverse lookup, position lookup, and reuse across versions. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';

const TEXT = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: refs
spec:
  functions:
    - namespace: tools
      name: lookup
      code: |
        def handler(input_data, context):
            return {}
    - name: record
      code: |
        def handler(input_data, context):
            return {}
  connectors:
    - namespace: crm
      name: rest
      baseUrl: https://crm.example.com
      operations:
        - name: get_customer
          method: GET
          path: /c
  agents:
    - namespace: support
      name: helper
      enabledFunctions:
        - tools/lookup
      enabledConnectors:
        - connector: crm/rest
          operations: [get_customer]
  webhooks:
    - path: ops/record
      functionName: record
`;

describe('reference index', () => {
  it('resolves references to their definitions and back', () => {
    const a = analyze(TEXT);
    const refs = a.references.references;
    const byText = (t: string) => refs.find((r) => r.text === t)!;
    const lookup = a.references.resolve(byText('tools/lookup'))!;
    assert.equal(lookup.resource.identity, 'tools/lookup');
    assert.equal(TEXT.slice(lookup.node.start, lookup.node.end), 'lookup');
    const record = a.references.resolve(byText('record'))!;
    assert.equal(record.resource.identity, 'default/record');
    const op = a.references.resolve(byText('get_customer'))!;
    assert.equal(op.resource.identity, 'crm/rest');
    assert.equal(TEXT.slice(op.node.start, op.node.end), 'get_customer');
    assert.ok(op.node.start < TEXT.indexOf('agents:'));

    const fn = a.model.resources.find((r) => r.identity === 'tools/lookup')!;
    assert.deepEqual(a.references.referencesTo(fn).map((r) => r.text), ['tools/lookup']);
    const connector = a.model.resources.find((r) => r.identity === 'crm/rest')!;
    assert.deepEqual(a.references.referencesTo(connector, 'get_customer').map((r) => r.field), ['enabledConnectors.operations']);

    const at = TEXT.indexOf('- tools/lookup') + 5;
    assert.equal(a.references.referenceAt(at)?.text, 'tools/lookup');
    assert.equal(a.references.referenceAt(TEXT.indexOf('baseUrl')), undefined);
  });

  it('stays correct when unchanged items are reused after an edit', () => {
    const parser = new DocumentParser();
    analyze(TEXT, { parser });
    const edited = TEXT.replace('  name: refs', '  name: refs-renamed-package');
    const a = analyze(edited, { parser });
    for (const r of a.references.references) assert.equal(edited.slice(r.node.start, r.node.end), r.text.replace(/^default\//, ''));
    const target = a.references.resolve(a.references.references.find((r) => r.text === 'tools/lookup')!)!;
    assert.equal(edited.slice(target.node.start, target.node.end), 'lookup');
  });
});

describe('memoised item findings', () => {
  it('keep the tree and their spans right when a reused item moves', () => {
    const text = TEXT.replace('      name: helper\n', '      name: helper\n      isDefault: true\n      llmProviderName: openai\n');
    const parser = new DocumentParser();
    analyze(text, { parser });
    const edited = text.replace('  name: refs', '  name: refs-longer-name');
    const incremental = analyze(edited, { parser });
    const fresh = analyze(edited);
    const shape = (a: typeof fresh) => a.findings.map((f) => `${f.code}@${f.span.start}-${f.span.end}`);
    assert.deepEqual(shape(incremental), shape(fresh));
    const agent = incremental.model.resources.find((r) => r.section === 'agents')!;
    assert.equal(edited.slice(agent.identityNode.start, agent.identityNode.end), 'helper');
  });
});
