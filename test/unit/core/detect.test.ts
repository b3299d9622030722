/** Content detection: which YAML files the server treats as SinasPackages. */
import assert from 'node:assert/strict';
import { looksLikeSinasPackage } from '../../../server/src/core/detect';

describe('SinasPackage detection', () => {
  it('accepts the header in any root position and with quotes', () => {
    assert.ok(looksLikeSinasPackage('apiVersion: sinas.co/v1\nkind: SinasPackage\n'));
    assert.ok(looksLikeSinasPackage('spec: {}\npackage:\n  name: x\nkind: "SinasPackage"\n'));
    assert.ok(looksLikeSinasPackage('# comment\r\napiVersion: \'sinas.co/v2\'\r\n'));
  });

  it('sees the header through an anchor or a tag on its value', () => {
    assert.ok(looksLikeSinasPackage('apiVersion: &v sinas.co/v1\nkind: *v\n'));
    assert.ok(looksLikeSinasPackage('kind: !!str SinasPackage\n'));
  });

  it('ignores other YAML, indented keys and look-alikes', () => {
    assert.equal(looksLikeSinasPackage('name: ci\non: push\n'), false);
    assert.equal(looksLikeSinasPackage('spec:\n  kind: SinasPackage\n'), false);
    assert.equal(looksLikeSinasPackage('kinds: SinasPackage\napiVersion: v1\n'), false);
    assert.equal(looksLikeSinasPackage('apiVersion: apps/v1\nkind: Deployment\n'), false);
  });
});
