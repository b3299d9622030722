/** The API key and secret variable values never reach a log line or an error message. */
import assert from 'node:assert/strict';
import { MIN_SCRUB_LENGTH, REDACTED, redactBody, redactHeaders, redactVariables, scrub, scrubDeep, SinasApiError } from '../../../api/src';
import { buildPackage, rejectsWith, useClientSandbox } from './support';

const SECRET = 'sv-very-secret-value-9f3c1a';

describe('redaction helpers', () => {
  it('redacts credential headers, whatever their case', () => {
    assert.deepEqual(redactHeaders({ 'X-API-Key': 'k1', authorization: 'Bearer t', accept: 'application/json' }), {
      'X-API-Key': REDACTED,
      authorization: REDACTED,
      accept: 'application/json',
    });
  });

  it('redacts secret variables by declaration, and everything without declarations', () => {
    const variables = { URL: 'https://x', TOKEN: SECRET, UNDECLARED: 'u' };
    assert.deepEqual(redactVariables(variables, [{ name: 'URL', type: 'text' }, { name: 'TOKEN', type: 'secret' }]), {
      URL: 'https://x',
      TOKEN: REDACTED,
      UNDECLARED: REDACTED,
    });
    assert.deepEqual(redactVariables(variables), { URL: REDACTED, TOKEN: REDACTED, UNDECLARED: REDACTED });
  });

  it('reduces a package source to its length in a logged body', () => {
    assert.deepEqual(redactBody({ source: 'secrets:\n  - value: x', variables: { A: 1 } }, [{ name: 'A', type: 'text' }]), {
      source: '<21 characters>',
      variables: { A: 1 },
    });
  });

  it('reduces a config body (/config/validate, which may hold secrets[].value) to its length too', () => {
    const config = `secrets:\n  - name: s\n    value: ${SECRET}\n`;
    assert.deepEqual(redactBody({ config }), { config: `<${config.length} characters>` });
    assert.ok(!JSON.stringify(redactBody({ config: SECRET })).includes(SECRET));
  });

  it('scrubs known values from free text, but not uselessly short ones', () => {
    assert.equal(scrub(`value '${SECRET}' rejected`, [SECRET]), `value '${REDACTED}' rejected`);
    assert.equal(scrub('check the key', ['k']), 'check the key');
  });

  it('the minimum scrub length is 4, exactly: 4 characters are masked, 3 are not', () => {
    assert.equal(MIN_SCRUB_LENGTH, 4);
    assert.equal(scrub('pin 1234 and 123', ['1234', '123']), `pin ${REDACTED} and 123`);
    assert.equal(scrub('wxyz', ['wxyz']), REDACTED);
  });

  it('scrubs every echo form, whatever the case, in strings and keys of a decoded body', () => {
    const value = 'Ab/cd "e" ü';
    const forms = ['Ab/cd "e" ü', 'AB/CD "E" Ü', 'Ab/cd \\"e\\" ü', 'Ab/cd \\"e\\" \\u00fc', 'Ab%2Fcd%20%22e%22%20%C3%BC', 'ab%2fcd+%22e%22+%c3%bc', 'Ab/cd%20%22e%22%20%C3%BC'];
    for (const form of forms) assert.equal(scrub(`<${form}>`, [value]), `<${REDACTED}>`, form);
    assert.deepEqual(scrubDeep({ [value]: [forms[1], { x: forms[4] }], n: 1 }, [value]), { [REDACTED]: [REDACTED, { x: REDACTED }], n: 1 });
  });
});

describe('SinasClient: nothing secret in logs or errors', function () {
  const h = useClientSandbox();

  it('the API key appears in no log line, even on auth failure', async () => {
    const wrongKey = 'wrong-key-abcdefghijklmnopqrstuvwxyz0123';
    const error = await rejectsWith(h.client({ apiKey: wrongKey }).listPackages(), 'auth');
    await h.client().listPackages();
    const everything = JSON.stringify(h.logs) + h.lines.join('\n') + error.message + error.describe();
    assert.ok(!everything.includes(wrongKey));
    assert.ok(!everything.includes(h.sandbox.adminKey));
    assert.equal(h.logs[0].requestHeaders['x-api-key'], REDACTED);
  });

  it('a secret variable value appears in no log line (install with declarations)', async () => {
    const source = buildPackage({
      name: 'logged-secret',
      variables: [{ name: 'TOKEN', type: 'secret', required: true }, { name: 'REGION', type: 'text' }],
      extra: '  connectors:\n    - name: c\n      baseUrl: https://x.example\n      auth:\n        type: bearer\n        secret: "${{ vars.TOKEN }}"\n      operations: []\n',
    });
    const declarations = [
      { name: 'TOKEN', type: 'secret' },
      { name: 'REGION', type: 'text' },
    ];
    const client = h.client();
    await client.previewPackage(source, { variables: { TOKEN: SECRET, REGION: 'eu' }, declarations });
    await client.installPackage(source, { variables: { TOKEN: SECRET, REGION: 'eu' }, declarations });
    const logged = JSON.stringify(h.logs);
    assert.ok(!logged.includes(SECRET), logged);
    const install = h.logs.find((e) => e.path === '/api/v1/packages/install');
    assert.deepEqual(install?.requestBody, { source: `<${source.length} characters>`, variables: { TOKEN: REDACTED, REGION: 'eu' } });
    await client.uninstallPackage('logged-secret');
  });

  it('a value the server echoes in an error is masked when the caller marks it secret', async () => {
    const source = buildPackage({
      name: 'echo',
      variables: [{ name: 'PIN', type: 'text', pattern: '^[0-9]+$', required: true }],
    });
    const error = await rejectsWith(
      h.client().installPackage(source, { variables: { PIN: SECRET }, declarations: [{ name: 'PIN', type: 'secret' }] }),
      'validation',
    );
    assert.ok(error instanceof SinasApiError);
    const text = error.describe() + (error.detail ?? '');
    assert.ok(!text.includes(SECRET), text);
    assert.match(text, /Value '\*\*\*' does not contain a match/);
  });
});
