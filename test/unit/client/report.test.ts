import assert from 'node:assert/strict';
import type { ConfigApplyResponse } from '../../../api/src';
import { readPackage } from '../../../client/src/packages/read-package';
import { locateApplyMessages } from '../../../client/src/preview/locate-messages';
import { buildReport, summaryLine, summaryRows, type ReportInput } from '../../../client/src/preview/report';
import { renderReportHtml } from '../../../client/src/preview/report-html';

const change = (action: 'create' | 'update' | 'unchanged', resourceType: string, resourceName: string) => ({ action, resourceType, resourceName, details: null, changes: null });
const apply: ConfigApplyResponse = {
  success: true,
  summary: { created: { functions: 1, agents: 1 }, updated: { functions: 1 }, unchanged: { skills: 1 }, deleted: {} },
  changes: [change('create', 'functions', 'support/a'), change('update', 'functions', 'support/b'), change('create', 'agents', 'support/bot'), change('unchanged', 'skills', 'support/tone')],
  errors: [],
  warnings: ["Skills 'x/y' exists but is managed by 'pkg:z'. Skipping."],
};
const base = { packageName: 'crm-support', version: '1.2.0', instanceName: 'staging', instanceUrl: 'https://sinas.example.com', apply };
const html = (input: ReportInput, linkTo = (s: { start: number; end: number }) => `command:reveal?${s.start}-${s.end}`) => renderReportHtml(buildReport(input), { nonce: 'n0nce', linkTo, asInstalled: { view: 'command:view', compare: 'command:compare' } });

const FILE = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: crm-support
spec:
  functions:
    - namespace: support
      name: a
      code: "def handler(i, c):\\n    return {}\\n"
    - namespace: "\${{ vars.NS }}"
      name: b
      code: "def handler(i, c):\\n    return {}\\n"
  variables:
    - name: NS
      type: text
