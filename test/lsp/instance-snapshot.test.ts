/**
 * The `sinas/instanceSnapshot` notification against the built server: diagnostics, completion,
 * hover and definition follow the snapshot it was sent, `null` (or junk) brings back exactly the
 * analysis without an instance, and a new snapshot re-checks open documents without an edit.
 */
import assert from 'node:assert/strict';
import type { CompletionList, Diagnostic, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { INSTANCE_SNAPSHOT_NOTIFICATION, type InstanceSnapshot } from '../../server/src/protocol/instance-snapshot';
import { loadSnapshot } from '../support/instance-snapshots';
import { TestLspClient } from '../support/lsp-client';

const TEXT = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: lsp-instance
spec:
  agents:
    - namespace: support
      name: helper
      enabledFunctions:
        - support/lookup_customer
        - support/nobody
        - 
`;

const lineOf = (find: string) => TEXT.split('\n').findIndex((l) => l.includes(find));
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line}:${d.code}:${d.severity}`).sort();

for (const transport of ['stdio', 'ipc'] as const) {
  describe(`instance snapshot notification over ${transport}`, () => {
    let client: TestLspClient;
    const uri = `file:///lsp/${transport}/instance.yaml`;
    const send = (snapshot: unknown) => client.connection.sendNotification(INSTANCE_SNAPSHOT_NOTIFICATION, { snapshot });
    const found = lineOf('lookup_customer');
    const missing = lineOf('nobody');
    // The empty list entry where completion is asked for is an error of its own, with or without a snapshot.
    const blank = `${lineOf('nobody') + 1}:invalid-type:1`;
    const offline = [`${found}:unresolved-reference:2`, `${missing}:unresolved-reference:2`, blank].sort();

    before(async () => {
      client = await TestLspClient.start(transport);
      client.open(uri, TEXT);
      await client.waitForDiagnostics(uri);
    });
    after(() => client.stop());

    it('without a snapshot, hedges about both references as before', async () => {
      const { diagnostics } = await client.waitForDiagnostics(uri);
      assert.deepEqual(codes(diagnostics), offline);
    });

    it('with a snapshot, a reference found on the instance is clean and a missing one an error, for the same version', async () => {
      await send(loadSnapshot('staging'));
      const { diagnostics, version } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'missing-on-instance'));
      assert.equal(version, 1);
      assert.deepEqual(codes(diagnostics), [`${missing}:missing-on-instance:1`, blank].sort());
      assert.match(diagnostics.find((d) => d.code === 'missing-on-instance')!.message, /nor on staging/);
    });

    it('answers completion, hover and definition from the snapshot', async () => {
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: lineOf('nobody') + 1, character: 10 } });
      const item = list.items.find((i) => i.label === 'ops/audit');
      assert.ok(!list.items.some((i) => i.label === 'support/lookup_customer'), 'already listed in the field');
      assert.equal(item?.detail, 'function on staging');
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: found, character: 14 } });
      assert.match((hover.contents as MarkupContent).value, /— on staging\n\nFinds a customer by email\./);
      const [location] = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: found, character: 14 } });
      assert.equal(location.uri, 'sinas-instance:/staging/functions/support%2Flookup_customer.yaml?fixture');
    });

    it('re-checks open documents when a different snapshot arrives', async () => {
      const snapshot: InstanceSnapshot = loadSnapshot('staging');
      snapshot.instance = 'production';
      snapshot.lists.functions!.items.push({ name: 'support/nobody' });
      snapshot.lists.functions!.items = snapshot.lists.functions!.items.filter((i) => i.name !== 'support/lookup_customer');
      await send(snapshot);
      const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.message.includes('production')));
      assert.deepEqual(codes(diagnostics), [`${found}:missing-on-instance:1`, blank].sort());
    });

    it('null, or something that is not a snapshot, restores the analysis without an instance', async () => {
      await send(null);
      let published = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'missing-on-instance'));
      assert.deepEqual(codes(published.diagnostics), offline);
      await send(loadSnapshot('staging'));
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'missing-on-instance'));
      await send({ instance: 42, lists: 'nope' });
      published = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'missing-on-instance'));
      assert.deepEqual(codes(published.diagnostics), offline);
    });
  });
}
