/** toValue: plain values from our tree, bounded however the tree came to be. */
import assert from 'node:assert/strict';
import { toValue } from '../../../server/src/core/parse/to-value';
import type { YNode } from '../../../server/src/core/parse/yaml-tree';

/** A chain of `depth` flow sequences around one scalar, built without recursion. */
function nested(depth: number, anchorTop = false): YNode {
  let node: YNode = { kind: 'scalar', value: 'x', style: 'plain', start: 0, end: 1 };
  for (let i = 0; i < depth; i++) node = { kind: 'seq', items: [node], flow: true, start: 0, end: 1 };
  if (anchorTop) node.anchor = 'a';
  return node;
}

describe('toValue', () => {
  it('converts ordinary nesting fully', () => {
    let value = toValue(nested(300)).value;
    for (let i = 0; i < 300; i++) value = (value as unknown[])[0];
    assert.equal(value, 'x');
  });

  it('never recurses without bound: a tree 200,000 levels deep (past the parser guard) gives a value, not a stack overflow', () => {
    const deep = nested(200_000, true);
    assert.doesNotThrow(() => toValue(deep));
    const root: YNode = { kind: 'map', flow: false, start: 0, end: 1, pairs: [
      { key: { kind: 'scalar', value: 'a', style: 'plain', start: 0, end: 1 }, value: deep, start: 0, end: 1 },
      { key: { kind: 'scalar', value: 'b', style: 'plain', start: 0, end: 1 }, value: { kind: 'alias', name: 'a', target: deep, start: 0, end: 1 }, start: 0, end: 1 },
    ] };
    assert.doesNotThrow(() => toValue(root));
  });
});
