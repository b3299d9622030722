/** Completion through the pure feature: items offered at `‸`, and the text after choosing one. */
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { getCompletions } from '../../../server/src/features/completion';
import { applyEdits, atCursor } from '../../support/cursor';

const HEAD = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: demo
spec:
  variables:
    - name: APP_URL
      type: text
      description: Base URL of the app
      required: true
    - name: ENABLE_LOGGING
      type: boolean
      default: false
`;

function itemsAt(source: string): CompletionItem[] {
  const { analysis, position } = atCursor(source);
  return getCompletions(analysis, position).items;
}

/** The document after choosing the item labelled `label`. */
function complete(source: string, label: string): string {
  const { analysis, position, text } = atCursor(source);
  const item = getCompletions(analysis, position).items.find((i) => i.label === label);
  assert.ok(item, `no completion item labelled ${label}`);
  return applyEdits(text, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);
}

describe('completion: variables in ${{ }}', () => {
  it('offers every declared variable after `${{ vars.`', () => {
    const items = itemsAt(HEAD + '  connectors:\n    - name: api\n      baseUrl: "${{ vars.‸"\n');
    assert.deepEqual(
      items.map((i) => i.label),
      ['APP_URL', 'ENABLE_LOGGING'],
    );
    assert.equal(items[0].detail, 'text, required');
    assert.equal(items[1].detail, 'boolean, default false');
    assert.match((items[0].documentation as { value: string }).value, /Base URL of the app/);
  });

  it('replaces a partly typed name and closes the expression', () => {
    assert.equal(
      complete(HEAD + '  connectors:\n    - name: api\n      baseUrl: "${{ vars.AP‸/v1"\n', 'APP_URL'),
      HEAD + '  connectors:\n    - name: api\n      baseUrl: "${{ vars.APP_URL }}/v1"\n',
    );
  });

  it('replaces the whole name when the cursor is inside it, keeping an existing `}}`', () => {
    assert.equal(
      complete(HEAD + '  connectors:\n    - name: api\n      baseUrl: "${{ vars.AP‸X_URL }}"\n', 'APP_URL'),
      HEAD + '  connectors:\n    - name: api\n      baseUrl: "${{ vars.APP_URL }}"\n',
    );
  });

  it('adds `vars.` after `${{ `', () => {
    assert.equal(
      complete(HEAD + '  connectors:\n    - name: api\n      baseUrl: ${{ ‸\n', 'APP_URL'),
      HEAD + '  connectors:\n    - name: api\n      baseUrl: ${{ vars.APP_URL }}\n',
    );
  });

  it('adds the spaces too around a name typed into `${{}}`, and completes a partly typed `va`', () => {
    assert.equal(complete(HEAD + '  x: ${{‸}}\n', 'APP_URL'), HEAD + '  x: ${{ vars.APP_URL }}\n');
    assert.equal(complete(HEAD + '  x: ${{ va‸\n', 'ENABLE_LOGGING'), HEAD + '  x: ${{ vars.ENABLE_LOGGING }}\n');
  });

  it('turns a `$` or an auto-closed `${}` into a whole expression', () => {
    assert.equal(complete(HEAD + '  x: $‸\n', 'APP_URL'), HEAD + '  x: ${{ vars.APP_URL }}\n');
    assert.equal(complete(HEAD + '  x: "${‸}"\n', 'APP_URL'), HEAD + '  x: "${{ vars.APP_URL }}"\n');
  });

  it('works inside block scalars and on a broken line', () => {
    const source = HEAD + '  functions:\n    - name: f\n      code: |\n        url = "${{ vars.‸\n      broken: [\n';
    assert.deepEqual(
      itemsAt(source).map((i) => i.label),
      ['APP_URL', 'ENABLE_LOGGING'],
    );
  });

  it('offers nothing after a closed expression or after another context', () => {
    assert.deepEqual(itemsAt(HEAD + '  x: ${{ vars.APP_URL }} ‸\n'), []);
    assert.deepEqual(itemsAt(HEAD + '  x: ${{ secrets.‸\n'), []);
  });

  it('offers nothing outside a SinasPackage', () => {
    assert.deepEqual(itemsAt('name: ci\nvalue: ${{ vars.‸\n'), []);
  });

  it('filters on the text the client sees in the range', () => {
    const [item] = itemsAt(HEAD + '  x: ${{ va‸\n');
    assert.equal(item.filterText, 'vars.APP_URL');
    const [named] = itemsAt(HEAD + '  x: ${{ vars.AP‸\n');
    assert.equal(named.filterText, 'APP_URL');
  });
});

const PKG = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: demo
spec:
`;

describe('completion: keys from the schema', () => {
  it('offers the keys not yet present, with descriptions, required ones first', () => {
    const { analysis, position } = atCursor(PKG + '  functions:\n    - name: lookup\n      ti‸\n      code: x\n');
    const items = getCompletions(analysis, position).items;
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('timeout') && labels.includes('namespace'));
    assert.ok(!labels.includes('name') && !labels.includes('code'), 'keys already present are not offered');
    const timeout = items.find((i) => i.label === 'timeout')!;
    assert.match((timeout.documentation as { value: string }).value, /Type: integer or null/);
  });

  it('treats a bare word as the key being typed and inserts `key: ` with a placeholder', () => {
    assert.equal(
      complete(PKG + '  functions:\n    - name: lookup\n      ti‸\n', 'timeout'),
      PKG + '  functions:\n    - name: lookup\n      timeout: $1\n',
    );
  });

  it('offers a choice for enums and booleans, default first', () => {
    assert.equal(complete(PKG + '  webhooks:\n    - path: in\n      ‸\n', 'httpMethod'), PKG + '  webhooks:\n    - path: in\n      httpMethod: ${1|POST,GET,PUT,DELETE,PATCH|}\n');
    assert.equal(complete(PKG + '  agents:\n    - name: a\n      is‸\n', 'isDefault'), PKG + '  agents:\n    - name: a\n      isDefault: ${1|false,true|}\n');
  });

  it('opens an indented block for mappings and lists, in the file’s layout', () => {
    assert.equal(complete(PKG + '  functions:\n    - name: f\n      ‸\n', 'inputSchema'), PKG + '  functions:\n    - name: f\n      inputSchema:\n        $1\n');
    assert.equal(complete(PKG + '  agents:\n  - name: a\n    ‸\n', 'enabledFunctions'), PKG + '  agents:\n  - name: a\n    enabledFunctions:\n    - $1\n');
  });

  it('only renames the key when the line already has its colon', () => {
    assert.equal(complete(PKG + '  functions:\n    - name: f\n      tim‸eout: 30\n', 'timeout'), PKG + '  functions:\n    - name: f\n      timeout: 30\n');
  });

  it('completes sections under spec and top-level keys', () => {
    assert.equal(complete(PKG + '  age‸\n', 'agents'), PKG + '  agents:\n    - $1\n');
    const { analysis, position } = atCursor('apiVersion: sinas.co/v1\nkind: SinasPackage\n‸\n');
    assert.deepEqual(
      getCompletions(analysis, position).items.map((i) => i.label),
      ['package', 'metadata', 'spec'],
    );
  });

  it('offers nothing inside a block scalar', () => {
    const { analysis, position } = atCursor(PKG + '  functions:\n    - name: f\n      code: |\n        na‸\n');
    assert.deepEqual(getCompletions(analysis, position).items, []);
  });
});

describe('completion: values from the schema', () => {
  it('offers enum members with their descriptions, replacing what is typed', () => {
    const { analysis, position } = atCursor(PKG + '  variables:\n    - name: A\n      type: te‸\n');
    const items = getCompletions(analysis, position).items;
    assert.deepEqual(
      items.map((i) => i.label),
      ['text', 'boolean', 'enum', 'resource_ref', 'secret'],
    );
    assert.equal(items[0].detail, 'default');
    assert.match((items[4].documentation as { value: string }).value, /Masked input/);
    assert.equal(complete(PKG + '  variables:\n    - name: A\n      type: te‸\n', 'secret'), PKG + '  variables:\n    - name: A\n      type: secret\n');
  });

  it('adds the space after a bare colon and stays inside quotes', () => {
    assert.equal(complete(PKG + '  webhooks:\n    - path: in\n      httpMethod:‸\n', 'GET'), PKG + '  webhooks:\n    - path: in\n      httpMethod: GET\n');
    assert.equal(complete(PKG + '  webhooks:\n    - path: in\n      httpMethod: "P‸"\n', 'PATCH'), PKG + '  webhooks:\n    - path: in\n      httpMethod: "PATCH"\n');
  });

  it('offers true and false for booleans, and enum members of list items', () => {
    assert.deepEqual(
      itemsAt(PKG + '  functions:\n    - name: f\n      sharedPool: ‸\n').map((i) => i.label),
      ['true', 'false'],
    );
    assert.deepEqual(
      itemsAt(PKG + '  databaseTriggers:\n    - name: t\n      operations:\n        - ‸\n').map((i) => i.label),
      ['INSERT', 'UPDATE'],
    );
  });

  it('falls back to the schema’s examples, next to the item’s keys and snippets', () => {
    const items = itemsAt(PKG + '  agents:\n    - name: a\n      systemTools:\n        - ‸\n');
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['databaseIntrospection', undefined],
        ['name', 'string · required'],
        ['connections', 'list or null'],
        ['codeExecution', 'example'],
        ['packageManagement', 'example'],
        ['configIntrospection', 'example'],
      ],
    );
  });
});

