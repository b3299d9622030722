/** The CLI's last line of defence: a bug of ours is one line without a stack trace, unless --verbose. */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import type { Io } from '../../../cli/src/io';
import { main } from '../../../cli/src/main';

/** An Io whose stdout breaks on the first write (as a bug would). */
function brokenStdout(env: Record<string, string> = {}) {
  let stderr = '';
  const io: Io = {
    stdin: new PassThrough(),
    stdout: new Writable({ write: () => { throw new TypeError("Cannot read properties of null (reading 'name')"); } }),
    stderr: new Writable({ write: (chunk, _enc, done) => ((stderr += String(chunk)), done()) }),
    env,
    interactive: false,
  };
  return { io, stderr: () => stderr };
}

describe('CLI: internal errors', () => {
  let server: Server;
  let url = '';
  before(async () => {
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('[]'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('one line, exit 1, no stack trace', async () => {
    const t = brokenStdout({ SINAS_URL: url, SINAS_API_KEY: 'k-123456' });
    assert.equal(await main(['list'], t.io), 1);
    assert.equal(t.stderr(), "error: internal error: TypeError: Cannot read properties of null (reading 'name') (please report it; --verbose shows where it happened)\n");
  });

  it('--verbose adds where it happened', async () => {
    const t = brokenStdout({ SINAS_URL: url, SINAS_API_KEY: 'k-123456' });
    assert.equal(await main(['list', '--verbose'], t.io), 1);
    const [request, first, ...rest] = t.stderr().split('\n');
    assert.match(request, /^GET \/api\/v1\/packages 200 \d+ ms$/);
    assert.equal(first, "error: internal error: TypeError: Cannot read properties of null (reading 'name')");
    assert.match(rest.join('\n'), /^\s+at /m);
  });
});
