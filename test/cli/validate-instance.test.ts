/**
 * `sinas-package validate --instance` (built CLI) against the seeded sandbox: the editor's
 * verdicts (the same snapshot builder and core), unchanged results without the flag, and the
 * configuration errors of the flag.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInstanceSnapshot, SinasClient } from '../../api/src';
import { analyze } from '../../server/src/core/analyze';
import { declaredResources } from '../../server/src/core/instance/declared-resources';
import { InstanceIndex } from '../../server/src/core/instance/instance-index';
import { startSandbox, type RunningSandbox } from '../sandbox/sandbox';
import { assertFreshBuild, runCli } from './run-cli';

const PACKAGE = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: cli-instance
  version: "1.0.0"
spec:
  functions:
    - namespace: support
      name: lookup_customer
      code: |
        def handler(input_data, context):
            return {}
  agents:
    - namespace: cli
      name: helper
      llmProviderName: retired-provider
      enabledFunctions:
        - support/lookup_customer
        - default/daily_digest
        - support/nobody
      enabledSkills:
        - skill: support/tone-guide
`;

interface JsonReport {
  files: { findings: { line: number; code: string; severity: string }[] }[];
}

const verdicts = (report: JsonReport) => report.files[0].findings.map((f) => `${f.line} ${f.severity} ${f.code}`);

describe('sinas-package validate --instance (built CLI)', function () {
  this.timeout(30000);
  let sandbox: RunningSandbox;
  let dir: string;
  let file: string;
  const env = () => ({ SINAS_URL: sandbox.url, SINAS_API_KEY: sandbox.adminKey });

  before(async () => {
    assertFreshBuild();
    sandbox = await startSandbox({ port: 0, seedDir: 'test/sandbox/seed' });
    dir = mkdtempSync(join(tmpdir(), 'sinas-cli-instance-'));
    file = join(dir, 'package.yaml');
    writeFileSync(file, PACKAGE);
  });
  after(async () => {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('without --instance, hedges as always and needs no instance (exit 0: warnings only)', async () => {
    const result = await runCli(['validate', '--format', 'json', file]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(verdicts(JSON.parse(result.stdout)), [
      '16 warning llm-provider-ignored',
      '19 warning unresolved-reference',
      '20 warning unresolved-reference',
      '22 warning unresolved-reference',
    ]);
  });

  it('with --instance, reports what the instance settles (exit 1: an error)', async () => {
    const result = await runCli(['validate', '--instance', '--format', 'json', file], { env: env() });
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(verdicts(JSON.parse(result.stdout)), [
      '9 info exists-unmanaged',
      '16 warning llm-provider-ignored',
      '16 warning inactive-on-instance',
      '20 error missing-on-instance',
    ]);
    assert.match(result.stderr, new RegExp(`^Checked against ${new URL(sandbox.url).host}: \\d+ resources\\n`));
    const text = await runCli(['validate', '--instance', file], { env: env() });
    assert.match(text.stdout, /:20:11 error missing-on-instance Function `support\/nobody` is neither in this package nor on 127\.0\.0\.1:\d+: Sinas rejects the install/);
  });

  it('gives exactly the verdicts of the core with the same snapshot (what the editor shows)', async () => {
    const client = new SinasClient({ name: 'test', url: sandbox.url, apiKey: sandbox.adminKey });
    const snapshot = await buildInstanceSnapshot(client, { instance: client.host, resourcesOf: declaredResources });
    await client.close();
    const analysis = analyze(PACKAGE, { instance: new InstanceIndex(snapshot) });
    const expected = analysis.findings.map((f) => `${analysis.lines.positionAt(f.span.start).line + 1} ${f.severity} ${f.code}`);
    const result = await runCli(['validate', '--instance', '--format', 'json', file], { env: env() });
    assert.deepEqual(verdicts(JSON.parse(result.stdout)), expected);
  });

  it('gives the same verdicts on worker threads (--jobs 2: the snapshot is read once and handed to each)', async () => {
    const second = join(dir, 'second.yaml');
    writeFileSync(second, PACKAGE);
    const args = ['validate', '--instance', '--format', 'json', file, second];
    const one = await runCli([...args, '--jobs', '1'], { env: env() });
    assert.equal(one.code, 1, one.stderr);
    assert.ok(one.stdout.includes('missing-on-instance'));
    assert.deepEqual(await runCli([...args, '--jobs', '2'], { env: env() }), one);
  });

  it('is a usage error without SINAS_URL, or with connection flags but no --instance; an unreachable instance fails', async () => {
    const noUrl = await runCli(['validate', '--instance', file]);
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /no Sinas URL/);
    const stray = await runCli(['validate', '--url', sandbox.url, file]);
    assert.equal(stray.code, 2);
    assert.match(stray.stderr, /need --instance/);
    const dead = await runCli(['validate', '--instance', '--timeout', '2', file], { env: { SINAS_URL: 'http://127.0.0.1:9', SINAS_API_KEY: 'k' } });
    assert.equal(dead.code, 1);
    assert.match(dead.stderr, /^error: .*127\.0\.0\.1:9/m);
    assert.equal(dead.stdout, '');
  });
});
