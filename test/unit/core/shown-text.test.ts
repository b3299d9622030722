/** A message that quotes a huge text keeps its start and end, and never half of a character. */
import assert from 'node:assert/strict';
import { boundedMessage, clip } from '../../../server/src/core/diagnostics/shown-text';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('shown text', () => {
  it('cuts the middle of a long message, never between the halves of a character', () => {
    for (const pad of ['', 'x']) {
      const message = `Unknown key \`${pad}${'😀'.repeat(2_000)}\` under \`spec\`; the server rejects it.`;
      const bounded = boundedMessage(message);
      assert.ok(bounded.length <= 1_010, `${bounded.length}`);
      assert.ok(bounded.startsWith('Unknown key `'));
      assert.ok(bounded.endsWith('` under `spec`; the server rejects it.'));
      assert.doesNotMatch(bounded, LONE_SURROGATE);
    }
    assert.equal(boundedMessage('short'), 'short');
  });

  it('quotes the first line, at most 40 characters', () => {
    assert.equal(clip('name'), 'name');
    assert.equal(clip('a\nb'), 'a…');
    assert.equal(clip('k'.repeat(100)), `${'k'.repeat(40)}…`);
    // An emoji across the 40th character is left out whole, not cut in half.
    assert.equal(clip(`${'k'.repeat(39)}😀${'k'.repeat(10)}`), `${'k'.repeat(39)}…`);
    assert.equal(clip(`${'k'.repeat(38)}😀${'k'.repeat(10)}`), `${'k'.repeat(38)}😀…`);
  });
});
