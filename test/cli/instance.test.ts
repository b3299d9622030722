/**
 * The instance commands of the built CLI against an in-process sandbox over HTTP: the install →
 * list → get → export → uninstall round trip, partial installs, confirmations, configuration
 * errors, and secrets that never reach the output.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalise, useInstance } from './instance';
import { runCli } from './run-cli';

const SECRET = 'cli-secret-value-5d2e7b91';

const PACKAGE = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: cli-demo
  version: "1.2.0"
  description: Round trip through the CLI
spec:
  variables:
    - name: APP_URL
      type: text
      required: true
    - name: TOKEN
      type: secret
      required: true
    - name: VERBOSE
      type: boolean
      default: false
  connectors:
    - namespace: cli
      name: app
      baseUrl: "\${{ vars.APP_URL }}"
      auth:
        type: bearer
        secret: "\${{ vars.TOKEN }}"
      operations: []
  functions:
    - namespace: cli
      name: hello
      code: |
        def handler(input_data, context):
            return {"verbose": "\${{ vars.VERBOSE }}"}
`;

const PARTIAL = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: cli-partial
  version: "1.0.0"
spec:
  functions:
    - name: on_row
      code: |
        def handler(input_data, context):
            return {}
  databaseTriggers:
    - name: rows
      connectionName: no-such-connection
      tableName: t
      functionName: default/on_row
      pollColumn: id
`;

describe('sinas-package against an instance (built CLI)', function () {
  // The round trip starts the CLI nine times; on a busy 2-core machine each start takes seconds.
  this.timeout(60000);
  const t = useInstance();

  it('install → list → get → export → uninstall round trip', async () => {
    const file = t.file('demo.yaml', PACKAGE);
    const install = await t.run(['install', file, '--var', 'APP_URL=https://app.example', '--yes'], { env: { SINAS_VAR_TOKEN: SECRET } });
    assert.equal(install.code, 0, install.stderr);
    assert.equal(
      normalise(install.stdout, t.sandbox),
      [
        'Preview of cli-demo on <host>:',
        '  create  secrets  TOKEN',
        '  create  connectors  cli/app',
        '  create  functions  cli/hello',
        '3 to create, 0 to update, 0 unchanged.',
        'Installed cli-demo 1.2.0 on <host>: 3 created, 0 updated, 0 unchanged.',
        '',
      ].join('\n'),
    );
    assert.equal(install.stderr, '');

    const list = await t.run(['list']);
    assert.equal(list.code, 0);
    assert.equal(normalise(list.stdout, t.sandbox), 'NAME  VERSION  INSTALLED  DESCRIPTION\ncli-demo  1.2.0  <time>  Round trip through the CLI\n');

    const get = await t.run(['get', 'cli-demo']);
    assert.equal(get.code, 0);
    assert.equal(
      normalise(get.stdout, t.sandbox),
      [
        'name:  cli-demo',
        'version:  1.2.0',
        'description:  Round trip through the CLI',
        'installed at:  <time>',
        'installed by:  <uuid>',
        'variables:',
        '  APP_URL = https://app.example',
        '  TOKEN = ***',
        '  VERBOSE = false',
        '',
      ].join('\n'),
    );

    const json = await t.run(['get', 'cli-demo', '--format', 'json']);
    assert.equal(JSON.parse(json.stdout).values.TOKEN, '***');

    const exported = await t.run(['export', 'cli-demo']);
    assert.deepEqual(exported, { code: 0, stdout: PACKAGE, stderr: '' });
    const out = join(t.dir, 'exported.yaml');
    const toFile = await t.run(['export', 'cli-demo', '-o', out]);
    assert.deepEqual(toFile, { code: 0, stdout: '', stderr: `Wrote ${out}.\n` });
    assert.equal(readFileSync(out, 'utf8'), PACKAGE);

    const uninstall = await t.run(['uninstall', 'cli-demo', '--yes']);
    assert.deepEqual(normalise(uninstall.stdout, t.sandbox), 'Uninstalled cli-demo from <host>.\n');
    assert.equal(uninstall.code, 0);
    assert.deepEqual(await t.run(['list']), { code: 0, stdout: 'No packages installed.\n', stderr: '' });
  });

  it('a secret variable value never appears in the output, even with --verbose', async () => {
    const file = t.file('secret.yaml', PACKAGE.replace('cli-demo', 'cli-secret'));
    const result = await t.run(['install', file, '--var', 'APP_URL=https://app.example', '--yes', '--verbose', '--format', 'json'], { env: { SINAS_VAR_TOKEN: SECRET } });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!result.stdout.includes(SECRET) && !result.stderr.includes(SECRET));
    assert.ok(!result.stderr.includes(t.sandbox.adminKey));
    assert.match(result.stderr, /^POST \/api\/v1\/packages\/install 200 \d+ ms$/m);
    assert.equal(JSON.parse(result.stdout).outcome, 'installed');
    await t.run(['uninstall', 'cli-secret', '--yes']);
  });

  it('a secret variable is refused in --var (it would show in the process list), before anything is sent', async () => {
    const file = t.file('argv-secret.yaml', PACKAGE.replace('cli-demo', 'cli-argv'));
    const result = await t.run(['install', file, '--var', 'APP_URL=https://app.example', '--var', `TOKEN=${SECRET}`, '--yes', '--verbose']);
    assert.deepEqual(result, {
      code: 2,
      stdout: '',
      stderr: 'error: --var TOKEN: TOKEN is a secret, and arguments show in the process list; set SINAS_VAR_TOKEN in the environment or let the prompt ask for it\n',
    });
    assert.equal((await t.run(['list'])).stdout, 'No packages installed.\n');
  });

  it('a partial install exits 3 and lists the errors', async () => {
    const result = await t.run(['install', t.file('partial.yaml', PARTIAL), '--yes']);
    assert.equal(result.code, 3);
    assert.match(normalise(result.stdout, t.sandbox), /^Partly installed cli-partial 1\.0\.0 on <host>: 1 created, 0 updated, 0 unchanged\.$/m);
    assert.match(result.stderr, /^error: 1 resource was not installed \(the package is recorded as installed\):\n {2}- Database trigger 'rows': connection 'no-such-connection' not found$/m);
    assert.equal((await t.run(['preview', t.file('partial.yaml', PARTIAL)])).code, 3);
    await t.run(['uninstall', 'cli-partial', '--yes']);
  });

  it('without a terminal, install and uninstall need --yes (nothing is sent)', async () => {
    const install = await t.run(['install', t.file('demo.yaml', PACKAGE), '--var', 'APP_URL=x']);
    assert.deepEqual(install, { code: 2, stdout: '', stderr: 'error: install needs confirmation: pass --yes (there is no terminal to ask on)\n' });
    const uninstall = await t.run(['uninstall', 'anything']);
    assert.deepEqual(uninstall, { code: 2, stdout: '', stderr: 'error: uninstall needs confirmation: pass --yes (there is no terminal to ask on)\n' });
  });

  it('a missing required variable is named before installing', async () => {
    const result = await t.run(['install', t.file('demo.yaml', PACKAGE), '--yes']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^error: missing values for required variables: APP_URL, TOKEN; pass --var NAME=value or set SINAS_VAR_NAME$/m);
    assert.equal((await t.run(['list'])).stdout, 'No packages installed.\n');
  });

  it('an undeclared --var is a usage error', async () => {
    const result = await t.run(['preview', t.file('demo.yaml', PACKAGE), '--var', 'NOPE=1']);
    assert.deepEqual(result, { code: 2, stdout: '', stderr: 'error: --var NOPE: the package declares no variable NOPE (declared: APP_URL, TOKEN, VERBOSE)\n' });
  });

  it('missing configuration is one line and exit 2', async () => {
    assert.deepEqual(await runCli(['list']), { code: 2, stdout: '', stderr: 'error: no Sinas URL: set SINAS_URL or pass --url\n' });
    assert.deepEqual(await runCli(['list'], { env: { SINAS_URL: t.sandbox.url } }), {
      code: 2,
      stdout: '',
      stderr: 'error: no API key: set SINAS_API_KEY or pipe it to --api-key-stdin\n',
    });
    assert.deepEqual(await t.run(['list', '--api-key', 'abc']), {
      code: 2,
      stdout: '',
      stderr: 'error: the API key is never taken as an argument (it would show in the process list and shell history); set SINAS_API_KEY or use --api-key-stdin\n',
    });
    const insecure = await t.run(['list', '--url', 'http://sinas.example.com']);
    assert.equal(insecure.code, 2);
    assert.equal(
      insecure.stderr,
      'error: sinas.example.com is reached over plain http: the API key would travel unencrypted. Use https:// unless this network is trusted. Pass --allow-http to send it anyway\n',
    );
  });

  it('the key can come from stdin', async () => {
    const result = await runCli(['list', '--api-key-stdin'], { env: { SINAS_URL: t.sandbox.url }, input: `${t.sandbox.adminKey}\n` });
    assert.deepEqual(result, { code: 0, stdout: 'No packages installed.\n', stderr: '' });
  });

  it('API errors exit 1 with the client sentence', async () => {
    const wrong = await t.run(['list'], { env: { SINAS_API_KEY: 'wrong-key-0123456789abcdef' } });
    assert.equal(wrong.code, 1);
    assert.equal(normalise(wrong.stderr, t.sandbox), 'error: the API key was rejected by <host> (Invalid or expired credentials); check it or create a new one\n');
    const missing = await t.run(['get', 'nope']);
    assert.deepEqual(normalise(missing.stderr, t.sandbox), "error: package 'nope' not found on <host>\n");
    assert.equal(missing.code, 1);
    const invalidPackage = PARTIAL.replace(/ {2}databaseTriggers:[\s\S]*$/, '  agents:\n    - name: a\n      enabledFunctions: [x/y]\n');
    const invalid = await t.run(['install', t.file('invalid.yaml', invalidPackage), '--yes']);
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /rejected the package: spec\.agents\[0\]\.enabledFunctions: Referenced function 'x\/y' not defined$/m);
  });

  it('create prints the YAML (code as literal blocks), exits 3 naming skipped resources, and names webhooks that cannot install back', async () => {
    const result = await t.run(['create', '--name', 'from-cli', '--version', '0.1.0', '--resource', 'agent:support/ticket-bot', '--resource', 'webhook:support/new-ticket', '--resource', 'function:support/lookup_customer', '--resource', 'function:support/nope']);
    assert.equal(result.code, 3);
    assert.match(result.stdout, /^apiVersion: sinas\.co\/v1\nkind: SinasPackage\npackage:\n {2}name: from-cli\n/);
    assert.match(result.stdout, /ticket-bot/);
    assert.match(result.stdout, /\n {4}code: \|\n {6}def handler\(input_data, context\):\n {10}return /, 'code as a literal block');
    assert.equal(
      normalise(result.stderr, t.sandbox),
      'warning: <host> left out function support/nope (not found)\n' +
        'warning: webhook `support/new-ticket` calls `support/lookup_customer`, which Sinas exports but does not install: ' +
        'No spelling reaches `support/lookup_customer` where it is: webhooks can only call functions in namespace `default`. Move it to namespace `default` in this file and write `lookup_customer`.\n',
    );
    const bad = await t.run(['create', '--name', 'x', '--resource', 'gadget:a/b']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown type "gadget"/);
  });
});

describe('sinas-package against an instance without variables (built CLI)', function () {
  this.timeout(30000);
  const t = useInstance(false);

  it('refuses to install ${{ }} placeholders literally (exit 1, nothing installed)', async () => {
    const result = await t.run(['install', t.file('demo.yaml', PACKAGE), '--var', 'APP_URL=https://a', '--yes'], { env: { SINAS_VAR_TOKEN: 'abcdef' } });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /predates install-time variables/);
    assert.equal((await t.run(['list'])).stdout, 'No packages installed.\n');
  });
});
