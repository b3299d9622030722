/**
 * `nextNodeFrom` lets a search for text inside nodes jump over text that is in no node. Every
 * offset it jumps over must be in no scalar or alias, and where it lands a node must start (or the
 * offset itself is in one).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRegion } from '../../../server/src/core/parse/parse-region';
import { nextNodeFrom, type YNode } from '../../../server/src/core/parse/yaml-tree';

const ROOT = join(__dirname, '../../..');
const TEXTS = [
  'examples/crm-support.sinas.yaml',
  'examples/ops-automation.sinas.yaml',
  'test/fixtures/corpus/sinas-package-author.yaml',
].map((file) => readFileSync(join(ROOT, file), 'utf8'));
// A flow collection, an empty value, an alias, and trailing text in no node.
TEXTS.push('a: &x [1, {b: c}, ""]\nd:\ne: *x\nf:\n  - g\n  -\n  - h: i\n# end\n\n');

/** Every leaf (scalar or alias) of the tree, as [start, end). */
function leaves(node: YNode | null, out: [number, number][] = []): [number, number][] {
  if (!node) return out;
  if (node.kind === 'map') for (const pair of node.pairs) [pair.key, pair.value].forEach((n) => leaves(n, out));
  else if (node.kind === 'seq') for (const item of node.items) leaves(item, out);
  else out.push([node.start, node.end]);
  return out;
}

/** Every node start of the tree. */
function starts(node: YNode | null, out = new Set<number>()): Set<number> {
  if (!node) return out;
  out.add(node.start);
  if (node.kind === 'map') for (const pair of node.pairs) [pair.key, pair.value].forEach((n) => starts(n, out));
  else if (node.kind === 'seq') for (const item of node.items) starts(item, out);
  return out;
}

describe('nextNodeFrom', () => {
  it('jumps only over text in no scalar or alias, and lands where a node starts', () => {
    for (const text of TEXTS) {
      const { root } = parseRegion(text);
      const inLeaf = new Uint8Array(text.length + 1);
      for (const [start, end] of leaves(root)) inLeaf.fill(1, start, end);
      const nodeStarts = starts(root);
      for (let offset = 0; offset <= text.length; offset++) {
        const next = nextNodeFrom(root, offset);
        assert.ok(next >= offset, `${offset}`);
        if (next === offset) continue;
        for (let k = offset; k < Math.min(next, text.length); k++) assert.equal(inLeaf[k], 0, `jumped from ${offset} over ${k}, inside a node`);
        if (next !== Infinity) assert.ok(nodeStarts.has(next), `landed at ${next}, where no node starts`);
      }
    }
  });
});
