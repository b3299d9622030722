// The harness starts dist/sandbox.js (a local Sinas) when it exists and hands its URL to the
// extension host; this checks that plumbing. Skipped when no sandbox was started.
import * as assert from 'node:assert/strict';

describe('Local Sinas sandbox', () => {
  it('is reachable from the extension host', async function () {
    const url = process.env.SINAS_SANDBOX_URL;
    if (!url) this.skip();
    assert.equal(process.env.SINAS_URL, url, 'SINAS_URL should point at the sandbox');
    assert.ok(process.env.SINAS_API_KEY, 'SINAS_API_KEY is not set');
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    await response.body?.cancel();
    assert.ok(response.status < 500, `GET ${url} answered ${response.status}`);
  });
});
