/**
 * Transport failures over real sockets: timeouts, resets, refused connections, retries (GET only),
 * cancellation, Retry-After, and TLS errors against local https servers with generated certs.
 */
import assert from 'node:assert/strict';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { SinasClient } from '../../../api/src';
import { generateCerts, type KeyPair, type TestCerts } from './certs';
import { buildPackage, rejectsWith, serve, useClientSandbox } from './support';

describe('SinasClient: transport', function () {
  const h = useClientSandbox();
  const host = () => new URL(h.sandbox.url).host;

  it('times out on injected latency, naming the limit', async () => {
    await h.fault({ method: 'GET', path: '/api/v1/packages', latencyMs: 2000, times: 1 });
    const started = Date.now();
    const error = await rejectsWith(h.client({ timeoutMs: 300 }).listPackages(), 'timeout');
    assert.ok(Date.now() - started < 1500, 'a timeout is not retried');
    assert.equal(error.message, `${host()} took longer than 0.3 s to answer (GET /api/v1/packages).`);
    assert.equal(error.retryable, true);
  });

  it('the deadline covers the whole body: one trickled slowly enough to dodge per-chunk timeouts still ends at it', async () => {
    let timer: NodeJS.Timeout | undefined;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    const client = new SinasClient({ name: 'trickle', url: server.url, apiKey: 'k' }, { timeoutMs: 400, retry: { retries: 0 } });
    try {
      const started = Date.now();
      const error = await rejectsWith(client.listPackages(), 'timeout');
      assert.ok(Date.now() - started < 2000, `ended after ${Date.now() - started} ms`);
      assert.equal(error.message, `${server.host} took longer than 0.4 s to send the whole response (GET /api/v1/packages).`);
    } finally {
      clearInterval(timer);
      await client.close();
      await server.close();
    }
  });

  it('a per-call timeout overrides the client default', async () => {
    await h.fault({ method: 'GET', path: '/health', latencyMs: 1000, times: 1 });
    await rejectsWith(h.client({ timeoutMs: 10_000 }).health({ timeoutMs: 200 }), 'timeout');
  });

  it('a reset connection on POST is reported and NOT retried', async () => {
    await h.fault({ method: 'POST', path: '/api/v1/packages/install', reset: true, times: 1 });
    const client = h.client();
    const error = await rejectsWith(client.installPackage(buildPackage({ name: 'once', functions: [{ name: 'f' }] })), 'unreachable');
    assert.match(error.message, new RegExp(`^(The connection to ${host()} was reset|${host()} closed the connection) before the response was complete\\.$`));
    assert.equal(h.logs.filter((e) => e.path === '/api/v1/packages/install').length, 1, h.lines.join('\n'));
    // Had the client retried, the one-shot fault would be used up and the install would have happened.
    await rejectsWith(client.getPackage('once'), 'notFound');
  });

  it('a 503 on POST is not retried either', async () => {
    await h.fault({ method: 'POST', path: '/api/v1/packages/preview', status: 503, times: 1 });
    const client = h.client();
    await rejectsWith(client.previewPackage(buildPackage({ name: 'p' })), 'server');
    assert.equal(h.logs.length, 1);
  });

  it('a GET is retried after resets and 502/503/504, then succeeds', async () => {
    await h.fault({ method: 'GET', path: '/api/v1/packages', reset: true, times: 1 });
    const client = h.client({ retry: { retries: 3 } });
    assert.deepEqual(await client.listPackages(), []);
    await h.fault({ method: 'GET', path: '/api/v1/packages', status: 502, times: 1 });
    await h.fault({ method: 'GET', path: '/api/v1/packages', status: 503, times: 1 });
    await h.fault({ method: 'GET', path: '/api/v1/packages', status: 504, times: 1 });
    assert.deepEqual(await client.listPackages(), []);
    assert.deepEqual(
      h.logs.map((e) => [e.attempt, e.status ?? e.errorKind]),
      [
        [1, 'unreachable'],
        [2, 200],
        [1, 502],
        [2, 503],
        [3, 504],
        [4, 200],
      ],
    );
    // Every rule was consumed: the server saw every attempt.
    assert.deepEqual((await h.call('GET', '/__sandbox/faults')).json, []);
  });

  it('retries are bounded', async () => {
    await h.fault({ method: 'GET', path: '/api/v1/packages', status: 503 });
    const error = await rejectsWith(h.client({ retry: { retries: 2 } }).listPackages(), 'server');
    assert.equal(error.status, 503);
    assert.equal(h.logs.length, 3);
  });

  it('a 500 on GET is not retried (not transient)', async () => {
    await h.fault({ method: 'GET', path: '/api/v1/packages', status: 500 });
    await rejectsWith(h.client().listPackages(), 'server');
    assert.equal(h.logs.length, 1);
  });

  it('an AbortSignal cancels a call in flight', async () => {
    await h.fault({ method: 'GET', path: '/api/v1/packages', latencyMs: 3000, times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await rejectsWith(h.client().listPackages({ signal: controller.signal }), 'cancelled');
    assert.ok(Date.now() - started < 1500);
    assert.equal(error.message, `The request to ${host()} was cancelled.`);
  });

  it('an already aborted signal sends nothing; an abort during backoff stops the retries', async () => {
    const client = h.client({ retry: { retries: 5, baseDelayMs: 400, maxDelayMs: 400 } });
    await rejectsWith(client.health({ signal: AbortSignal.abort() }), 'cancelled');
    assert.equal(h.logs.length, 0);

    await h.fault({ method: 'GET', path: '/health', status: 503 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    await rejectsWith(client.health({ signal: controller.signal }), 'cancelled');
    assert.equal(h.logs.length, 1);
  });

  it('connection refused on a closed port', async () => {
    const server = await serve(() => undefined);
    const closed = server.host;
    await server.close();
    const client = new SinasClient({ name: 'closed', url: `http://${closed}`, apiKey: 'k' }, { retry: { retries: 1, baseDelayMs: 1 } });
    try {
      const error = await rejectsWith(client.health(), 'unreachable');
      assert.equal(error.code, 'ECONNREFUSED');
      assert.equal(error.message, `Cannot connect to ${closed}: the connection was refused (is Sinas running on that port?).`);
    } finally {
      await client.close();
    }
  });

  it('an unresolvable host name', async () => {
    const client = new SinasClient({ name: 'dns', url: 'http://sinas.invalid', apiKey: 'k' }, { retry: { retries: 0 } });
    try {
      const error = await rejectsWith(client.health(), 'unreachable');
      assert.match(error.code ?? '', /^(ENOTFOUND|EAI_AGAIN)$/);
      assert.match(error.message, /host name sinas\.invalid/);
    } finally {
      await client.close();
    }
  });

  it('an HTML page (a console instead of the API) is a badResponse', async () => {
    const server = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html></html>'));
    const at = server.host;
    const client = new SinasClient({ name: 'console', url: `http://${at}`, apiKey: 'k' });
    try {
      const error = await rejectsWith(client.listPackages(), 'badResponse');
      assert.equal(error.message, `${at} answered GET /api/v1/packages with an HTML page instead of JSON; is the URL the Sinas API rather than the console?`);
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('429 on GET waits for Retry-After, then retries; too long a wait is not retried', async () => {
    let requests = 0;
    let retryAfter = '1';
    const server = await serve((_req, res) => {
      requests++;
      if (requests === 1) res.writeHead(429, { 'retry-after': retryAfter, 'content-type': 'application/json' }).end('{"detail":"Too many requests. Please try again later."}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    const at = server.host;
    const client = new SinasClient({ name: 'limited', url: `http://${at}`, apiKey: 'k' }, { retry: { maxRetryAfterMs: 5000 } });
    try {
      const started = Date.now();
      assert.deepEqual(await client.listPackages(), []);
      assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
      assert.equal(requests, 2);

      requests = 0;
      retryAfter = '60';
      const error = await rejectsWith(client.listPackages(), 'server');
      assert.equal(requests, 1);
      assert.equal(error.status, 429);
      assert.equal(error.retryAfterMs, 60_000);
      assert.equal(error.message, `${at} is limiting requests (429 Too Many Requests). Try again in 60 s.`);
    } finally {
      await client.close();
      await server.close();
    }
  });
});

describe('SinasClient: TLS', function () {
  let certs: TestCerts;
  before(function () {
    this.timeout(20000);
    certs = generateCerts();
  });
  after(() => certs?.dispose());

  /** An https server with `pair`, counting the requests that got through the handshake. */
  async function withHttps(pair: KeyPair, run: (url: string, requests: () => number) => Promise<void>): Promise<void> {
    let requests = 0;
    const server = createHttpsServer({ ...pair }, (_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"healthy"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await run(url, () => requests);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  async function tlsError(url: string, ca?: string) {
    const client = new SinasClient({ name: 'tls', url, apiKey: 'secret-key-never-sent-0123456789' }, { ca, retry: { retries: 0 } });
    try {
      return await rejectsWith(client.health(), 'tls');
    } finally {
      await client.close();
    }
  }

  it('a self-signed certificate', async () => {
    await withHttps(certs.selfSigned, async (url, requests) => {
      const error = await tlsError(url);
      assert.equal(error.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
      assert.equal(error.message, `The TLS certificate of ${new URL(url).host} is self-signed and not trusted (DEPTH_ZERO_SELF_SIGNED_CERT); the API key was not sent.`);
      assert.equal(requests(), 0);
    });
  });

  it('a certificate from an unknown authority', async () => {
    await withHttps(certs.valid, async (url) => {
      const error = await tlsError(url);
      assert.equal(error.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      assert.match(error.message, /is not signed by a trusted authority/);
    });
  });

  it('an expired certificate', async () => {
    await withHttps(certs.expired, async (url) => {
      const error = await tlsError(url, certs.ca);
      assert.equal(error.code, 'CERT_HAS_EXPIRED');
      assert.match(error.message, /has expired/);
    });
  });

  it('a certificate for another host name', async () => {
    await withHttps(certs.wrongHost, async (url) => {
      const error = await tlsError(url, certs.ca);
      assert.equal(error.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
      assert.match(error.message, /is for another host name/);
    });
  });

  it('plain http spoken to an https URL', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    try {
      const error = await tlsError(`https://${server.host}`);
      assert.match(error.message, /TLS handshake with .* failed/);
    } finally {
      await server.close();
    }
  });

  it('works once the CA is trusted (the `ca` option)', async () => {
    await withHttps(certs.valid, async (url, requests) => {
      const client = new SinasClient({ name: 'tls', url, apiKey: 'k' }, { ca: certs.ca });
      try {
        assert.deepEqual(await client.health(), { status: 'healthy' });
        assert.equal(requests(), 1);
      } finally {
        await client.close();
      }
    });
  });
});
