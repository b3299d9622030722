/**
 * The sandbox checks a text variable's `pattern` with the core's one reading (Python syntax, the
 * value must contain a match, linear time): the shipped example's own value installs, anchors
 * are the pattern's own, and the classic catastrophic-backtracking families answer at once while
 * `/health` keeps answering.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { REDOS } from '../support/redos';
import { pkg, useSandbox } from './helpers';

const withPattern = (pattern: string) =>
  pkg(
    'pattern-demo',
    `  variables:
    - name: VALUE
      type: text
      pattern: ${JSON.stringify(pattern)}
      required: true
  agents:
    - namespace: demo
      name: helper
      systemPrompt: "Value \${{ vars.VALUE }}"
`,
  );


describe('sandbox: variable patterns (the core reading)', () => {
  const api = useSandbox({ seedDir: 'test/sandbox/seed' });
  const install = (pattern: string, value: string) =>
    api.call('POST', '/api/v1/packages/install', { body: { source: withPattern(pattern), variables: { VALUE: value } } });

  it("installs the shipped crm-support example with its own `example` value for CRM_URL (^https?://)", async () => {
    const source = readFileSync('examples/crm-support.sinas.yaml', 'utf8');
    const res = await api.call('POST', '/api/v1/packages/preview', {
      body: { source, variables: { CRM_URL: 'https://crm.example.com/api', CRM_API_KEY: 'k' } },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.apply?.errors?.length ?? 0, 0, res.text);
  });

  it('the value must contain a match; anchors are the pattern\'s own', async () => {
    assert.equal((await install('[0-9]', 'release-7')).status, 200);
    const res = await install('^[0-9]+$', 'release-7');
    assert.equal(res.status, 400);
    assert.equal(res.json.detail, "Package validation failed: variables.VALUE: Value 'release-7' does not contain a match for the pattern '^[0-9]+$'");
  });

  it('a pattern Python rejects is a 400 that says so', async () => {
    const res = await install('*.example.com', 'a.example.com');
    assert.equal(res.status, 400);
    assert.match(res.json.detail, /The pattern '\*\.example\.com' is not a valid regular expression: nothing to repeat at position 0/);
  });

  for (const [family, pattern, value] of REDOS) {
    it(`${family} (${pattern}): answered at once, /health stays responsive`, async () => {
      const [res, health] = await Promise.all([install(pattern, value), api.call('GET', '/health', { key: null })]);
      assert.equal(health.status, 200);
      assert.equal(res.status, 400, res.text);
      assert.match(res.json.detail, /does not contain a match/);
    });
  }

  it('a backreference cannot be checked in linear time: the value is accepted, never a false error', async () => {
    const [res, health] = await Promise.all([install('^(a+)\\1$', `${'a'.repeat(5000)}!`), api.call('GET', '/health', { key: null })]);
    assert.equal(health.status, 200);
    assert.equal(res.status, 200, res.text);
  });
});
