import assert from 'node:assert/strict';
import { suggestKey } from '../../../server/src/core/schema/did-you-mean';
import { editDistance } from '../../../server/src/core/text/suggest';

const AGENT = ['namespace', 'name', 'systemPrompt', 'enabledFunctions', 'enabledSkills', 'inputSchema', 'temperature'];

describe('did-you-mean', () => {
  it('measures edit distance with transpositions', () => {
    assert.equal(editDistance('sytemprompt', 'systemprompt'), 1);
    assert.equal(editDistance('ab', 'ba'), 1);
    assert.equal(editDistance('', 'abc'), 3);
  });

  const cases: [string, string[], string | undefined][] = [
    ['sytemPrompt', AGENT, 'systemPrompt'],
    ['enabledFunction', AGENT, 'enabledFunctions'],
    ['inputschema', AGENT, 'inputSchema'],
    ['input_schema', AGENT, 'inputSchema'],
    ['skills', AGENT, 'enabledSkills'],
    ['temprature', AGENT, 'temperature'],
    ['cron', ['name', 'cronExpression', 'timezone'], 'cronExpression'],
    ['functionNamespace', ['path', 'functionName', 'httpMethod'], 'functionName'],
    ['pipPackages', ['dependencies', 'functions'], 'dependencies'],
    ['onUserMessage', ['on_user_message', 'on_assistant_message'], 'on_user_message'],
    ['apiKey', ['none', 'bearer', 'basic', 'api_key', 'sinas_token'], 'api_key'],
    ['completelyDifferent', AGENT, undefined],
    ['xyz', AGENT, undefined],
  ];
  for (const [unknown, candidates, expected] of cases) {
    it(`${unknown} → ${expected ?? 'nothing'}`, () => assert.equal(suggestKey(unknown, candidates).replacement, expected));
  }

  it('explains keys that have no in-place replacement', () => {
    assert.match(suggestKey('pipPackages', ['name', 'code']).hint ?? '', /spec\.dependencies/);
    assert.match(suggestKey('agents', ['apiVersion', 'kind', 'spec'], ['agents']).hint ?? '', /under `spec`/);
  });

  it('answers at once for a pasted 1 MB key (each distance stops at the limit)', () => {
    // An edit in the fuzzer made a 1.4 MB quoted line a key: measured in full against every
    // allowed key, its suggestion took seconds (here about 15 s); bounded, it takes microseconds.
    const candidates = Array.from({ length: 100 }, (_, i) => `candidateKeyNumber${i}`);
    const started = performance.now();
    assert.equal(suggestKey('k'.repeat(1_000_000), candidates).replacement, undefined);
    assert.equal(suggestKey(`${'candidateKeyNumber7'}x`, candidates).replacement, 'candidateKeyNumber7');
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1000, `${Math.round(elapsed)} ms`);
  });
});