describe('completion: new items from the schema’s snippets', () => {
  it('inserts a whole resource after `- ` in a section, laid out at the key column', () => {
    // No function in namespace `default` to call: an empty tab stop, not an invented name.
    assert.equal(
      complete(PKG + '  webhooks:\n    - ‸\n', 'webhook'),
      PKG + '  webhooks:\n    - path: ${1:my-hook}\n      functionName: $2\n      httpMethod: POST\n      requiresAuth: true\n',
    );
  });

  it('adds the dash itself at the column of the list’s dashes', () => {
    assert.equal(
      complete(PKG + '  webhooks:\n  - path: a\n    functionName: f\n  ‸\n', 'webhook'),
      PKG + '  webhooks:\n  - path: a\n    functionName: f\n  - path: ${1:my-hook}\n    functionName: $2\n    httpMethod: POST\n    requiresAuth: true\n',
    );
  });

  it('renders nested mappings and lists of a snippet body', () => {
    const text = complete(PKG + '  variables:\n    - ‸\n', 'enum variable');
    assert.equal(text, PKG + '  variables:\n    - name: ${1:MODE}\n      type: enum\n      choices:\n        - ${2:fast}\n        - ${3:thorough}\n      default: ${2:fast}\n');
  });

  it('is not offered once the item has keys', () => {
    const labels = itemsAt(PKG + '  webhooks:\n    - ‸\n      path: a\n').map((i) => i.label);
    assert.ok(!labels.includes('webhook'));
    assert.ok(labels.includes('functionName') && !labels.includes('path'));
  });
});

