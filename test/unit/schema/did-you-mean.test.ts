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
});
