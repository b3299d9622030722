/**
 * Workspace diagnostics over LSP: every SinasPackage of the workspace folders is reported, open or
 * not, kept current from file events and document closes, bounded by maxFiles, skipping
 * node_modules, .git and files.exclude, and never ahead of an open document.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { INSTANCE_SNAPSHOT_NOTIFICATION } from '../../server/src/protocol/instance-snapshot';
import { loadSnapshot } from '../support/instance-snapshots';
import { TestLspClient } from '../support/lsp-client';

const pkg = (name: string, variable = 'MISSING') => `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: ${name}
spec:
  connectors:
    - name: api
      baseUrl: "\${{ vars.${variable} }}"
`;
const CLEAN = `apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: clean\nspec:\n  skills:\n    - name: s\n      description: d\n      content: c\n`;

const uriOf = (path: string) => URI.file(path).toString();
const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);

describe('workspace diagnostics over LSP', function () {
  this.timeout(30000);
  let root: string;
  let client: TestLspClient;

  function write(relative: string, text: string): string {
    const path = join(root, relative);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  }

  async function start(settings: unknown = {}, filesExclude: unknown = {}): Promise<TestLspClient> {
    const c = await TestLspClient.start('stdio', undefined, undefined, {
      workspaceFolders: [{ uri: uriOf(root), name: 'ws' }],
      capabilities: {
        textDocument: { publishDiagnostics: { versionSupport: true } },
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
    });
    c.configuration.set('sinas', settings);
    c.configuration.set('files.exclude', filesExclude);
    return c;
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sinas-ws-'));
  });
  afterEach(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports every package of the folders, open or not; not other YAML, node_modules, .git or files.exclude', async () => {
    const a = write('a.yaml', pkg('a'));
    const b = write('deep/er/b.sinas.yml', pkg('b'));
    write('config.yaml', 'name: ci\non: push\n');
    write('node_modules/dep/c.yaml', pkg('c'));
    write('.git/d.yaml', pkg('d'));
    write('build/e.yaml', pkg('e'));
    client = await start({}, { '**/build': true });
    for (const path of [a, b]) {
      const published = await client.waitForDiagnostics(uriOf(path), (p) => p.diagnostics.length > 0);
      assert.deepEqual(codes(published), ['undeclared-variable']);
      assert.equal(published.version, undefined, 'a closed file has no version');
    }
    // Files are checked in the order they are queued: once a file created after the scan is
    // reported, every file the scan found has been checked.
    const barrier = write('zz.yaml', pkg('zz'));
    client.filesChanged([{ uri: uriOf(barrier), type: 1 }]);
    await client.waitForDiagnostics(uriOf(barrier), (p) => p.diagnostics.length > 0);
    assert.deepEqual([...client.latest.keys()].sort(), [uriOf(a), uriOf(b), uriOf(barrier)].sort());
  });

  it('checks closed files against the instance snapshot too, and again when it changes', async () => {
    const refs = `apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: refs\nspec:\n  agents:\n    - name: a\n      enabledFunctions: [support/lookup_customer, support/nobody]\n`;
    const file = uriOf(write('refs.yaml', refs));
    client = await start();
    const offline = await client.waitForDiagnostics(file, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(offline), ['unresolved-reference', 'unresolved-reference']);
    await client.connection.sendNotification(INSTANCE_SNAPSHOT_NOTIFICATION, { snapshot: loadSnapshot('staging') });
    const checked = await client.waitForDiagnostics(file, (p) => codes(p).includes('missing-on-instance'));
    assert.deepEqual(codes(checked), ['missing-on-instance']);
    await client.connection.sendNotification(INSTANCE_SNAPSHOT_NOTIFICATION, { snapshot: null });
    const again = await client.waitForDiagnostics(file, (p) => !codes(p).includes('missing-on-instance'));
    assert.deepEqual(codes(again), ['unresolved-reference', 'unresolved-reference']);
  });

  it('follows created, changed and deleted files, and a closed document shows what is on disk again', async () => {
    write('a.yaml', pkg('a'));
    client = await start();
    await client.waitForDiagnostics(uriOf(join(root, 'a.yaml')), (p) => p.diagnostics.length > 0);

    const created = write('new/created.yaml', pkg('created'));
    client.filesChanged([{ uri: uriOf(created), type: 1 }]);
    await client.waitForDiagnostics(uriOf(created), (p) => codes(p).includes('undeclared-variable'));

    writeFileSync(created, CLEAN);
    client.filesChanged([{ uri: uriOf(created), type: 2 }]);
    await client.waitForDiagnostics(uriOf(created), (p) => p.diagnostics.length === 0);

    writeFileSync(created, pkg('created'));
    client.filesChanged([{ uri: uriOf(created), type: 2 }]);
    await client.waitForDiagnostics(uriOf(created), (p) => p.diagnostics.length === 1);
    unlinkSync(created);
    client.filesChanged([{ uri: uriOf(created), type: 3 }]);
    await client.waitForDiagnostics(uriOf(created), (p) => p.diagnostics.length === 0);

    // Opened with unsaved changes: the open version wins; closed: the file on disk is reported again.
    const a = uriOf(join(root, 'a.yaml'));
    client.open(a, CLEAN);
    await client.waitForDiagnostics(a, (p) => p.version === 1 && p.diagnostics.length === 0);
    client.close(a);
    await client.waitForDiagnostics(a, (p) => p.version === undefined && codes(p).includes('undeclared-variable'));
  });

  it('reads at most maxFiles YAML files, and clears everything when turned off', async () => {
    for (const name of ['a', 'b', 'c', 'd']) write(`${name}.yaml`, pkg(name));
    client = await start({ workspaceDiagnostics: { maxFiles: 2 } });
    await client.waitForDiagnostics(uriOf(join(root, 'b.yaml')), (p) => p.diagnostics.length > 0);
    assert.deepEqual([...client.latest.keys()].sort(), [uriOf(join(root, 'a.yaml')), uriOf(join(root, 'b.yaml'))]);

    client.setConfiguration('sinas', { workspaceDiagnostics: { enabled: false } });
    await client.waitForDiagnostics(uriOf(join(root, 'a.yaml')), (p) => p.diagnostics.length === 0);
    await client.waitForDiagnostics(uriOf(join(root, 'b.yaml')), (p) => p.diagnostics.length === 0);
  });

  it('never keeps an open document waiting behind the workspace', async () => {
    const count = 300;
    for (let i = 0; i < count; i++) write(`many/p${String(i).padStart(3, '0')}.yaml`, pkg(`p${i}`));
    const order: string[] = [];
    client = await start();
    client.onDiagnostics((p) => order.push(p.uri));
    const open = 'file:///somewhere/else/open.yaml';
    client.open(open, pkg('open'));
    await client.waitForDiagnostics(open);
    const last = uriOf(join(root, `many/p${count - 1}.yaml`));
    await client.waitForDiagnostics(last, (p) => p.diagnostics.length > 0);
    const workspaceBefore = order.indexOf(open);
    assert.ok(workspaceBefore < count / 2, `the open document came after ${workspaceBefore} workspace files`);
  });
});
