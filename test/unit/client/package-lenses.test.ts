import assert from 'node:assert/strict';
import { compareVersions, packageLenses } from '../../../client/src/code-lens/package-lenses';

const installed = (version: string) => ({ id: 'x', name: 'crm', version, description: null, author: null, installed_at: '2026-01-01T00:00:00Z' });
const titles = (fileVersion: string | undefined, version: string | null) =>
  packageLenses({ instanceName: 'staging', packageName: 'crm', fileVersion, installed: version === null ? null : installed(version) }).map((l) => `${l.title} → ${l.command || '-'}`);

describe('client: code lens on package.name', () => {
  it('offers Preview and Install when the package is not installed', () => {
    assert.deepEqual(titles('1.0.0', null), ['Not installed on staging → -', 'Preview → sinas.package.preview', 'Install → sinas.package.install']);
  });

  it('offers Uninstall and the installed copy when the file holds the installed version', () => {
    assert.deepEqual(titles('1.2.0', '1.2.0'), ['$(package) Installed v1.2.0 on staging → sinas.package.compare', 'Uninstall → sinas.package.uninstall', 'Open installed version → sinas.package.export']);
    assert.equal(titles(undefined, '1.2.0').length, 3);
  });

  it('offers Upgrade (or Downgrade, or Install) and Compare when the versions differ', () => {
    assert.deepEqual(titles('1.3.0', '1.2.0'), [
      '$(package) Installed v1.2.0 on staging (this file: v1.3.0) → -',
      'Upgrade to v1.3.0 → sinas.package.install',
      'Compare → sinas.package.compare',
      'Uninstall → sinas.package.uninstall',
      'Open installed version → sinas.package.export',
    ]);
    assert.equal(titles('1.1.9', '1.2.0')[1], 'Downgrade to v1.1.9 → sinas.package.install');
    assert.equal(titles('next', '1.2.0')[1], 'Install vnext → sinas.package.install');
  });

  it('compares versions by their numeric parts, pre-releases first, and refuses free-form labels', () => {
    assert.equal(compareVersions('1.10.0', '1.9.2'), 1);
    assert.equal(compareVersions('2', '2.0.0'), 0);
    assert.equal(compareVersions('1.0.0-beta', '1.0.0'), -1);
    assert.equal(compareVersions('v1.2', '1.1'), 1);
    assert.equal(compareVersions('spring release', '1.0'), undefined);
  });
});
