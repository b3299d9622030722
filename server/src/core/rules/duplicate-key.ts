import { keyName, type YNode } from '../parse/yaml-tree';
import type { HeaderRule, ItemRule } from './rule';
import type { Finding } from '../diagnostics/finding';

/** Reports repeated keys of one mapping (PyYAML keeps the last value silently). */
function checkMap(map: YNode, report: (f: Finding) => void): void {
  if (map.kind !== 'map') return;
  const seen = new Map<string, YNode>();
  for (const pair of map.pairs) {
    const name = keyName(pair);
    if (name === undefined || name === '<<' || !pair.key) continue;
    const earlier = seen.get(name);
    if (!earlier) {
      seen.set(name, pair.key);
      continue;
    }
    report({
      code: 'duplicate-key',
      message: `Key \`${name}\` appears twice in this mapping; Sinas (PyYAML) silently keeps this last value and drops the first.`,
      span: pair.key,
      related: [{ span: earlier, message: 'This earlier value is ignored.' }],
    });
  }
}

/** Every mapping under a node; iterative, so deep nesting cannot overflow the stack. */
function walk(root: YNode | null, report: (f: Finding) => void): void {
  const stack: YNode[] = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === 'map') {
      checkMap(node, report);
      for (const pair of node.pairs) if (pair.value) stack.push(pair.value);
    } else if (node.kind === 'seq') {
      for (const item of node.items) stack.push(item);
    }
  }
}

/** Every mapping inside a section item (memoised with the item). */
export const duplicateKeyInItem: ItemRule = {
  id: 'duplicate-key-item',
  codes: ['duplicate-key'],
  check(ctx) {
    walk(ctx.item.node, ctx.report);
  },
};

/** The document's own mappings: the root, `package`, `metadata` and `spec` (not the items). */
export const duplicateKeyInDocument: HeaderRule = {
  id: 'duplicate-key-document',
  codes: ['duplicate-key'],
  check(ctx) {
    const root = ctx.root;
    if (!root || root.kind !== 'map') return;
    checkMap(root, ctx.report);
    for (const pair of root.pairs) {
      const name = keyName(pair);
      if (pair.value && (name === 'spec' || name === 'package' || name === 'metadata')) {
        if (name === 'spec') checkMap(pair.value, ctx.report);
        else walk(pair.value, ctx.report);
      }
    }
  },
};
