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

  it('summarises the resource a reference names', () => {
    const hover = hoverAt(cursorIn('tools/lookup', 4));
    assert.ok(hover);
    assert.equal(hover.range, 'tools/lookup');
    assert.equal(hover.value, '**function** `tools/lookup`\n\nLooks a customer up\n\nDefined on line 27 · referenced once in this file');
  });

  it('says what an unresolved reference must be, and whether Sinas checks it', () => {
    const hover = hoverAt(cursorIn('tools/missing', 4));
    assert.ok(hover);
    assert.match(hover.value, /A function reference, written `namespace\/name`, even in `default`/);
    assert.match(hover.value, /No function `tools\/missing` is defined in this file\. Sinas checks at install/);
  });

  it('counts the references on a resource’s own identity', () => {
    const hover = hoverAt(cursorIn('name: notify', 7));
    assert.ok(hover);
    assert.match(hover.value, /^\*\*function\*\* `default\/notify`/);
    assert.match(hover.value, /referenced once in this file/);
  });

  it('describes a key from the schema', () => {
    const hover = hoverAt(cursorIn('functionName:', 3));
    assert.ok(hover);
    assert.equal(hover.range, 'functionName');
    assert.match(hover.value, /^\*\*functionName\*\*\n\n/);
    assert.match(hover.value, /Type: string/);
    const enumHover = hoverAt(cursorIn('type: resource_ref', 2));
    assert.ok(enumHover);
    assert.match(enumHover.value, /Default: `text`/);
    assert.match(enumHover.value, /Allowed values:\n- `text`/);
  });

  it('is silent elsewhere', () => {
    assert.equal(hoverAt(cursorIn('Open', 1)), null);
  });
});