describe('completion: references', () => {
  const RESOURCES = `  functions:
    - namespace: tools
      name: lookup
      description: Finds a customer
      code: x
    - name: notify
      code: y
  skills:
    - namespace: docs
      name: guide
      description: How to
      content: x
  connectors:
    - name: crm
      baseUrl: http://crm
      operations:
        - name: find
          method: GET
          path: /find
        - name: create
          method: POST
          path: /create
`;

  it('offers `ns/name` of the right kind in enabled* lists, minus those already listed', () => {
    const source = PKG + RESOURCES + '  agents:\n    - name: a\n      enabledFunctions:\n        - tools/lookup\n        - ‸\n';
    const items = itemsAt(source);
    assert.deepEqual(
      items.map((i) => i.label),
      ['default/notify'],
    );
    assert.equal(items[0].detail, 'function');
    assert.equal(complete(source, 'default/notify'), source.replace('‸', 'default/notify'));
  });

  it('completes the object form of a list entry (`skill:`)', () => {
    const source = PKG + RESOURCES + '  agents:\n    - name: a\n      enabledSkills:\n        - skill: do‸\n';
    const [item] = itemsAt(source);
    assert.equal(item.label, 'docs/guide');
    assert.equal(item.detail, 'skill · How to');
    assert.equal(complete(source, 'docs/guide'), source.replace('do‸', 'docs/guide'));
  });

  it('offers bare names of `default` functions for webhooks and function schedules', () => {
    assert.deepEqual(
      itemsAt(PKG + RESOURCES + '  webhooks:\n    - path: in\n      functionName: ‸\n').map((i) => i.label),
      ['notify'],
    );
    assert.deepEqual(
      itemsAt(PKG + RESOURCES + '  schedules:\n    - name: nightly\n      cronExpression: "0 1 * * *"\n      functionName: ‸\n').map((i) => i.label),
      ['notify'],
    );
  });

  it('offers the operations of the chosen connector', () => {
    const source = PKG + RESOURCES + '  agents:\n    - name: a\n      enabledConnectors:\n        - connector: default/crm\n          operations:\n            - find\n            - ‸\n';
    assert.deepEqual(
      itemsAt(source).map((i) => i.label),
      ['create'],
    );
  });

  it('offers a resource_ref variable where an LLM provider name goes', () => {
    const source = PKG + '  variables:\n    - name: PRIMARY_LLM\n      type: resource_ref\n      resource: llm_providers\n  agents:\n    - name: a\n      llmProviderName: ‸\n';
    assert.equal(complete(source, '${{ vars.PRIMARY_LLM }}'), source.replace('‸', '${{ vars.PRIMARY_LLM }}'));
  });

  it('names manifest resources within the entry’s namespace', () => {
    const source = PKG + RESOURCES + '  manifests:\n    - name: m\n      requiredResources:\n        - type: function\n          namespace: tools\n          name: ‸\n';
    assert.deepEqual(
      itemsAt(source).map((i) => i.label),
      ['lookup'],
    );
  });

  it('offers the agent’s enabled functions, not yet given parameters, as `functionParameters` keys', () => {
    const agent = '  agents:\n    - name: a\n      enabledFunctions:\n        - tools/lookup\n        - default/notify\n      functionParameters:\n        default/notify:\n          channel: ops\n        ‸\n';
    assert.deepEqual(
      itemsAt(PKG + RESOURCES + agent).map((i) => i.label),
      ['tools/lookup'],
    );
    assert.equal(
      complete(PKG + RESOURCES + agent, 'tools/lookup'),
      PKG + RESOURCES + agent.replace('‸', 'tools/lookup:\n          ${1:param}: ${2:value}'),
    );
  });
});
