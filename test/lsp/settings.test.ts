/** Settings pulled from the client: severity overrides, limits, and bad input normalised. */
import assert from 'node:assert/strict';
import { TestLspClient } from '../support/lsp-client';

const TEXT = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: demo
spec:
  variables:
    - name: UNUSED
      type: text
  connectors:
    - name: api
      baseUrl: "\${{ vars.A }}\${{ vars.B }}\${{ vars.C }}"
`;

describe('settings over LSP', () => {
  let client: TestLspClient;
  beforeEach(async () => {
    client = await TestLspClient.start('stdio');
  });
  afterEach(() => client.stop());

  it('publishes a document opened right after start with the editor\'s settings, never the defaults first', async () => {
    // The document that starts the server arrives before the server has read the settings (the editor answers slowly).
    const fresh = await TestLspClient.start('stdio', undefined, undefined, { configuration: { sinas: { diagnostics: { severity: { 'undeclared-variable': 'off' } } } }, configurationDelayMs: 500 });
    try {
      const uri = 'file:///lsp/settings/first.yaml';
      fresh.open(uri, TEXT);
      const first = await fresh.waitForDiagnostics(uri);
      assert.deepEqual(first.diagnostics.map((d) => d.code), ['unused-variable']);
    } finally {
      await fresh.stop();
    }
  });

  it('re-publishes with a severity override when the settings change', async () => {
    const uri = 'file:///lsp/settings/severity.yaml';
    client.open(uri, TEXT);
    const first = await client.waitForDiagnostics(uri);
    assert.equal(first.diagnostics.filter((d) => d.code === 'undeclared-variable' && d.severity === 1).length, 3);
    assert.equal(first.diagnostics.filter((d) => d.code === 'unused-variable').length, 1);

    client.setConfiguration('sinas', { diagnostics: { severity: { 'undeclared-variable': 'warning', 'unused-variable': 'off' } } });
    const next = await client.waitForDiagnostics(uri, (p) => p.diagnostics.every((d) => d.code !== 'unused-variable'));
    assert.deepEqual(
      next.diagnostics.map((d) => [d.code, d.severity]),
      [
        ['undeclared-variable', 2],
        ['undeclared-variable', 2],
        ['undeclared-variable', 2],
      ],
    );
  });

  it('caps the problems and normalises bad values to defaults', async () => {
    const uri = 'file:///lsp/settings/limits.yaml';
    client.configuration.set('sinas', {
      diagnostics: { maxProblems: '2', severity: { 'unused-variable': 'loud' } },
      validation: { delayMs: -5, maxFileSizeKb: 'lots' },
    });
    client.open(uri, TEXT);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 2);
    // Over the cap the errors are kept first: two of the three undeclared variables, not the unused one's warning.
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['undeclared-variable', 'undeclared-variable'],
    );
    client.setConfiguration('sinas', { diagnostics: { maxProblems: '4', severity: { 'unused-variable': 'loud' } }, validation: { delayMs: -5, maxFileSizeKb: 'lots' } });
    const all = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 4);
    assert.deepEqual(
      all.diagnostics.map((d) => d.code),
      ['unused-variable', 'undeclared-variable', 'undeclared-variable', 'undeclared-variable'],
    );
    assert.equal(all.diagnostics[0].severity, 2, 'an unknown severity keeps the default');
  });

  it('skips files over the size limit', async () => {
    const uri = 'file:///lsp/settings/size.yaml';
    client.configuration.set('sinas', { validation: { maxFileSizeKb: 1 } });
    client.open(uri, TEXT + `# ${'x'.repeat(1100)}\n`);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'file-too-large'));
    assert.equal(published.diagnostics.length, 1);
  });

  it('drops YAML syntax errors when validation.yamlSyntax is off (another YAML server reports them), unless the code has its own severity', async () => {
    const uri = 'file:///lsp/settings/syntax.yaml';
    client.configuration.set('sinas', { validation: { yamlSyntax: 'on' } });
    client.open(uri, `${TEXT}  skills:\n    - name: "unclosed\n`);
    const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);
    await client.waitForDiagnostics(uri, (p) => codes(p).includes('yaml-syntax') && codes(p).includes('unused-variable'));

    client.setConfiguration('sinas', { validation: { yamlSyntax: 'off' } });
    const off = await client.waitForDiagnostics(uri, (p) => !codes(p).includes('yaml-syntax'));
    assert.ok(codes(off).includes('unused-variable'), 'the other findings stay');

    client.setConfiguration('sinas', { validation: { yamlSyntax: 'off' }, diagnostics: { severity: { 'yaml-syntax': 'warning' } } });
    const explicit = await client.waitForDiagnostics(uri, (p) => codes(p).includes('yaml-syntax'));
    assert.equal(explicit.diagnostics.find((d) => d.code === 'yaml-syntax')?.severity, 2);
  });
});
