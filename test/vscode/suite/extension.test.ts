// First smoke suite in a real VS Code: the host is what we think it is, our extension loads
// and activates, and the language server's diagnostics reach the editor with exact ranges.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../../client/src/test-api';
import {
  codeOf, extensionId, formatDiagnostics, openFixture, rangeOf, sinasDiagnostics, tier, waitForDiagnostics, waitUntil,
} from './helpers';

describe('VS Code host', () => {
  it('is a real VS Code release', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/, `vscode.version = ${vscode.version}`);
  });

  it('runs us in the extension host the harness chose', () => {
    const { remoteName, appName, uiKind } = vscode.env;
    if (tier === 'code-server') {
      // code-server: web workbench, Node extension host on the server side.
      assert.equal(uiKind, vscode.UIKind.Web, `uiKind = ${uiKind}`);
      assert.ok(remoteName, `remoteName = ${remoteName}, appName = ${appName}`);
      assert.match(appName, /code-server/i, `appName = ${appName}`);
    } else if (tier === 'electron') {
      assert.equal(uiKind, vscode.UIKind.Desktop, `uiKind = ${uiKind}`);
      assert.equal(remoteName, undefined, `remoteName = ${remoteName}`);
    } else {
      assert.fail(`SINAS_VSCODE_TIER is ${tier}; run through npm run test:vscode or test:electron`);
    }
  });
});

describe('Sinas Package Tools', () => {
  it('is installed and activates when a SinasPackage is opened', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not loaded (extensionDevelopmentPath?)`);
    await openFixture('undeclared-variable.yaml');
    await waitUntil(() => extension.isActive, `${extensionId} to activate`);
  });

  it('reports an undeclared variable on its name, and nothing else', async () => {
    const document = await openFixture('undeclared-variable.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => d.source === 'sinas'));
    const sinas = diagnostics.filter((d) => d.source === 'sinas');
    assert.equal(sinas.length, 1, `expected exactly one sinas diagnostic, got: ${formatDiagnostics(sinas)}`);
    const [diagnostic] = sinas;
    assert.equal(codeOf(diagnostic), 'undeclared-variable');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const expected = rangeOf(document, 'MISSING', '${{ vars.');
    assert.ok(diagnostic.range.isEqual(expected), `range ${formatDiagnostics(sinas)} is not MISSING at ${expected.start.line}:${expected.start.character}-${expected.end.line}:${expected.end.character}`);
    assert.equal(document.getText(diagnostic.range), 'MISSING');
  });

  it('leaves YAML that is not a SinasPackage alone', async () => {
    const other = await openFixture('not-a-package.yaml');
    // Positive control, opened after: once its error arrives, the server is up and has seen
    // the other file too, so "no diagnostics" below means something.
    const control = await openFixture('positive-control.yaml');
    await waitForDiagnostics(control.uri, (all) => all.some((d) => d.source === 'sinas' && codeOf(d) === 'undeclared-variable'));
    assert.deepEqual(formatDiagnostics(sinasDiagnostics(other.uri)), 'none');
  });

  it('learns from the language server which documents are packages, with their name (the client parses nothing)', async () => {
    const api = await vscode.extensions.getExtension<TestApi>(extensionId)!.activate();
    const pkg = await openFixture('undeclared-variable.yaml');
    const other = await openFixture('not-a-package.yaml');
    await waitUntil(() => api.facts.get(pkg.uri)?.isPackage === true && api.facts.get(other.uri)?.isPackage === false, 'package facts for both documents');
    assert.equal(api.facts.get(pkg.uri)?.name, 'weather-tools');
    assert.ok(api.languageServer.started, 'the language server was started');
  });
});
