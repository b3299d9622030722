// Problems for every SinasPackage of the workspace, open or not, kept current as files are
// created, changed, renamed and deleted; node_modules is never searched.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, fixtureUri, sinasDiagnostics, waitForDiagnostics } from './helpers';

const SCRATCH = '.scratch/workspace-diagnostics'; // .scratch/ is git-ignored
const encode = (text: string) => new TextEncoder().encode(text);
const pkg = (name: string, body: string) => `apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: ${name}\nspec:\n${body}`;
const UNDECLARED = pkg('scratch', '  connectors:\n    - name: api\n      baseUrl: "${{ vars.NOPE }}"\n');
const CLEAN = pkg('scratch', '  skills:\n    - name: s\n      description: d\n      content: c\n');

const codes = (uri: vscode.Uri) => sinasDiagnostics(uri).map(codeOf);
const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

describe('workspace diagnostics', () => {
  const scratch = fixtureUri(SCRATCH);
  before(async () => {
    await vscode.workspace.fs.createDirectory(scratch);
    // The file watcher takes up a new folder a moment after it appears, and a file written into it
    // before then is never reported to anyone. Write a probe until the server reports it: from
    // then on, the folder's events arrive.
    const probe = vscode.Uri.joinPath(scratch, 'probe.yaml');
    for (let attempt = 1; ; attempt++) {
      await vscode.workspace.fs.writeFile(probe, encode(UNDECLARED));
      const seen = await waitForDiagnostics(probe, () => codes(probe).includes('undeclared-variable'), 3000).then(() => true, () => false);
      if (seen) break;
      if (attempt === 7) throw new Error('the server never reported a package written into the new scratch folder');
    }
    await vscode.workspace.fs.delete(probe);
    await waitForDiagnostics(probe, () => codes(probe).length === 0);
  });
  after(() => vscode.workspace.fs.delete(scratch, { recursive: true, useTrash: false }));

  it('reports packages that were never opened', async () => {
    const one = fixtureUri('workspace/never-opened.yaml');
    const two = fixtureUri('workspace/also-never-opened.sinas.yaml');
    await waitForDiagnostics(one, () => codes(one).includes('undeclared-variable'));
    await waitForDiagnostics(two, () => codes(two).includes('unused-variable'));
    assert.ok(!isOpen(one) && !isOpen(two), 'the files are not open');
  });

  it('follows a file created, fixed, broken, renamed and deleted on disk', async () => {
    const file = vscode.Uri.joinPath(scratch, 'created.yaml');
    await vscode.workspace.fs.writeFile(file, encode(UNDECLARED));
    await waitForDiagnostics(file, () => codes(file).includes('undeclared-variable'));

    await vscode.workspace.fs.writeFile(file, encode(CLEAN));
    await waitForDiagnostics(file, () => codes(file).length === 0);
    await vscode.workspace.fs.writeFile(file, encode(UNDECLARED));
    await waitForDiagnostics(file, () => codes(file).includes('undeclared-variable'));

    const renamed = vscode.Uri.joinPath(scratch, 'renamed.sinas.yaml');
    await vscode.workspace.fs.rename(file, renamed);
    await waitForDiagnostics(renamed, () => codes(renamed).includes('undeclared-variable'));
    await waitForDiagnostics(file, () => codes(file).length === 0);

    await vscode.workspace.fs.delete(renamed);
    await waitForDiagnostics(renamed, () => codes(renamed).length === 0);
  });

  it('never reports packages under node_modules', async () => {
    const hidden = vscode.Uri.joinPath(scratch, 'node_modules/dep/package.yaml');
    const control = vscode.Uri.joinPath(scratch, 'control.yaml');
    await vscode.workspace.fs.writeFile(hidden, encode(UNDECLARED));
    await vscode.workspace.fs.writeFile(control, encode(UNDECLARED));
    await waitForDiagnostics(control, () => codes(control).includes('undeclared-variable'));
    assert.deepEqual(codes(hidden), []);
  });
});
