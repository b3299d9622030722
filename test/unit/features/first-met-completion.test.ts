/**
 * Completion where a newcomer meets it first: the sections an install skips sort last and say
 * why; reference fields always answer (the package's resources in the form the field takes, or
 * an item saying what the field takes — never nothing, which an editor fills with word
 * completion); and new-item snippets never insert a reference that is flagged at once.
 */
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../../../server/src/core/analyze';
import { getCompletions } from '../../../server/src/features/completion';
import { applyEdits, atCursor, expandSnippet as expand } from '../../support/cursor';

const PKG = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: demo\n  version: "1.0.0"\nspec:\n';
const FUNCTIONS = `  functions:
    - name: notify
      code: |
        def handler(input_data, context):
            return {}
    - name: archive
      code: |
        def handler(input_data, context):
            return {}
    - namespace: tools
      name: lookup
      code: |
        def handler(input_data, context):
            return {}
`;
const ONLY_TOOLS = `  functions:
    - namespace: tools
      name: lookup
      code: |
        def handler(input_data, context):
            return {}
`;

const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

function itemsAt(source: string): CompletionItem[] {
  const { analysis, position } = atCursor(source);
  return sorted(getCompletions(analysis, position).items);
}

function complete(source: string, label: string): string {
  const { text } = atCursor(source);
  const item = itemsAt(source).find((i) => i.label === label);
  assert.ok(item, `no completion item labelled ${label}`);
  return applyEdits(text, [item.textEdit as TextEdit]);
}


describe('completion where a newcomer meets it first', () => {
  it('lists the sections an install skips last, with the reason as their detail', () => {
    const items = itemsAt(PKG + '  ‸\n');
    const last = items.slice(-4);
    assert.deepEqual(last.map((i) => i.label).sort(), ['databaseConnections', 'llmProviders', 'roles', 'users']);
    assert.match(last.find((i) => i.label === 'llmProviders')!.detail!, /^skipped on install: create LLM providers on the instance$/);
    assert.ok(items.slice(0, -4).every((i) => !/skipped/.test(i.detail ?? '')));
    assert.ok(items.findIndex((i) => i.label === 'agents') < items.findIndex((i) => i.label === 'roles'));
  });

  it('offers a webhook the bare names of `default` functions, and says what it takes when there are none', () => {
    assert.deepEqual(itemsAt(PKG + FUNCTIONS + '  webhooks:\n    - path: in\n      functionName: ‸\n').map((i) => i.label), ['notify', 'archive']);
    const [only] = itemsAt(PKG + ONLY_TOOLS + '  webhooks:\n    - path: in\n      functionName: ‸\n');
    assert.equal(only.label, 'No function to offer here');
    assert.match(only.detail!, /bare name of a function in namespace default/);
    assert.match((only.documentation as { value: string }).value, /`tools\/lookup`/);
    // Choosing it changes nothing.
    const source = PKG + ONLY_TOOLS + '  webhooks:\n    - path: in\n      functionName: lo‸\n';
    assert.equal(complete(source, 'No function to offer here'), source.replace('‸', ''));
  });

  it('offers a new enabledFunctions item the package’s functions as `namespace/name`', () => {
    const source = PKG + FUNCTIONS + '  agents:\n    - name: bot\n      enabledFunctions:\n        - default/notify\n        - ‸\n';
    assert.deepEqual(itemsAt(source).filter((i) => i.kind === 18).map((i) => i.label), ['default/archive', 'tools/lookup']);
    const none = itemsAt(PKG + '  agents:\n    - name: bot\n      enabledFunctions:\n        - ‸\n').filter((i) => i.kind !== 15);
    assert.deepEqual(none.map((i) => i.label), ['No function to offer here']);
  });

  describe('snippets', () => {
    const snippet = (source: string, label: string) => expand(complete(source, label));
    const findings = (text: string) => analyze(text).findings.map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}`);

    it('make a webhook’s and a schedule’s functionName a choice of the `default` functions', () => {
      const webhook = complete(PKG + FUNCTIONS + '  webhooks:\n    - ‸\n', 'webhook');
      assert.match(webhook, /functionName: \$\{2\|notify,archive\|\}/);
      assert.deepEqual(findings(expand(webhook)), []);
      const schedule = snippet(PKG + FUNCTIONS + '  schedules:\n    - ‸\n', 'function schedule');
      assert.match(schedule, /functionName: notify/);
      assert.deepEqual(findings(schedule).filter((f) => !f.startsWith('restart-required')), []);
    });

    it('make an agent’s enabledFunctions a choice of `namespace/name`, or an empty list', () => {
      const agent = complete(PKG + FUNCTIONS + '  agents:\n    - ‸\n', 'agent');
      assert.match(agent, /enabledFunctions:\n\s+- \$\{5\|default\/notify,default\/archive,tools\/lookup\|\}/);
      assert.deepEqual(findings(expand(agent)), []);
      const alone = snippet(PKG + '  agents:\n    - ‸\n', 'agent');
      assert.match(alone, /enabledFunctions: \[\]/);
      assert.deepEqual(findings(alone), []);
    });

    it('never insert an invented name: with nothing to name, the value is left to fill in', () => {
      const inserted = complete(PKG + ONLY_TOOLS + '  webhooks:\n    - ‸\n', 'webhook');
      assert.match(inserted, /functionName: \$2\n/);
      assert.doesNotMatch(inserted, /my_function|namespace\/function/);
      // What is flagged then is what is missing, not a reference to something that does not exist.
      assert.deepEqual(findings(expand(inserted)).map((f) => f.split(' ')[0]), ['invalid-type']);
    });

    it('fill nested references too (a skill an agent preloads), from the package', () => {
      const source = PKG + '  skills:\n    - namespace: docs\n      name: guide\n      description: House style\n      content: x\n  agents:\n    - namespace: docs\n      name: bot\n      enabledSkills:\n        - ‸\n';
      const text = snippet(source, 'preloaded skill');
      assert.match(text, /- skill: docs\/guide\n\s+preload: true/);
      assert.deepEqual(findings(text), []);
    });

    it('keep the placeholder of instance infrastructure, which nothing checks', () => {
      const text = complete(PKG + '  queries:\n    - ‸\n', 'query');
      assert.match(text, /connectionName: \$\{4:connection\}/);
    });
  });
});
