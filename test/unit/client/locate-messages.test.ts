import assert from 'node:assert/strict';
import type { ConfigApplyResponse } from '../../../api/src';
import { readPackage, spanOfPath } from '../../../client/src/packages/read-package';
import { locateApplyMessages, locateMessage, locateValidationItems } from '../../../client/src/preview/locate-messages';
import { CRM, textAt } from './support/packages';

const file = readPackage(CRM);
const apply = (over: Partial<ConfigApplyResponse>): ConfigApplyResponse => ({
  success: true,
  summary: { created: {}, updated: {}, unchanged: {}, deleted: {} },
  changes: [],
  errors: [],
  warnings: [],
  ...over,
});

describe('mapping server messages to YAML nodes', () => {
  it('"managed by" warnings point at the resource name (Title-cased plural type)', () => {
    const span = locateMessage(file, "Functions 'support/lookup_customer' exists but is managed by 'pkg:other'. Skipping.");
    assert.equal(textAt(CRM, span), 'lookup_customer');
    const schedule = locateMessage(file, "Schedules 'nightly' exists but is managed by 'config'. Skipping.");
    assert.equal(textAt(CRM, schedule), 'nightly');
  });

  it('a missing connection points at the query\'s connectionName', () => {
    const span = locateMessage(file, "Database connection 'analytics' not found for query 'reports/open_tickets'");
    assert.equal(textAt(CRM, span), 'analytics');
  });

  it('secrets, "Error applying <kind>" and default-namespace names', () => {
    assert.equal(textAt(CRM, locateMessage(file, "Secret 'HUBSPOT_TOKEN' does not exist and no value provided — cannot create.")), 'HUBSPOT_TOKEN');
    assert.equal(textAt(CRM, locateMessage(file, "Error applying function 'default/daily_digest': boom")), 'daily_digest');
    assert.equal(textAt(CRM, locateMessage(file, "Failed to apply connector 'support/crm': timeout")), 'crm');
  });

  it('names built from variables match after substitution', () => {
    const span = locateMessage(file, "Agents 'support/gold-bot' exists but is managed by 'pkg:x'. Skipping.", { TIER: 'gold' });
    assert.equal(textAt(CRM, span), '"${{ vars.TIER }}-bot"');
    assert.equal(locateMessage(file, "Agents 'support/gold-bot' exists but is managed by 'pkg:x'. Skipping."), undefined, 'unknown without the value');
  });

  it('the skipped-sections warning points at the section key', () => {
    const text = CRM.replace('  functions:', '  roles:\n    - name: Support\n  functions:');
    const span = locateMessage(readPackage(text), 'SinasPackage includes roles — these are environment-specific and will be skipped during install');
    assert.equal(textAt(text, span), 'roles');
  });

  it('messages naming nothing in the file stay unlocated', () => {
    assert.equal(locateMessage(file, 'Fatal error: database is gone'), undefined);
    assert.equal(locateMessage(file, "Functions 'nope/nothing' exists but is managed by 'x'. Skipping."), undefined);
  });

  it('on a first install, each update is a warning on the resource it overwrites', () => {
    const result = apply({
      changes: [
        { action: 'update', resourceType: 'functions', resourceName: 'support/lookup_customer', details: null, changes: null },
        { action: 'create', resourceType: 'skills', resourceName: 'a/b', details: null, changes: null },
      ],
      warnings: ["Stores 'support/state' exists but is managed by 'pkg:other'. Skipping."],
      errors: ["Database trigger 'gone': connection 'x' not found"],
    });
    const first = locateApplyMessages(file, { apply: result, firstInstall: true, instanceName: 'staging' });
    assert.deepEqual(first.map((f) => [f.code, f.severity, textAt(CRM, f.span)]), [
      ['server-error', 'error', undefined],
      ['managed-elsewhere', 'warning', 'state'],
      ['overwrites-unmanaged', 'warning', 'lookup_customer'],
    ]);
    assert.match(first[2].message, /already exists on staging and is not managed by this package/);
    const upgrade = locateApplyMessages(file, { apply: result, firstInstall: false, instanceName: 'staging' });
    assert.ok(!upgrade.some((f) => f.code === 'overwrites-unmanaged'), 'updates are normal on an upgrade');
  });

  it('validation paths of both formats find their node; a missing field falls back to its parent', () => {
    assert.equal(textAt(CRM, spanOfPath(file, 'spec.queries[0].connectionName')), 'analytics');
    assert.equal(textAt(CRM, spanOfPath(file, 'spec.queries.0.operation')), 'read');
    assert.equal(textAt(CRM, spanOfPath(file, 'spec.functions.1.inputSchema')), 'daily_digest', 'missing field: the resource name');
    assert.equal(textAt(CRM, spanOfPath(file, 'spec.functions.0.code')), 'code', 'block scalar: the key');
    assert.equal(textAt(CRM, spanOfPath(file, 'variables.API_KEY')), 'API_KEY');
    assert.equal(spanOfPath(file, 'root'), undefined);
    const [item] = locateValidationItems(file, [{ path: 'spec.queries[0].connectionName', message: "Database connection 'analytics' not found" }]);
    assert.equal(item.code, 'server-validation');
    assert.match(item.message, /\(spec\.queries\[0\]\.connectionName\)$/);
  });
});
