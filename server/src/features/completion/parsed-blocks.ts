/**
 * Block mappings and sequences as the parse of the same text has them, for the walk up in
 * cursor-context.ts: finding the key that holds the cursor's mapping, and numbering the item it
 * is in, otherwise means reading every line above it (the section of 3,000 functions before the
 * cursor is 50,000 lines of a 100,000-line package: 5 ms per completion). Only for a parse without
 * syntax errors, where every line the walk would read belongs to a node of the tree; on broken
 * YAML the walk reads the lines, as before.
 */
import type { Analysis } from '../../core/analyze';
import { locate, type YNode } from '../../core/parse/yaml-tree';
import type { ParsedBlocks } from './cursor-context';

export function parsedBlocks(analysis: Pick<Analysis, 'root' | 'findings' | 'lines'>): ParsedBlocks | undefined {
  const { root, lines } = analysis;
  if (!root || analysis.findings.some((f) => f.code === 'yaml-syntax')) return undefined;
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  return {
    itemAt(offset) {
      const { ancestors, path } = locate(root, offset);
      // The innermost sequence with an item that starts right there, and the key holding it.
      for (let depth = ancestors.length - 1; depth >= 1; depth--) {
        const seq = ancestors[depth];
        const index = path[depth];
        if (seq.kind !== 'seq' || typeof index !== 'number' || seq.items[index]?.start !== offset) continue;
        const owner = ownerKey(ancestors[depth - 1], seq);
        return owner ? { index, ownerLine: lineOf(owner.start) } : undefined;
      }
      return undefined;
    },
    mappingStart(offset) {
      const { ancestors, onKey, pair } = locate(root, offset);
      const map = ancestors[ancestors.length - 1];
      if (!onKey || !pair?.key || pair.key.start !== offset || map?.kind !== 'map' || map.flow) return undefined;
      return lineOf(map.start);
    },
  };
}

/** The key of the pair in `parent` whose value is `child`. */
function ownerKey(parent: YNode, child: YNode): YNode | undefined {
  if (parent.kind !== 'map') return undefined;
  return parent.pairs.find((p) => p.value === child)?.key ?? undefined;
}
