import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPackage } from '../../../client/src/packages/read-package';
import { answerValue, checkAnswer, planVariables, promptHint } from '../../../client/src/prompts/plan-variables';
import { CRM } from './support/packages';

const declarations = readPackage(CRM).declarations;

describe('variable prompt planning', () => {
  it('asks one prompt per declaration, in order, typed, with defaults pre-filled', () => {
    const plan = planVariables(declarations);
    assert.deepEqual(plan.prompts.map((p) => [p.name, p.kind, p.required, p.initial]), [
      ['APP_URL', 'text', true, undefined],
      ['PRIMARY_LLM', 'resource_ref', true, undefined],
      ['TIER', 'enum', false, 'silver'],
      ['VERBOSE', 'boolean', false, 'false'],
      ['API_KEY', 'secret', true, undefined],
    ]);
    const llm = plan.prompts[1];
    assert.equal(llm.resource, 'llm_providers');
    assert.equal(llm.listKind, 'llm-providers');
    assert.deepEqual(plan.prompts[2].choices, ['gold', 'silver']);
    assert.deepEqual(plan.prompts[3].choices, ['true', 'false']);
    assert.equal(plan.prompts[0].pattern, 'https?://.+');
  });

  it('on an upgrade pre-fills the stored values and does not ask again for a stored secret', () => {
    const plan = planVariables(declarations, { stored: { APP_URL: 'https://crm.example.com', PRIMARY_LLM: 'claude', VERBOSE: true, API_KEY: '***' } });
    assert.deepEqual(plan.keptSecrets, ['API_KEY']);
    assert.ok(!plan.prompts.some((p) => p.name === 'API_KEY'));
    const byName = Object.fromEntries(plan.prompts.map((p) => [p.name, p]));
    assert.equal(byName.APP_URL.initial, 'https://crm.example.com');
    assert.equal(byName.APP_URL.initialFrom, 'stored');
    assert.equal(byName.VERBOSE.initial, 'true');
    assert.equal(byName.TIER.initialFrom, 'default');
    assert.match(promptHint(byName.APP_URL), /last install/);
  });

  it('asks for a secret whose stored value is not "***" and never pre-fills it', () => {
    const plan = planVariables(declarations, { stored: { API_KEY: 'leaked?' } });
    const secret = plan.prompts.find((p) => p.name === 'API_KEY')!;
    assert.equal(secret.initial, undefined);
    assert.deepEqual(plan.keptSecrets, []);
  });

  it('takes values given by the caller without prompting', () => {
    const plan = planVariables(declarations, { given: { APP_URL: 'http://x', API_KEY: 's3cret' } });
    assert.deepEqual(plan.given, { APP_URL: 'http://x', API_KEY: 's3cret' });
    assert.deepEqual(plan.prompts.map((p) => p.name), ['PRIMARY_LLM', 'TIER', 'VERBOSE']);
  });

  it('keeps the first of two declarations with one name, and asks an unknown type as text', () => {
    const text = CRM.replace('  functions:', '    - name: APP_URL\n      type: number\n    - name: ODD\n      type: colour\n  functions:');
    const plan = planVariables(readPackage(text).declarations);
    assert.equal(plan.prompts.filter((p) => p.name === 'APP_URL').length, 1);
    const odd = plan.prompts.find((p) => p.name === 'ODD')!;
    assert.equal(odd.kind, 'text');
    assert.equal(odd.unknownType, 'colour');
  });

  it('validates answers while typing: required, pattern (the value contains a match), choices', () => {
    const [url, , tier, verbose] = planVariables(declarations).prompts;
    assert.match(checkAnswer(url, '') ?? '', /required/);
    assert.match(checkAnswer(url, 'ftp://x') ?? '', /must contain a match for the pattern https\?:\/\/\.\+/);
    assert.equal(checkAnswer(url, 'xhttp://x'), undefined, 'an unanchored pattern is searched, as Python re.search');
    assert.match(checkAnswer({ ...url, pattern: '^https?://.+$' }, 'xhttp://x') ?? '', /pattern/, 'anchors are the pattern\'s own');
    assert.equal(checkAnswer(url, 'https://crm.example.com'), undefined);
    assert.equal(checkAnswer(tier, ''), undefined, 'optional');
    assert.match(checkAnswer(tier, 'bronze') ?? '', /one of/);
    assert.equal(checkAnswer(verbose, 'true'), undefined);
  });

  it("accepts the shipped example's own `example` value (crm-support: ^https?:// and https://crm.example.com/api)", () => {
    const text = readFileSync(join(__dirname, '../../../examples/crm-support.sinas.yaml'), 'utf8');
    const url = planVariables(readPackage(text).declarations).prompts.find((p) => p.name === 'CRM_URL')!;
    assert.equal(url.pattern, '^https?://');
    assert.equal(url.example, 'https://crm.example.com/api');
    assert.equal(checkAnswer(url, url.example!), undefined);
    assert.match(checkAnswer(url, 'crm.example.com') ?? '', /pattern/);
  });

  it('leaves a pattern it cannot check (backreference, lookaround) or Python rejects to the server', () => {
    const [url] = planVariables(declarations).prompts;
    assert.equal(checkAnswer({ ...url, pattern: '(?P<x>a)(?P=x)' }, 'anything'), undefined);
    assert.equal(checkAnswer({ ...url, pattern: '^(?=\\d)' }, 'anything'), undefined);
    assert.equal(checkAnswer({ ...url, pattern: '(' }, 'anything'), undefined);
  });

  it('answers at once on a catastrophic-backtracking pattern (linear-time matching)', () => {
    const [url] = planVariables(declarations).prompts;
    const started = performance.now();
    for (const pattern of ['^(a+)+$', '^(a|a)*$', '^(a|aa)+$', '^(\\w+\\s?)*$']) {
      assert.match(checkAnswer({ ...url, pattern }, `${'a'.repeat(5000)}!`) ?? '', /pattern/);
    }
    assert.ok(performance.now() - started < 2000, 'each answer is checked in linear time');
  });

  it('sends booleans as booleans and leaves empty optional answers out', () => {
    const [url, , tier, verbose] = planVariables(declarations).prompts;
    assert.equal(answerValue(verbose, 'true'), true);
    assert.equal(answerValue(verbose, 'false'), false);
    assert.equal(answerValue(tier, ''), undefined);
    assert.equal(answerValue(url, 'https://x'), 'https://x');
  });
});
