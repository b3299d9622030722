/**
 * A server that misbehaves: oversized and endless bodies, bodies of the wrong shape, messages with
 * terminal escapes or megabytes of text, and echoes of the key or a secret value in every encoding.
 * The client must end each call with one clean, masked sentence or a clean, masked result.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { echoForms, REDACTED, SinasApiError, SinasClient, type SinasClientOptions } from '../../../api/src';
import { buildPackage, rejectsWith, serve, type TestServer } from './support';

const KEY = 'sk-live-Key/With+Odd&Chars-0123456789';
const SECRET = 'Pässwört "quoted" & /slashed\\ 42';
const DECLARATIONS = [{ name: 'TOKEN', type: 'secret' }];
const SOURCE = buildPackage({ name: 'echo', variables: [{ name: 'TOKEN', type: 'secret', required: true }] });

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

describe('SinasClient: a hostile server', function () {
  let server: TestServer;
  let handler: Handler;
  const clients: SinasClient[] = [];
  const client = (options: SinasClientOptions = {}) => {
    const made = new SinasClient({ name: 'hostile', url: server.url, apiKey: KEY }, { retry: { retries: 0 }, ...options });
    clients.push(made);
    return made;
  };
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));

  before(async () => {
    server = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => handler(req, res, body));
    });
  });
  afterEach(async () => Promise.all(clients.splice(0).map((c) => c.close())));
  after(async () => server.close());

  describe('bodies too large to read', () => {
    it('a declared oversized body is refused before it is read', async () => {
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) });
        res.write('[');
      };
      const error = await rejectsWith(client({ maxResponseBytes: 1024 * 1024 }).listPackages(), 'badResponse');
      assert.equal(error.message, `${server.host} sent an oversized response to GET /api/v1/packages (more than 1 MB); it was not read further.`);
    });

    it('an endless stream ends at the cap (the default: 32 MB), and the connection is closed', async () => {
      let written = 0;
      let closed: () => void = () => undefined;
      const gone = new Promise<void>((resolve) => (closed = resolve));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) written += chunk.length;
          written += chunk.length;
        };
        res.on('drain', pump);
        res.on('close', closed);
        pump();
      };
      const error = await rejectsWith(client().listPackages(), 'badResponse');
      assert.match(error.message, /sent an oversized response to GET \/api\/v1\/packages \(more than 32 MB\)/);
      await gone;
      assert.ok(written < 48 * 1024 * 1024, `the server wrote ${written} bytes`);
    });

    it('an oversized error body is the same error, not "cannot reach"', async () => {
      handler = reply(500, { detail: 'x'.repeat(2 * 1024 * 1024) });
      const error = await rejectsWith(client({ maxResponseBytes: 1024 * 1024 }).listPackages(), 'badResponse');
      assert.match(error.message, /sent an oversized response/);
    });
  });

  describe('bodies of the wrong shape are an "unexpected response"', () => {
    const cases: [string, unknown, (c: SinasClient) => Promise<unknown>, RegExp][] = [
      ['a null list', null, (c) => c.listPackages(), /the body is null, not a list/],
      ['a list of null', [null], (c) => c.listPackages(), /the body item 1 is null, not an object/],
      ['a list item without a name', [{ name: 'ok', version: '1' }, { version: '1' }], (c) => c.listPackages(), /item 2 name is missing/],
      ['a name that is a number', [{ name: 7, version: '1' }], (c) => c.listPackages(), /item 1 name is number 7, not text/],
      ['a null package', null, (c) => c.getPackage('p'), /the body is null, not an object/],
      ['values that are a list', { name: 'p', version: '1', values: [1] }, (c) => c.getPackage('p'), /values is a list, not an object/],
      ['a null preview', null, (c) => c.previewPackage(SOURCE), /the body is null/],
      ['errors that are not text', { success: true, errors: [null] }, (c) => c.previewPackage(SOURCE), /errors item 1 is null, not text/],
      ['changes of the wrong kind', { success: true, changes: [{ action: 'create' }] }, (c) => c.previewPackage(SOURCE), /changes item 1 resourceType is missing/],
      ['an install without its package', { apply: {} }, (c) => c.installPackage(SOURCE.replace(/variables:[\s\S]*?(?=\n\S|$)/, '')), /package is missing/],
      ['a create without yaml', { yaml: null }, (c) => c.createPackage({ name: 'x', resources: [] }), /yaml is null, not text/],
      ['a resource list with a null row', [null], (c) => c.listResources('agents'), /item 1 is null/],
      ['a webhook list without paths', [{ name: 'w' }], (c) => c.listResources('webhooks'), /item 1 path is missing/],
      ['a permission check of the wrong shape', { result: 'yes', checks: [] }, (c) => c.checkPermissions(['a']), /result is text, not true or false/],
      ['a config check without lists', { valid: true }, (c) => c.validateConfig('x'), /errors is missing/],
    ];
    for (const [what, body, call, problem] of cases) {
      it(what, async () => {
        handler = reply(200, body);
        const error = await rejectsWith(call(client()), 'badResponse');
        assert.match(error.message, /^127\.0\.0\.1:\d+ answered (GET|POST) \S+ with an unexpected response: /);
        assert.match(error.message, problem);
      });
    }
  });

  describe('server text is made safe to show', () => {
    const ESCAPES = '\u001b[31mred\u001b[0m \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 bell\u0007 nul\u0000 csi\u009b2J bidi\u202eevil\u202c\r\nnext';

    it('terminal escapes and control characters are removed from a detail, lines kept', async () => {
      handler = reply(400, { detail: ESCAPES });
      const error = await rejectsWith(client().previewPackage(SOURCE), 'badRequest');
      assert.equal(error.message, `${server.host} rejected the request (HTTP 400: red link bell nul csi bidievil\nnext).`);
      assert.doesNotMatch(error.message + error.detail, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    });

    it('and from apply errors, warnings and changes', async () => {
      handler = reply(200, { success: true, errors: [ESCAPES], warnings: [ESCAPES], changes: [{ action: 'create', resourceType: 'functions', resourceName: `ns/\u001b[2Jf`, details: null }], requires_input: false });
      const { apply } = await client().previewPackage(SOURCE);
      assert.deepEqual(apply.errors, ['red link bell nul csi bidievil\nnext']);
      assert.deepEqual(apply.warnings, ['red link bell nul csi bidievil\nnext']);
      assert.equal(apply.changes[0].resourceName, 'ns/f');
    });

    it('a 5 MB detail is cut to 2,000 characters with a note', async () => {
      handler = reply(500, { detail: `${'long '.repeat(1024 * 1024)}end` });
      const error = await rejectsWith(client().listPackages(), 'server');
      assert.ok(error.message.length < 2300, `${error.message.length} characters`);
      assert.match(error.message, /… \[5,240,883 more characters not shown\]\.$/);
    });

    it('a 1 MB warning is cut the same way', async () => {
      handler = reply(200, { success: true, warnings: ['w'.repeat(1024 * 1024)], requires_input: false });
      const { apply } = await client().previewPackage(SOURCE);
      assert.equal(apply.warnings[0], `${'w'.repeat(2000)}… [1,046,576 more characters not shown]`);
    });
  });

  describe('echoes of the key and of secret values are masked, in every form', () => {
    const forms = [...echoForms(SECRET), ...echoForms(KEY)];
    const cased = forms.flatMap((f) => [f, f.toUpperCase(), f.toLowerCase()]);
    const leaks = (text: string) => [SECRET, KEY, ...forms].filter((f) => text.toLowerCase().includes(f.toLowerCase()));
    /** The install gets `hostile`; the preview that probes for variables support a plain answer. */
    const onInstall = (hostile: Handler): Handler => (req, res, body) =>
      req.url?.endsWith('/install') ? hostile(req, res, body) : reply(200, { success: true, requires_input: false })(req, res, body);

    it('the forms differ from each other (so each is really tested)', () => {
      assert.ok(new Set(echoForms(SECRET)).size >= 5, echoForms(SECRET).join('\n'));
    });

    it('inside a 200: warnings, errors, changes, values', async () => {
      handler = onInstall(
        reply(200, {
          package: { name: 'echo', version: '1', values: { TOKEN: SECRET, OTHER: cased } },
          apply: { success: true, errors: cased.map((f) => `bad '${f}'`), warnings: [cased.join(' | ')], changes: [{ action: 'create', resourceType: 'secrets', resourceName: SECRET, details: KEY }] },
        }),
      );
      const result = await client().installPackage(SOURCE, { variables: { TOKEN: SECRET }, declarations: DECLARATIONS });
      const shown = JSON.stringify(result);
      assert.deepEqual(leaks(shown), [], shown);
      assert.equal(result.apply.errors[0], `bad '${REDACTED}'`);
      assert.equal(result.package.values?.TOKEN, REDACTED);
    });

    it('inside error answers: a detail string, validation items, a redirect', async () => {
      for (const [status, body, headers] of [
        [400, { detail: `Package validation failed: variables.TOKEN: Value '${SECRET}' does not match; spec.x: ${encodeURIComponent(KEY)}` }, {}],
        [422, { detail: cased.map((f) => ({ loc: ['body', f], msg: `bad ${f}`, type: 'value_error' })) }, {}],
        [403, { detail: `Not authorized to use ${JSON.stringify(SECRET)}` }, {}],
        [302, '', { location: `https://elsewhere.example/?key=${encodeURIComponent(KEY)}` }],
        [500, { detail: cased.join(' ') }, {}],
      ] as [number, unknown, Record<string, string>][]) {
        handler = onInstall(reply(status, body, headers));
        const error = await client().installPackage(SOURCE, { variables: { TOKEN: SECRET }, declarations: DECLARATIONS }).then(
          () => assert.fail('should fail'),
          (e: unknown) => e as SinasApiError,
        );
        assert.ok(error instanceof SinasApiError, String(error));
        const shown = [error.message, error.describe(), error.detail ?? '', JSON.stringify(error.items)].join('\n');
        assert.deepEqual(leaks(shown), [], `${status}: ${shown}`);
        assert.ok(shown.includes(REDACTED), `${status}: ${shown}`);
      }
    });

    it('a secret of exactly the minimum length is masked; a shorter one is not (it would garble text)', async () => {
      handler = reply(200, { success: true, warnings: ['values abcd and abc'], requires_input: false });
      const { apply } = await client().previewPackage(SOURCE, { variables: { A: 'abcd', B: 'abc' } });
      assert.deepEqual(apply.warnings, [`values ${REDACTED} and abc`]);
    });
  });

  describe('plain http is decided on the address connected to', () => {
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

    it('a connection to an address of this machine that is not loopback carries nothing, unless plain http was accepted', async () => {
      assert.ok(outside, 'this test needs a network interface with a non-loopback IPv4 address');
      const remote = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('[]'), outside);
      try {
        const refused = new SinasClient({ name: 'far', url: remote.url, apiKey: KEY }, { retry: { retries: 0 } });
        const error = await rejectsWith(refused.listPackages(), 'insecure');
        await refused.close();
        assert.equal(error.message, `${remote.host} connects to ${outside}, which is not this machine: the API key was not sent over plain http. Use https://, or allow plain http for this instance.`);
        assert.equal(remote.requests, 0);

        const accepted = new SinasClient({ name: 'far', url: remote.url, apiKey: KEY }, { plainHttp: 'allow' });
        assert.deepEqual(await accepted.listPackages(), []);
        await accepted.close();
        assert.equal(remote.requests, 1);

        const keyless = new SinasClient({ name: 'far', url: remote.url, apiKey: '' });
        assert.deepEqual(await keyless.listPackages(), [], 'without a key there is nothing to protect');
        await keyless.close();
      } finally {
        await remote.close();
      }
    });

    it('loopback connections carry the key', async () => {
      handler = reply(200, []);
      assert.deepEqual(await client().listPackages(), []);
    });
  });

  describe('URLs with credentials', () => {
    it('user:password@ is refused, and the password is never repeated', () => {
      for (const url of ['http://admin:hunter2-pass@sinas.example.com', 'https://token-only-9f8e7d@sinas.example.com/', 'ftp://user:hunter2-pass@sinas.example.com', 'sinas://x:hunter2-pass@host']) {
        const error = (() => {
          try {
            new SinasClient({ name: 'x', url, apiKey: KEY });
          } catch (e) {
            return e as SinasApiError;
          }
          return assert.fail(`${url} was accepted`);
        })();
        assert.ok(error instanceof SinasApiError);
        assert.doesNotMatch(error.message, /hunter2|9f8e7d|admin/, error.message);
        assert.match(error.message, /\*\*\*@/);
      }
    });
  });
});
