/**
 * getFoldingRanges(analysis): one range per mapping, sequence or block scalar that spans several
 * lines, from the line of its key (or `- `) to its last line. Capped like the outline.
 */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyze';
import type { YNode } from '../core/parse/yaml-tree';

export const DEFAULT_MAX_FOLDING_RANGES = 5000;

export function getFoldingRanges(analysis: Analysis, maxRanges = DEFAULT_MAX_FOLDING_RANGES): FoldingRange[] {
  if (!analysis.isSinasPackage || !analysis.root) return [];
  const { lines } = analysis;
  // One range per start line (the largest): a key line and its item's line often coincide.
  const byStart = new Map<number, number>();
  const add = (from: number, node: YNode) => {
    const startLine = lines.lineOf(from);
    const endLine = lines.lineOf(node.end);
    if (endLine > startLine && (byStart.get(startLine) ?? -1) < endLine) byStart.set(startLine, endLine);
  };
  const stack: YNode[] = [analysis.root];
  while (stack.length && byStart.size < maxRanges) {
    const node = stack.pop()!;
    // Children are pushed last-first so they are visited in document order (the cap keeps the top).
    if (node.kind === 'map') {
      for (let i = node.pairs.length - 1; i >= 0; i--) {
        const pair = node.pairs[i];
        const value = pair.value;
        if (!value) continue;
        if (value.kind === 'map' || value.kind === 'seq' || (value.kind === 'scalar' && (value.style === 'literal' || value.style === 'folded'))) {
          add(pair.start, value);
        }
        if (value.kind === 'map' || value.kind === 'seq') stack.push(value);
      }
    } else if (node.kind === 'seq') {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (item.kind !== 'map' && item.kind !== 'seq') continue;
        add(item.start, item);
        stack.push(item);
      }
    }
  }
  return [...byStart].sort((a, b) => a[0] - b[0]).slice(0, maxRanges).map(([startLine, endLine]) => ({ startLine, endLine }));
}
