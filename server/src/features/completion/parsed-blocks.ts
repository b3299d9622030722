/**
 * Block mappings and sequences as the parse of the same text has them, for the walk in
 * cursor-context.ts. Finding the key that holds the cursor's mapping, numbering the item it is
 * in, and collecting the keys beside it otherwise means reading every line between (at the end
 * of a 100,000-line package, the 50,000 lines of 3,000 functions: 4 to 5 ms per completion): the
 * tree tells the nearest line above or below that is indented no deeper than a column, where a
 * mapping starts and which keys it has, and where a sequence's items start and end. Only for a
 * parse without syntax errors (but for the key being typed on the cursor's line, which the parse
 * reads as blanks), where every line the walk would read belongs to a node of the tree, and
 * never across a value that runs on over several lines (its lines are not keys or items, and
 * only reading them tells how they are indented); otherwise the walk reads the lines.
 */
import type { Analysis } from '../../core/analyze';
import type { Finding } from '../../core/diagnostics/finding';
import { readAsAbsent } from '../../core/parse/stray-words';
import { locate, type YNode } from '../../core/parse/yaml-tree';
import { partitionPoint } from '../../core/text/partition-point';
import type { Span } from '../../core/text/span';
import { TextLines } from '../yaml-lines';
import type { ParsedBlocks } from './cursor-context';

const DESCENT_BUDGET = 20_000;

/**
 * `cursorLine`: the line being completed, where a word being typed (a key without its `:` yet) is
 * read by the parse as blanks; the walk reads that line itself, never through the tree.
 */
export function parsedBlocks(analysis: Pick<Analysis, 'root' | 'findings' | 'lines' | 'text'>, cursorLine?: number): ParsedBlocks | undefined {
  const { root, lines } = analysis;
  const typedHere = (f: Finding) => readAsAbsent(f) && lines.lineOf(f.span.start) === cursorLine && lines.lineOf(f.span.end) === cursorLine;
  if (!root || analysis.findings.some((f) => f.code === 'multiple-documents' || (f.code === 'yaml-syntax' && !typedHere(f)))) return undefined;
  const lineOf = (offset: number) => lines.lineOf(offset);
  const text = new TextLines(analysis.text, lines);
  // Nodes the descents below may visit in one completion: past that (a document nested thousands
  // deep, where each descent is long), the walk reads the lines as without the parse.
  let budget = DESCENT_BUDGET;

  const indentedWithin = (line: number, column: number) => {
    const indent = text.indentOf(line);
    return indent >= 0 && indent <= column;
  };
  return {
    lineAbove(line, column) {
      // Down from the root, through the last key or item that starts above `line` at each level,
      // while its line is indented no deeper than `column`: whatever follows it up to `line` is
      // held by that key or item and indented deeper, so the walk up need not read it.
      const before = lines.lineStart(line);
      let found: number | undefined;
      let node: YNode | null = root;
      while (node) {
        if (--budget < 0) return undefined;
        const entries = blockEntries(node);
        // A scalar, alias or flow collection that runs on below the line found: its lines may be
        // indented as little as `column` without being keys or items; only reading them tells.
        if (!entries) return found !== undefined && lineOf(node.end) <= found ? found : undefined;
        const i = countStartingBefore(entries.list, before) - 1;
        if (i < 0) return found;
        const at = lineOf(entries.list[i].start);
        if (!indentedWithin(at, column)) return found;
        found = at;
        node = entries.held(i);
      }
      return found;
    },
    lineBelow(line, column) {
      // The first key or item below `line` at each level, down through the one before it: the
      // deepest such line indented no deeper than `column` is the nearest (none: the line count).
      const after = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : analysis.text.length;
      let found: number | undefined;
      let node: YNode | null = root;
      while (node) {
        if (--budget < 0) return undefined;
        const entries = blockEntries(node);
        // A value that runs on past `line` (as above: only reading its lines tells).
        if (!entries) return lineOf(node.end) <= line ? (found ?? lines.lineCount) : undefined;
        const i = countStartingBefore(entries.list, after);
        if (i < entries.list.length) {
          const at = lineOf(entries.list[i].start);
          if (indentedWithin(at, column)) found = at;
        }
        if (i === 0) break;
        node = entries.held(i - 1);
      }
      return found ?? lines.lineCount;
    },
    itemAt(offset) {
      const { ancestors, path } = locate(root, offset);
      // The innermost sequence with an item that starts right there, and the key holding it.
      for (let depth = ancestors.length - 1; depth >= 1; depth--) {
        const seq = ancestors[depth];
        const index = path[depth];
        if (seq.kind !== 'seq' || typeof index !== 'number' || seq.items[index]?.start !== offset) continue;
        const owner = ownerKey(ancestors[depth - 1], seq);
        return owner ? { index, ownerLine: lineOf(owner.start), lastLine: lineOf(seq.items[seq.items.length - 1].start) } : undefined;
      }
      return undefined;
    },
    mappingStart(offset) {
      const map = blockMappingOfKey(root, offset);
      return map && lineOf(map.start);
    },
    keysOf(offset, from, to) {
      const map = blockMappingOfKey(root, offset);
      if (!map || !map.pairs[0].key) return undefined;
      const column = offset - lines.lineStart(lineOf(offset));
      const names: string[] = [];
      for (let i = countStartingBefore(map.pairs, from), end = countStartingBefore(map.pairs, to); i < end; i++) {
        const key = map.pairs[i].key;
        if (!key) return undefined;
        // A plain key reads as written; any other is read from its line, as the walk reads it.
        const written = key.kind === 'scalar' && key.style === 'plain' && !key.tag && !key.anchor ? analysis.text.slice(key.start, key.end) : undefined;
        if (written !== undefined && !written.includes('#')) names.push(written);
        else {
          const line = lineOf(key.start);
          const shape = text.shape(line);
          if (!shape.key || lines.lineStart(line) + shape.key.start !== key.start || shape.key.start !== column) return undefined;
          names.push(shape.key.name);
        }
      }
      return { firstLine: lineOf(map.pairs[0].key.start), names };
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
  const pair = parent.pairs[countStartingBefore(parent.pairs, child.start + 1) - 1];
  return pair?.value === child ? (pair.key ?? undefined) : undefined;
}

/** A block mapping's pairs or a block sequence's items, and what each holds; nothing for other nodes. */
function blockEntries(node: YNode): { list: readonly Span[]; held(i: number): YNode | null } | undefined {
  if (node.kind === 'map' && !node.flow) return { list: node.pairs, held: (i) => node.pairs[i].value };
  if (node.kind === 'seq' && !node.flow) return { list: node.items, held: (i) => node.items[i] };
  return undefined;
}

/** How many of `list` (sorted by offset) start before `offset`. */
function countStartingBefore(list: readonly Span[], offset: number): number {
  return partitionPoint(list.length, (i) => list[i].start < offset);
}
