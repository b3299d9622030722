/** Error kinds and sentences for every way the server can say no, over HTTP against the sandbox. */
import assert from 'node:assert/strict';
import { SinasClient } from '../../../api/src';
import { buildPackage, rejectsWith, useClientSandbox } from './support';

describe('SinasClient: server-side errors', function () {
  const h = useClientSandbox();
  const host = () => new URL(h.sandbox.url).host;

  it('401: a wrong key is "rejected by <host>"', async () => {
    const error = await rejectsWith(h.client({ apiKey: 'not-the-right-key-0123456789' }).listPackages(), 'auth');
    assert.equal(error.status, 401);
    assert.equal(error.message, `The API key was rejected by ${host()} (Invalid or expired credentials); check it or create a new one.`);
  });

  it('401: no key at all says so', async () => {
    const error = await rejectsWith(h.client({ apiKey: '' }).listPackages(), 'auth');
    assert.equal(error.message, `No API key was sent to ${host()}; set one for this connection.`);
  });

  it('403: a read-only key names the missing permission', async () => {
    const key = await h.createKey({ 'sinas.packages.read:own': true });
    const client = h.client({ apiKey: key });
    assert.deepEqual(await client.listPackages(), []);
    const error = await rejectsWith(client.installPackage(buildPackage({ name: 'nope', functions: [{ name: 'f' }] })), 'forbidden');
    assert.equal(error.status, 403);
    assert.equal(error.permission, 'sinas.packages.install:all');
    assert.equal(error.message, `${host()} refused to install packages: the API key lacks the permission sinas.packages.install:all.`);

    const uninstall = await rejectsWith(client.uninstallPackage('anything'), 'forbidden');
    assert.equal(uninstall.permission, 'sinas.packages.delete:all');
  });

  it('403: "Permission denied: <permission>" details are read as the permission', async () => {
    const key = await h.createKey({ 'sinas.packages.read:own': true });
    const error = await rejectsWith(h.client({ apiKey: key }).listResources('llm-providers'), 'forbidden');
    assert.equal(error.permission, 'sinas.llm_providers.read:all');
    assert.equal(error.message, `${host()} refused to list LLM providers: the API key lacks the permission sinas.llm_providers.read:all.`);
  });

  it('404: a missing package is named', async () => {
    const error = await rejectsWith(h.client().getPackage('never-installed'), 'notFound');
    assert.equal(error.message, `Package 'never-installed' not found on ${host()}.`);
    const uninstall = await rejectsWith(h.client().uninstallPackage('never-installed'), 'notFound');
    assert.equal(uninstall.message, `Package 'never-installed' is not installed on ${host()}.`);
  });

  it('400: validation errors are split into items with their paths', async () => {
    const source = buildPackage({
      name: 'broken-refs',
      extra: [
        '  agents:',
        '    - name: one',
        '      enabledFunctions: [nope/missing]',
        '    - name: two',
        '      enabledSkills: [nope/skill]',
        '  webhooks:',
        '    - path: hook',
        '      functionName: ghost',
      ].join('\n'),
    });
    const error = await rejectsWith(h.client().installPackage(source), 'validation');
    assert.equal(error.status, 400);
    assert.deepEqual(error.items, [
      { path: 'spec.agents[0].enabledFunctions', message: "Referenced function 'nope/missing' not defined" },
      { path: 'spec.agents[1].enabledSkills', message: "Referenced skill 'nope/skill' not defined" },
      { path: 'spec.webhooks[0].functionName', message: "Referenced function 'default/ghost' not defined" },
    ]);
    assert.equal(error.message, `${host()} rejected the package: 3 problems.`);
    assert.equal(
      error.describe(),
      [
        error.message,
        "  spec.agents[0].enabledFunctions: Referenced function 'nope/missing' not defined",
        "  spec.agents[1].enabledSkills: Referenced skill 'nope/skill' not defined",
        "  spec.webhooks[0].functionName: Referenced function 'default/ghost' not defined",
      ].join('\n'),
    );
  });

  it('400: a single problem is quoted in the sentence; a missing required variable has its path', async () => {
    const source = buildPackage({ name: 'needs-input', variables: [{ name: 'REGION', type: 'text', required: true }] });
    const error = await rejectsWith(h.client().installPackage(source, { variables: {} }), 'validation');
    assert.deepEqual(error.items, [{ path: 'variables.REGION', message: "Required variable 'REGION' is missing" }]);
    assert.equal(error.message, `${host()} rejected the package: variables.REGION: Required variable 'REGION' is missing.`);
  });

  it('400: other details are a badRequest (wrong kind)', async () => {
    const source = buildPackage({ name: 'x' }).replace('kind: SinasPackage', 'kind: SinasConfig').replace('package:', 'metadata:');
    const error = await rejectsWith(h.client().previewPackage(source), 'badRequest');
    assert.equal(error.detail, 'Expected kind: SinasPackage');
    assert.equal(error.message, `${host()} rejected the request (HTTP 400: Expected kind: SinasPackage).`);
  });

  it('422: pydantic items become path + message (the echoed input is dropped)', async () => {
    const client = h.client();
    const error = await rejectsWith(client.createPackage({ name: 'x' } as never), 'validation');
    assert.equal(error.status, 422);
    assert.deepEqual(error.items, [{ path: 'body.resources', message: 'Field required' }]);
    assert.equal(error.message, `${host()} rejected the request: body.resources: Field required.`);
  });

  it('500: the plain-text "Internal Server Error" is a server error', async () => {
    await h.fault({ method: 'GET', path: '/api/v1/packages', status: 500 });
    const error = await rejectsWith(h.client().listPackages(), 'server');
    assert.equal(error.status, 500);
    assert.equal(error.message, `${host()} failed with an internal error (HTTP 500) on GET /api/v1/packages.`);
  });

  it('500 on uninstall says nothing was removed', async () => {
    const client = h.client();
    await client.installPackage(buildPackage({ name: 'sticky', functions: [{ name: 's' }] }));
    await h.fault({ method: 'DELETE', path: '/api/v1/packages/sticky', status: 500, times: 1 });
    const error = await rejectsWith(client.uninstallPackage('sticky'), 'server');
    assert.match(error.message, /The uninstall was rolled back: nothing was removed\.$/);
    await client.uninstallPackage('sticky');
  });

  it('503 is "unavailable"', async () => {
    await h.fault({ method: 'POST', path: '/api/v1/packages/preview', status: 503 });
    const error = await rejectsWith(h.client().previewPackage(buildPackage({ name: 'x' })), 'server');
    assert.equal(error.message, `${host()} is unavailable (HTTP 503: Service Unavailable). Try again later.`);
  });

  it('malformed JSON in a 200 answer is a badResponse', async () => {
    await h.fault({ method: 'GET', path: '/api/v1/packages', malformed: true });
    const error = await rejectsWith(h.client().listPackages(), 'badResponse');
    assert.equal(error.message, `${host()} answered GET /api/v1/packages with a body that is not valid JSON (HTTP 200, application/json).`);
  });

  it('an unknown route is a notFound that points at the URL', async () => {
    // A base URL with a wrong path prefix: every endpoint is missing.
    const wrong = new SinasClient({
      name: 'wrong',
      url: `${h.sandbox.url}/console`,
      apiKey: h.sandbox.adminKey,
    });
    try {
      const error = await rejectsWith(wrong.listPackages(), 'notFound');
      assert.equal(error.message, `${host()} has no GET /console/api/v1/packages (404); check that the URL points at the Sinas API.`);
    } finally {
      await wrong.close();
    }
  });
});
