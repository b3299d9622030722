import assert from 'node:assert/strict';
import { readPackage } from '../../../client/src/packages/read-package';
import { blastRadius } from '../../../client/src/uninstall/blast-radius';
import { CRM } from './support/packages';

describe('uninstall blast radius', () => {
  it('counts what is deleted per type, names the data loss and what survives', () => {
    const { message, detail, deleted } = blastRadius({ packageName: 'crm-support', version: '1.2.0', instanceName: 'staging', installed: readPackage(CRM) });
    assert.equal(message, 'Uninstall crm-support 1.2.0 from staging?');
    assert.deepEqual(deleted, { agents: 1, functions: 2, connectors: 1, queries: 1, collections: 1, stores: 1, schedules: 1 });
    assert.match(detail, /Deletes what its last install declared and still manages: 1 agent, 2 functions, 1 connector, 1 query, 1 collection, 1 store and 1 schedule\./);
    assert.match(detail, /files uploaded to that collection are deleted/);
    assert.match(detail, /saved states of that store are deleted/);
    // One secret section entry plus one secret variable; one dependency.
    assert.match(detail, /Kept: resources edited since the install \(they were detached\), 2 secrets and 1 dependency\./);
    assert.match(detail, /schedules keep firing until the Sinas scheduler restarts/);
    assert.match(detail, /cannot be undone/);
  });

  it('without the installed YAML it still states the rules, without numbers', () => {
    const { detail, deleted } = blastRadius({ packageName: 'x', instanceName: 'local' });
    assert.deepEqual(deleted, {});
    assert.match(detail, /could not be read/);
    assert.match(detail, /Kept: .*secrets and dependencies/);
  });

  it('a package without deletable resources says so', () => {
    const text = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: empty\n  version: "1"\nspec:\n  dependencies:\n    - packageName: httpx\n';
    const { detail } = blastRadius({ packageName: 'empty', instanceName: 'local', installed: readPackage(text) });
    assert.match(detail, /declared no resources that uninstall deletes/);
    assert.match(detail, /1 dependency/);
  });
});
