/**
 * Block mappings and sequences as the parse of the same text has them, for the walk up in
 * cursor-context.ts: finding the key that holds the cursor's mapping, and numbering the item it
 * is in, otherwise means reading every line above it (the section of 3,000 functions before the
 * cursor is 50,000 lines of a 100,000-line package: 5 ms per completion). Only for a parse without
 * syntax errors, where every line the walk would read belongs to a node of the tree; on broken
 * YAML the walk reads the lines, as before.
 */
import type { Analysis } from '../../core/analyze';
import { locate, type YNode, type YPair } from '../../core/parse/yaml-tree';
import type { Span } from '../../core/text/span';
import { TextLines } from '../yaml-lines';
import type { ParsedBlocks } from './cursor-context';

export function parsedBlocks(analysis: Pick<Analysis, 'root' | 'findings' | 'lines' | 'text'>): ParsedBlocks | undefined {
  const { root, lines } = analysis;
  if (!root || analysis.findings.some((f) => f.code === 'yaml-syntax' || f.code === 'multiple-documents')) return undefined;
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const text = new TextLines(analysis.text, lines);
  return {
    lineAbove(line, column) {
      // Down from the root, through the last key or item that starts above `line` at each level,
      // while its line is indented no deeper than `column`: whatever follows it up to `line` is
      // held by that key or item and indented deeper, so the walk up need not read it.
      const before = lines.lineStart(line);
      let found: number | undefined;
      let node: YNode | null = root;
      while (node) {
        let child: { start: number; node: YNode | null } | undefined;
        if (node.kind === 'map' && !node.flow) {
          const pair: YPair | undefined = lastStartingBefore(node.pairs, before);
          child = pair && { start: pair.start, node: pair.value };
        } else if (node.kind === 'seq' && !node.flow) {
          const item: YNode | undefined = lastStartingBefore(node.items, before);
          child = item && { start: item.start, node: item };
        } else {
          // A scalar, alias or flow collection that runs on below the line found: its lines may
          // be indented as little as `column` without being keys or items; only reading them tells.
          return found !== undefined && lineOf(node.end) <= found ? found : undefined;
        }
        if (!child) return found;
        const at = lineOf(child.start);
        const indent = text.indentOf(at);
        if (indent < 0 || indent > column) return found;
        found = at;
        node = child.node;
      }
      return found;
    },
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
      const map = blockMappingOfKey(root, offset);
      return map && lineOf(map.start);
    },
    keyLines(offset) {
      const map = blockMappingOfKey(root, offset);
      if (!map || map.pairs.some((p) => !p.key)) return undefined;
      return map.pairs.map((p) => lineOf(p.key!.start));
    },
  };
}

/** The block mapping holding the key that starts at `offset`. */
function blockMappingOfKey(root: YNode, offset: number): Extract<YNode, { kind: 'map' }> | undefined {
  const { ancestors, onKey, pair } = locate(root, offset);
  const map = ancestors[ancestors.length - 1];
  if (!onKey || !pair?.key || pair.key.start !== offset || map?.kind !== 'map' || map.flow) return undefined;
  return map;
}

/** The key of the pair in `parent` whose value is `child`. */
function ownerKey(parent: YNode, child: YNode): YNode | undefined {
  if (parent.kind !== 'map') return undefined;
  return parent.pairs.find((p) => p.value === child)?.key ?? undefined;
}

/** The last of `list` (sorted by offset) that starts before `offset`. */
function lastStartingBefore<T extends Span>(list: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return list[lo - 1];
}
