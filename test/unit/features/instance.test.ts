/**
 * Completion, hover and go to definition with an instance snapshot (test/fixtures/instance/
 * staging.json), and the same positions without one: nothing from the instance appears then.
 */
import assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { InstanceIndex } from '../../../server/src/core/instance/instance-index';
import { getCompletions } from '../../../server/src/features/completion';
import { getDefinition } from '../../../server/src/features/definition';
import { getHover } from '../../../server/src/features/hover';
import { parseInstanceDocumentUri } from '../../../server/src/protocol/instance-snapshot';
import { applyEdits, atCursor } from '../../support/cursor';
import { loadSnapshot } from '../../support/instance-snapshots';

const staging = new InstanceIndex(loadSnapshot('staging'));

const HEAD = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: demo
spec:
  functions:
    - namespace: tools
      name: lookup
      description: Looks a customer up
      code: x
`;

const AGENT = HEAD + '  agents:\n    - namespace: support\n      name: helper\n';

function completions(source: string, withInstance = true): { items: CompletionItem[]; isIncomplete: boolean } {
  const { analysis, position } = atCursor(source, withInstance ? { instance: staging } : {});
  return getCompletions(analysis, position);
}

function labels(source: string, withInstance = true): string[] {
  return completions(source, withInstance).items.map((i) => String(i.label));
}

function hoverText(source: string, withInstance = true): string | undefined {
  const { analysis, position } = atCursor(source, withInstance ? { instance: staging } : {});
  return (getHover(analysis, position)?.contents as MarkupContent | undefined)?.value;
}

describe('instance-aware completion', () => {
  it('offers the instance resources after the package own ones, with "on <instance>" and the description', () => {
    const { items } = completions(AGENT + '      enabledFunctions:\n        - ‸\n');
    assert.deepEqual(items.map((i) => i.label), ['tools/lookup', 'support/lookup_customer', 'default/daily_digest', 'crm/sync_contacts', 'ops/audit']);
    const own = items[0];
    const remote = items[1];
    assert.ok(String(own.sortText) < String(remote.sortText), 'the package own resources sort first');
    assert.equal(remote.detail, 'function on staging');
    assert.equal((remote.documentation as MarkupContent).value, 'Finds a customer by email.');
    assert.deepEqual(labels(AGENT + '      enabledFunctions:\n        - ‸\n', false), ['tools/lookup']);
  });

  it('writes the form the field takes: bare default functions for webhooks, names for infrastructure', () => {
    assert.deepEqual(labels(HEAD + '  webhooks:\n    - path: in\n      functionName: ‸\n'), ['daily_digest']);
    assert.deepEqual(labels(AGENT + '      llmProviderName: ‸\n'), ['openai-main', 'claude', 'retired-provider']);
    const text = applyEdits(atCursor(AGENT + '      enabledSkills:\n        - skill: ‸\n').text, [
      completions(AGENT + '      enabledSkills:\n        - skill: ‸\n').items.find((i) => i.label === 'support/tone-guide')!.textEdit as TextEdit,
    ]);
    assert.match(text, /- skill: support\/tone-guide\n/);
  });

  it('leaves out what the field already lists', () => {
    assert.deepEqual(labels(AGENT + '      enabledFunctions:\n        - support/lookup_customer\n        - ‸\n'), ['tools/lookup', 'default/daily_digest', 'crm/sync_contacts', 'ops/audit']);
  });

  it('offers the operations of a connector that lives on the instance', () => {
    const source = AGENT + '      enabledConnectors:\n        - connector: crm/hubspot\n          operations:\n            - ‸\n';
    assert.deepEqual(labels(source), ['get_contact', 'create_contact', 'search_contacts']);
    // Without the instance, the field still answers (what it takes) instead of word completion.
    assert.deepEqual(labels(source, false), ['No operation to offer here']);
  });

  it('completes a resource_ref default from the instance (active ones only)', () => {
    const source = HEAD + '  variables:\n    - name: LLM\n      type: resource_ref\n      resource: llm_providers\n      default: ‸\n';
    assert.deepEqual(labels(source), ['openai-main', 'claude']);
    assert.deepEqual(labels(source, false), []);
    const collections = HEAD + '  variables:\n    - name: FILES\n      type: resource_ref\n      resource: collections\n      default: ‸\n';
    assert.deepEqual(labels(collections), ['support/attachments']);
  });

  it('narrows a long list to what was typed and asks again as the user types', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => ({ name: `ns${i % 10}/function_${i}` }));
    const big = new InstanceIndex({ instance: 'big', fetchedAt: '', lists: { functions: { complete: true, items } } });
    const at = (typed: string) => {
      const { analysis, position } = atCursor(AGENT + `      enabledFunctions:\n        - ${typed}‸\n`, { instance: big });
      return getCompletions(analysis, position);
    };
    const all = at('');
    assert.equal(all.isIncomplete, true);
    assert.ok(all.items.length <= 201);
    const narrowed = at('ns3/function_49');
    assert.ok(narrowed.items.some((i) => i.label === 'ns3/function_4993'));
    assert.ok(narrowed.items.every((i) => i.label === 'tools/lookup' || String(i.label).includes('ns3/function_49')));
  });
});

describe('instance-aware hover', () => {
  it('says "on <instance>" with the description for a resource found there', () => {
    const text = hoverText(AGENT + '      enabledFunctions:\n        - support/look‸up_customer\n');
    assert.equal(text, '**function** `support/lookup_customer` — on staging\n\nFinds a customer by email.');
    assert.match(hoverText(AGENT + '      enabledFunctions:\n        - support/look‸up_customer\n', false)!, /No function `support\/lookup_customer` is defined in this file/);
  });

  it('says a reference is missing on the instance too', () => {
    assert.match(hoverText(AGENT + '      enabledFunctions:\n        - support/nob‸ody\n')!, /No function `support\/nobody` in this file or on staging\. Sinas checks at install/);
  });

  it('shows type and state of infrastructure and the operations of a connector', () => {
    assert.equal(hoverText(AGENT + '      llmProviderName: retired‸-provider\n'), '**LLM provider** `retired-provider` — on staging\n\nType: openai · **Inactive**');
    const connector = hoverText(AGENT + '      enabledConnectors:\n        - connector: crm/hub‸spot\n');
    assert.match(connector!, /HubSpot REST API\.\n\nOperations: `get_contact`, `create_contact`, `search_contacts`/);
  });
});

describe('instance-aware go to definition', () => {
  it('opens an instance resource as a read-only document, a file resource in place', () => {
    const { analysis, position } = atCursor(AGENT + '      enabledFunctions:\n        - support/look‸up_customer\n        - tools/lookup\n', { instance: staging });
    const [location] = getDefinition(analysis, position, 'file:///p.yaml');
    const uri = new URL(location.uri);
    assert.equal(uri.protocol, 'sinas-instance:');
    assert.deepEqual(parseInstanceDocumentUri(uri.pathname, uri.search.slice(1)), { source: 'fixture', instance: 'staging', section: 'functions', identity: 'support/lookup_customer', format: 'yaml' });
    const inFile = atCursor(AGENT + '      enabledFunctions:\n        - tools/look‸up\n', { instance: staging });
    assert.equal(getDefinition(inFile.analysis, inFile.position, 'file:///p.yaml')[0].uri, 'file:///p.yaml');
    const offline = atCursor(AGENT + '      enabledFunctions:\n        - support/look‸up_customer\n');
    assert.deepEqual(getDefinition(offline.analysis, offline.position, 'file:///p.yaml'), []);
  });

  it('gives infrastructure a JSON document', () => {
    const { analysis, position } = atCursor(AGENT + '      llmProviderName: cla‸ude\n', { instance: staging });
    assert.match(getDefinition(analysis, position, 'file:///p.yaml')[0].uri, /^sinas-instance:\/staging\/llmProviders\/claude\.json\?fixture$/);
  });
});
