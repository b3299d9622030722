/** Hover through the pure feature. */
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getHover } from '../../../server/src/features/hover';
import { atCursor, textAt } from '../../support/cursor';
import { cursorIn } from './fixtures';

function hoverAt(source: string): { value: string; range: string } | null {
  const { analysis, position, text } = atCursor(source);
  const hover = getHover(analysis, position);
  if (!hover) return null;
  return { value: (hover.contents as MarkupContent).value, range: hover.range ? textAt(text, hover.range) : '' };
}

describe('hover', () => {
  it('shows the declaration on `${{ vars.X }}`', () => {
    const hover = hoverAt(cursorIn('vars.APP_URL', 7));
    assert.ok(hover);
    assert.equal(hover.range, 'APP_URL');
    assert.match(hover.value, /`APP_URL`.*`text` variable, required/);
    assert.match(hover.value, /Base URL of the app/);
    assert.match(hover.value, /Declared in `spec.variables` \(line 7\) · used 2 times/);
  });

  it('shows the resource kind of a resource_ref variable', () => {
    const hover = hoverAt(cursorIn('vars.PRIMARY_LLM', 6));
    assert.ok(hover);
    assert.match(hover.value, /Resource: `llm_providers`/);
  });

  it('says when the variable is not declared', () => {
    const hover = hoverAt(cursorIn('vars.MISSING', 8));
    assert.ok(hover);
    assert.equal(hover.range, 'MISSING');
    assert.match(hover.value, /not declared/);
  });

  it('counts the uses on a declaration name (quoted or not)', () => {
    assert.deepEqual(hoverAt(cursorIn('APP_URL', 2)), { value: '**`APP_URL`** is used 2 times (lines 16, 21).', range: 'APP_URL' });
    assert.deepEqual(hoverAt(cursorIn('"PRIMARY_LLM"', 3)), { value: '**`PRIMARY_LLM`** is used once (line 19).', range: 'PRIMARY_LLM' });
  });

  it('is silent elsewhere', () => {
    assert.equal(hoverAt(cursorIn('Open', 1)), null);
  });
});
