/**
 * Against a server that echoes the key and every variable value in every encoding, nothing the CLI
 * prints — text or JSON, stdout or stderr, with --verbose — holds any form of them, and no
 * terminal escape sequence reaches the terminal.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leakedForms, startEchoServer, type EchoServer } from '../support/echo-server';
import { assertFreshBuild, runCli } from './run-cli';

const KEY = 'sk-Echo/Key+With&Odd=Chars-7f3a9c';
const SECRET = 'Tökén "with" /odd\\chars & spaces 9b1';
const TEXT = 'https://app.example/ä?x=1';
const PACKAGE = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: echo-demo
  version: "1.0.0"
spec:
  variables:
    - name: TOKEN
      type: secret
      required: true
    - name: APP_URL
      type: text
  connectors:
    - namespace: cli
      name: app
      baseUrl: "\${{ vars.APP_URL }}"
      auth:
        type: bearer
        secret: "\${{ vars.TOKEN }}"
      operations: []
`;

describe('sinas-package against an echoing server (built CLI)', function () {
  this.timeout(30000);
  let server: EchoServer;
  let dir = '';
  let file = '';
  before(async () => {
    assertFreshBuild();
    server = await startEchoServer();
    dir = mkdtempSync(join(tmpdir(), 'sinas-echo-'));
    file = join(dir, 'echo.yaml');
    writeFileSync(file, PACKAGE);
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (args: string[]) => runCli(args, { env: { SINAS_URL: server.url, SINAS_API_KEY: KEY, SINAS_VAR_TOKEN: SECRET } });

  for (const args of [
    ['preview', '--var', `APP_URL=${TEXT}`],
    ['preview', '--var', `APP_URL=${TEXT}`, '--format', 'json', '--verbose'],
    ['install', '--var', `APP_URL=${TEXT}`, '--yes', '--verbose'],
    ['install', '--var', `APP_URL=${TEXT}`, '--yes', '--format', 'json'],
  ]) {
    it(args.join(' '), async () => {
      const result = await run([args[0], file, ...args.slice(1)]);
      const everything = result.stdout + result.stderr;
      assert.ok([0, 3].includes(result.code ?? -1), everything);
      assert.match(everything, /\*\*\*/, 'the echoes are there, masked');
      assert.deepEqual(leakedForms(everything, [KEY, SECRET]), []);
      assert.doesNotMatch(everything, /\u001b/, 'no escape sequence reaches the terminal');
    });
  }
});
