import assert from 'node:assert/strict';
import type { ConfigApplyResponse } from '../../../api/src';
import { renderReport, summaryLine, summaryRows } from '../../../client/src/preview/report';

const change = (action: 'create' | 'update' | 'unchanged', resourceType: string, resourceName: string) => ({ action, resourceType, resourceName, details: null, changes: null });
const apply: ConfigApplyResponse = {
  success: true,
  summary: { created: { functions: 1, agents: 1 }, updated: { functions: 1 }, unchanged: { skills: 1 }, deleted: {} },
  changes: [change('create', 'functions', 'support/a'), change('update', 'functions', 'support/b'), change('create', 'agents', 'support/bot'), change('unchanged', 'skills', 'support/tone')],
  errors: [],
  warnings: ["Skills 'x/y' exists but is managed by 'pkg:z'. Skipping."],
};
const base = { packageName: 'crm-support', version: '1.2.0', instanceName: 'staging', instanceUrl: 'https://sinas.example.com', apply };

describe('preview / install report', () => {
  it('counts per type from the changes, and sums them in one line', () => {
    assert.deepEqual(summaryRows(apply), [
      { type: 'functions', created: 1, updated: 1, unchanged: 0 },
      { type: 'agents', created: 1, updated: 0, unchanged: 0 },
      { type: 'skills', created: 0, updated: 0, unchanged: 1 },
    ]);
    assert.equal(summaryLine(apply, 'future'), '2 to create, 1 to update, 1 unchanged');
    assert.equal(summaryLine({ ...apply, changes: [] }, 'past'), '2 created, 1 updated, 1 unchanged', 'falls back to summary');
  });

  it('a clean preview of a first install: outcome, table, warnings, changes', () => {
    const md = renderReport({ ...base, kind: 'preview', installed: null });
    assert.match(md, /^# Preview: crm-support 1\.2\.0 on staging\n/);
    assert.match(md, /Not installed yet: this would be a first install/);
    assert.match(md, /\*\*✓ An install would apply cleanly: 2 to create, 1 to update, 1 unchanged\.\*\*/);
    assert.match(md, /\| functions \| 1 \| 1 \| 0 \|/);
    assert.match(md, /## Warnings \(1\)\n\n- Skills 'x\/y' exists but is managed by 'pkg:z'\. Skipping\./);
    assert.match(md, /- update functions `support\/b`\n/);
    assert.doesNotMatch(md, /## Errors/);
  });

  it('highlights updates that overwrite unmanaged resources on a first install', () => {
    const md = renderReport({
      ...base,
      kind: 'preview',
      installed: null,
      findings: [{ severity: 'warning', code: 'overwrites-unmanaged', message: 'Function `support/b` already exists on staging…' }],
    });
    assert.match(md, /## ⚠ Overwrites 1 resource not managed by this package/);
    assert.match(md, /\| functions \| 1 \| 1 ⚠ \| 0 \|/);
    assert.match(md, /- update functions `support\/b` — ⚠ overwrites an unmanaged resource/);
  });

  it('a preview with errors says the install would be partial; success:false says it would fail', () => {
    const partial = renderReport({ ...base, kind: 'preview', apply: { ...apply, errors: ["Database connection 'x' not found for query 'a/b'"] } });
    assert.match(partial, /⚠ An install would be PARTIAL: 1 error/);
    assert.match(partial, /## Errors \(1\)/);
    const failed = renderReport({ ...base, kind: 'preview', apply: { ...apply, success: false, errors: ['Fatal error: x'] } });
    assert.match(failed, /✗ An install would fail/);
  });

  it('a partial install is never reported as success', () => {
    const md = renderReport({ ...base, kind: 'partial', installed: { version: '1.1.0', installed_at: '2026-01-02T10:00:00Z' }, apply: { ...apply, errors: ['e1', 'e2'] } });
    assert.match(md, /^# Partially installed: crm-support/);
    assert.match(md, /⚠ Partial install: 2 errors/);
    assert.doesNotMatch(md, /✓/);
    assert.match(md, /Upgraded from version 1\.1\.0/);
  });

  it('lists variables with secrets masked, and never prints a secret value', () => {
    const md = renderReport({
      ...base,
      kind: 'installed',
      variables: [
        { name: 'APP_URL', type: 'text', value: 'https://crm' },
        { name: 'API_KEY', type: 'secret', value: 'sv-do-not-print' },
        { name: 'OLD', type: 'secret', note: 'kept: the secret already exists' },
        { name: 'TIER', type: 'enum' },
      ],
    });
    assert.match(md, /- `APP_URL` \(text\): `https:\/\/crm`/);
    assert.match(md, /- `API_KEY` \(secret\): ••••••/);
    assert.match(md, /- `OLD` \(secret\): kept: the secret already exists/);
    assert.match(md, /- `TIER` \(enum\): not sent/);
    assert.ok(!md.includes('sv-do-not-print'));
  });

  it('escapes Markdown in server text', () => {
    const md = renderReport({ ...base, kind: 'preview', apply: { ...apply, warnings: ['a | b *c*'] } });
    assert.match(md, /- a \\\| b \\\*c\\\*/);
  });
});
