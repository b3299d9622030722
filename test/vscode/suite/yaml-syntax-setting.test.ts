// `sinas.validation.yamlSyntax` through the real language client: when it is "off" (or "auto"
// with Red Hat YAML installed, which reports syntax errors itself) our yaml-syntax diagnostics
// must not reach the editor, while every other finding still does. vscode-languageclient turns
// a code that has a codeDescription into { value, target }, which once defeated a string filter.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, sinasDiagnostics, waitForDiagnostics } from './helpers';

const codes = (uri: vscode.Uri) => sinasDiagnostics(uri).map(codeOf);
const setMode = (mode: string | undefined) => vscode.workspace.getConfiguration('sinas').update('validation.yamlSyntax', mode, vscode.ConfigurationTarget.Global);

describe('YAML syntax errors and sinas.validation.yamlSyntax', () => {
  after(() => setMode(undefined));

  it('"auto" without Red Hat YAML shows them; "off" hides only them; "on" brings them back', async () => {
    assert.equal(vscode.extensions.getExtension('redhat.vscode-yaml'), undefined, 'this suite runs without Red Hat YAML');
    const document = await openFixture('yaml-syntax.yaml');
    const both = (all: vscode.Diagnostic[]) => ['yaml-syntax', 'undeclared-variable'].every((c) => all.some((d) => d.source === 'sinas' && codeOf(d) === c));
    await waitForDiagnostics(document.uri, both);
    const others = codes(document.uri).filter((c) => c !== 'yaml-syntax');

    await setMode('off');
    await waitForDiagnostics(document.uri, () => !codes(document.uri).includes('yaml-syntax'));
    assert.deepEqual(codes(document.uri), others, 'every other finding stays');

    await setMode('on');
    await waitForDiagnostics(document.uri, both);
  });
});
