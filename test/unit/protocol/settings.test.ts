/** Settings normalisation: whatever the user wrote, the server gets usable values. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../server/src/protocol/settings';

describe('settings normalisation', () => {
  it('gives the defaults for nothing, null or junk', () => {
    for (const raw of [undefined, null, 'x', 42, [], { diagnostics: 'loud', validation: [] }]) assert.deepEqual(normalizeSettings(raw), DEFAULT_SETTINGS);
  });

  it('keeps valid values and clamps numbers into range', () => {
    const settings = normalizeSettings({
      diagnostics: { maxProblems: 0, severity: { 'unused-variable': 'off', 'undeclared-variable': 'Warning' } },
      validation: { delayMs: 99999, typingPauseMs: -1, maxFileSizeKb: '2048', yamlSyntax: 'off' },
    });
    assert.deepEqual(settings, {
      diagnostics: { maxProblems: 1, severity: { 'unused-variable': 'off', 'undeclared-variable': 'warning' } },
      validation: { delayMs: 10_000, typingPauseMs: 0, maxFileSizeKb: 2048, yamlSyntax: 'off' },
      workspaceDiagnostics: { enabled: true, maxFiles: 1000 },
    });
    assert.deepEqual(normalizeSettings({ workspaceDiagnostics: { enabled: false, maxFiles: '12' } }).workspaceDiagnostics, { enabled: false, maxFiles: 12 });
    assert.equal(normalizeSettings({ validation: { yamlSyntax: 'sometimes' } }).validation.yamlSyntax, 'auto');
  });

  it('drops unknown severities and accepts common spellings', () => {
    const { severity } = normalizeSettings({ diagnostics: { severity: { a: 'loud', b: 'information', c: 'ignore', d: 3, '': 'error' } } }).diagnostics;
    assert.deepEqual(severity, { b: 'info', c: 'off' });
  });
});

describe('settings contribution', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown; description?: string; markdownDescription?: string }>;

  it('declares every server setting, described, with the server default', () => {
    const expected: Record<string, unknown> = {
      'sinas.diagnostics.severity': DEFAULT_SETTINGS.diagnostics.severity,
      'sinas.diagnostics.maxProblems': DEFAULT_SETTINGS.diagnostics.maxProblems,
      'sinas.validation.delayMs': DEFAULT_SETTINGS.validation.delayMs,
      'sinas.validation.typingPauseMs': DEFAULT_SETTINGS.validation.typingPauseMs,
      'sinas.validation.maxFileSizeKb': DEFAULT_SETTINGS.validation.maxFileSizeKb,
      'sinas.validation.yamlSyntax': DEFAULT_SETTINGS.validation.yamlSyntax,
      'sinas.workspaceDiagnostics.enabled': DEFAULT_SETTINGS.workspaceDiagnostics.enabled,
      'sinas.workspaceDiagnostics.maxFiles': DEFAULT_SETTINGS.workspaceDiagnostics.maxFiles,
    };
    for (const [key, value] of Object.entries(expected)) {
      assert.ok(properties[key], `${key} is contributed`);
      assert.deepEqual(properties[key].default, value, `${key} default`);
      assert.ok(properties[key].description ?? properties[key].markdownDescription, `${key} is described`);
    }
  });
});