`;

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
    const model = buildReport({ ...base, kind: 'preview', installed: null });
    assert.equal(model.title, 'Preview: crm-support 1.2.0 on staging');
    assert.ok(model.facts.includes('Not installed yet: this would be a first install.'));
    assert.deepEqual(model.outcome, { tone: 'ok', text: '✓ An install would apply cleanly: 2 to create, 1 to update, 1 unchanged.' });
    assert.deepEqual(model.summary.columns, ['Create', 'Update', 'Unchanged']);
    assert.deepEqual(model.warnings.map((w) => w.text), ["Skills 'x/y' exists but is managed by 'pkg:z'. Skipping."]);
    assert.deepEqual(model.errors, []);
    const page = html({ ...base, kind: 'preview', installed: null });
    assert.match(page, /<h1>Preview: crm-support 1\.2\.0 on staging<\/h1>/);
    assert.match(page, /<p class="outcome ok">✓ An install would apply cleanly/);
    assert.match(page, /<tr><td>functions<\/td><td class="n">1<\/td><td class="n">1<\/td><td class="n">0<\/td><\/tr>/);
    assert.match(page, /<h2 class="warning">Warnings \(1\)<\/h2>/);
    assert.doesNotMatch(page, /Errors/);
  });

  it('links each change, error and overwrite to its node in the file, identities with variables included', () => {
    const file = readPackage(FILE);
    const values = { NS: 'support' };
    const findings = locateApplyMessages(file, { apply, values, firstInstall: true, instanceName: 'staging' });
    const model = buildReport({ ...base, kind: 'preview', installed: null, file, values, findings });
    const spans = Object.fromEntries(model.changes.map((c) => [c.resourceName, c.span && FILE.slice(c.span.start, c.span.end)]));
    assert.deepEqual(spans, { 'support/a': 'a', 'support/b': 'b', 'support/bot': undefined, 'support/tone': undefined });
    assert.equal(model.overwrites.length, 1);
    assert.equal(FILE.slice(model.overwrites[0].span!.start, model.overwrites[0].span!.end), 'b');
    const page = html({ ...base, kind: 'preview', installed: null, file, values, findings }, (s) => `command:reveal?${encodeURIComponent(FILE.slice(s.start, s.end))}`);
    assert.match(page, /<span class="action update">update<\/span> <a href="command:reveal\?b" title="Show in the file">functions <code>support\/b<\/code><\/a> <span class="warning">— ⚠ overwrites an unmanaged resource<\/span>/);
    assert.match(page, /<span class="action create">create<\/span> agents <code>support\/bot<\/code><\/li>/, 'nothing to link: plain text');
    assert.match(page, /<td class="n">1 <span class="warning" title="overwrites unmanaged resources">⚠<\/span><\/td>/);
    assert.match(page, /<a href="command:view">View the package as it will be installed<\/a>/);
  });

  it('a preview with errors says the install would be partial; success:false says it would fail', () => {
    const partial = buildReport({ ...base, kind: 'preview', apply: { ...apply, errors: ["Database connection 'x' not found for query 'a/b'"] } });
    assert.equal(partial.outcome.tone, 'warning');
    assert.match(partial.outcome.text, /⚠ An install would be PARTIAL: 1 error/);
    assert.equal(partial.errorsNote, 'An install would record the package but leave these resources out.');
    assert.match(buildReport({ ...base, kind: 'preview', apply: { ...apply, success: false, errors: ['Fatal error: x'] } }).outcome.text, /✗ An install would fail/);
  });

  it('a partial install is never reported as success', () => {
    const model = buildReport({ ...base, kind: 'partial', installed: { version: '1.1.0', installed_at: '2026-01-02T10:00:00Z' }, apply: { ...apply, errors: ['e1', 'e2'] } });
    assert.equal(model.title, 'Partially installed: crm-support 1.2.0 on staging');
    assert.match(model.outcome.text, /⚠ Partial install: 2 errors/);
    assert.ok(model.facts.some((f) => /^Upgraded from version 1\.1\.0/.test(f)));
    assert.doesNotMatch(html({ ...base, kind: 'partial', apply: { ...apply, errors: ['e1'] } }), /✓/);
  });

  it('lists variables with secrets masked, and never prints a secret value', () => {
    const input: ReportInput = {
      ...base,
      kind: 'installed',
      variables: [
        { name: 'APP_URL', type: 'text', value: 'https://crm' },
        { name: 'API_KEY', type: 'secret', value: 'sv-do-not-print' },
        { name: 'OLD', type: 'secret', note: 'kept: the secret already exists' },
        { name: 'TIER', type: 'enum' },
      ],
    };
    assert.deepEqual(buildReport(input).variables.map((v) => `${v.name}=${v.display}`), ['APP_URL=https://crm', 'API_KEY=••••••', 'OLD=kept: the secret already exists', 'TIER=not sent']);
    const page = html(input);
    assert.match(page, /<tr><td><code>API_KEY<\/code><\/td><td>secret<\/td><td>••••••<\/td><\/tr>/);
    assert.ok(!page.includes('sv-do-not-print'));
  });

  it('is a page with a strict CSP: no script, no remote content, only its own nonce style; server text is escaped', () => {
    const hostile = '<script>alert(1)</script> <img src=https://evil.example/x.png> "quoted" & `code`';
    const page = html({ ...base, kind: 'preview', apply: { ...apply, warnings: [hostile], changes: [change('create', 'functions<b>', "x'><script>")] } });
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-n0nce'">/);
    const tags = page.match(/<[^>]+>/g) ?? [];
    assert.deepEqual(tags.filter((t) => /^<\/?(script|img|link|iframe|object|embed|base)\b|\bsrc=|https?:|url\(/i.test(t)), [], 'no tag loads anything');
    assert.doesNotMatch(page.slice(page.indexOf('<style'), page.indexOf('</style>')), /url\(|@import/, 'the style loads nothing');
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &lt;img src=https:\/\/evil\.example\/x\.png&gt; &quot;quoted&quot; &amp; <code>code<\/code>/);
    assert.match(page, /functions&lt;b&gt; <code>x&#39;&gt;&lt;script&gt;<\/code>/);
    assert.equal((page.match(/<style nonce="n0nce">/g) ?? []).length, 1);
  });
});
