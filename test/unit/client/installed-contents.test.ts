/** The tree below an installed package: its resources by type, and what the instance tells about each. */
import assert from 'node:assert/strict';
import type { ResourceList, TemplateDto } from '../../../api/src';
import { PackageContents, readInstalledContents } from '../../../client/src/views/packages/contents';
import { describeContents, describeResource, sectionTitle } from '../../../client/src/views/packages/describe';

const EXPORT = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: crm
  version: "1.0.0"
spec:
  variables:
    - name: NS
      type: text
    - name: TOKEN
      type: secret
  functions:
    - namespace: "\${{ vars.NS }}"
      name: lookup
      code: "def handler(i, c):\\n    return {}\\n"
  secrets:
    - name: "\${{ vars.TOKEN }}"
  templates:
    - namespace: crm
      name: managed
    - namespace: crm
      name: edited
    - namespace: crm
      name: taken
    - namespace: crm
      name: gone
  roles:
    - name: skipped-by-installs
  databaseTriggers:
    - name: on-insert
`;
const row = (name: string, managed_by: string | null) => ({ kind: 'templates' as const, type: 'template' as const, namespace: 'crm', name, raw: { namespace: 'crm', name, managed_by } as TemplateDto });
const templates = (truncated = false): ResourceList<TemplateDto> => ({ kind: 'templates', truncated, items: [row('managed', 'pkg:crm'), row('edited', null), row('taken', 'pkg:other')] });
const connection = { id: 'c1', name: 'staging', url: 'https://s', source: 'stored' as const };

describe('client: an installed package\'s resources', () => {
  it('groups the export by type, identities as installed (the install\'s values substituted), skipped sections left out', () => {
    const contents = readInstalledContents('crm', EXPORT, { NS: 'support', TOKEN: '***' });
    assert.deepEqual(contents.groups.map((g) => [g.section, g.resources.map((r) => r.identity)]), [
      ['functions', ['support/lookup']],
      ['secrets', ['TOKEN']],
      ['templates', ['crm/managed', 'crm/edited', 'crm/taken', 'crm/gone']],
      ['databaseTriggers', ['on-insert']],
    ]);
    const fn = contents.groups[0].resources[0];
    assert.equal(EXPORT.slice(fn.span.start, fn.span.end), 'lookup', 'the span is the node to open');
    assert.ok(contents.groups.every((g) => g.resources.every((r) => r.ownership === undefined)), 'without the templates list nothing is claimed');
  });

  it('marks templates from the list: managed, detached (no managed_by), managed elsewhere, missing — and claims nothing about other types', () => {
    const contents = readInstalledContents('crm', EXPORT, { NS: 'support' }, templates());
    const byIdentity = Object.fromEntries(contents.groups.flatMap((g) => g.resources).map((r) => [r.identity, r.ownership]));
    assert.deepEqual(byIdentity, { 'support/lookup': undefined, TOKEN: undefined, 'crm/managed': 'managed', 'crm/edited': 'detached', 'crm/taken': 'managedElsewhere', 'crm/gone': 'missing', 'on-insert': undefined });
    const truncated = readInstalledContents('crm', EXPORT, {}, templates(true));
    assert.equal(truncated.groups.find((g) => g.section === 'templates')!.resources.find((r) => r.identity === 'crm/gone')!.ownership, undefined, 'a capped list cannot say a template is missing');
  });

  it('describes the rows: groups with counts and what the API tells, detached resources marked', () => {
    const contents = readInstalledContents('crm', EXPORT, { NS: 'support' }, templates());
    const groups = describeContents({ kind: 'loaded', contents }, connection);
    assert.deepEqual(groups.map((g) => g.label), ['Functions', 'Secrets', 'Templates', 'Database triggers']);
    assert.match(groups[0].kind === 'group' ? groups[0].tooltip : '', /Sinas does not tell whether these were edited/);
    const rows = contents.groups[2].resources.map((r) => describeResource(r, 'crm'));
    assert.deepEqual(rows.map((r) => [r.label, r.description, r.warning]), [
      ['crm/managed', undefined, false],
      ['crm/edited', 'detached', true],
      ['crm/taken', 'managed by pkg:other', true],
      ['crm/gone', 'not on the instance', true],
    ]);
    assert.match(rows[1].tooltip, /edited on the instance since the install .* Uninstalling leaves it; the next install overwrites it\./);
    assert.deepEqual(describeContents(undefined, connection).map((m) => m.label), ['Reading the installed version…']);
    const failed = describeContents({ kind: 'error', message: 'Package crm not found' }, connection)[0];
    assert.equal(failed.label, 'Package crm not found — click to retry');
  });

  it('names sections in the plural', () => {
    assert.deepEqual(['queries', 'dependencies', 'llmProviders', 'webhooks'].map((s) => sectionTitle(s as never)), ['Queries', 'Dependencies', 'LLM providers', 'Webhooks']);
  });

  it('reads a package once; after its list reloads it reads it again while the old rows stay shown', async () => {
    let version = 1;
    const client = {
      exportPackage: async () => EXPORT.replace('version: "1.0.0"', `version: "${version}.0.0"`).replace('name: on-insert', `name: trigger-v${version}`),
      getPackage: async () => ({ values: { NS: 'support' } }),
      listResources: async () => templates(),
    };
    const contents = new PackageContents({ get: () => connection }, { client: async () => ({ kind: 'ready', connection, client: client as never }) });
    const seen: string[] = [];
    contents.onDidChange(() => {
      const state = contents.state('c1', 'crm')!;
      const groups = state.kind === 'loaded' ? state.contents.groups : state.kind === 'loading' ? state.previous?.groups : undefined;
      seen.push(`${state.kind}:${groups?.at(-1)?.resources[0].identity ?? '-'}`);
    });
    await contents.ensureLoaded('c1', 'crm');
    await contents.ensureLoaded('c1', 'crm');
    assert.deepEqual(seen, ['loading:-', 'loaded:trigger-v1'], 'read once');
    version = 2;
    contents.markStale('c1');
    assert.equal(contents.isStale('c1', 'crm'), true);
    await contents.ensureLoaded('c1', 'crm');
    assert.deepEqual(seen.slice(2), ['loading:trigger-v1', 'loaded:trigger-v2'], 'the old rows are shown while reading again');
    assert.equal(describeContents(contents.state('c1', 'crm'), connection).length, 4);
  });
});
