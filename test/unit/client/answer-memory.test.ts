import assert from 'node:assert/strict';
import { ANSWER_LIFETIME_MS, AnswerMemory } from '../../../client/src/prompts/answer-memory';

describe('client: answers remembered between Preview and Install', () => {
  let now = 1_000;
  const memory = new AnswerMemory(() => now);
  const scope = { uri: 'file:///p.yaml', version: 3, connectionId: 'staging' };

  beforeEach(() => {
    now = 1_000;
    memory.clear();
  });

  it('gives back a copy of the values for the same document version on the same instance', () => {
    const values = { APP_URL: 'https://a', TOKEN: 's3cr3t' };
    memory.remember(scope, values);
    values.APP_URL = 'changed by the caller';
    const recalled = memory.recall(scope);
    assert.deepEqual(recalled, { APP_URL: 'https://a', TOKEN: 's3cr3t' });
    recalled!.APP_URL = 'changed again';
    assert.deepEqual(memory.recall(scope), { APP_URL: 'https://a', TOKEN: 's3cr3t' });
  });

  it('forgets them for another version, another instance, after their lifetime, or when told', () => {
    for (const other of [{ ...scope, version: 4 }, { ...scope, connectionId: 'prod' }]) {
      memory.remember(scope, { A: 1 });
      assert.equal(memory.recall(other), undefined);
      assert.equal(memory.recall(scope), undefined, 'a mismatch drops the entry');
    }
    memory.remember(scope, { A: 1 });
    now += ANSWER_LIFETIME_MS + 1;
    assert.equal(memory.recall(scope), undefined);
    memory.remember(scope, { A: 1 });
    memory.forget(scope.uri);
    assert.equal(memory.recall(scope), undefined);
  });
});
