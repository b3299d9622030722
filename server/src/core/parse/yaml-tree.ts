/**
 * Our own small YAML tree: absolute offsets, values resolved with YAML 1.1 rules (as PyYAML does
 * on the Sinas backend), no parent pointers (paths are found by descending from the root).
 * It is what every rule and feature reads; the `yaml` library's AST stays inside parse/.
 */
import type { Span } from '../text/span';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

interface NodeBase extends Span {
  anchor?: string;
  tag?: string;
}

export interface YScalar extends NodeBase {
  kind: 'scalar';
  /** Resolved value: string, number, boolean, null, Date (timestamps) or Uint8Array (binary). */
  value: unknown;
  style: ScalarStyle;
}

export interface YPair extends Span {
  key: YNode | null;
  value: YNode | null;
}

export interface YMap extends NodeBase {
  kind: 'map';
  pairs: YPair[];
  flow: boolean;
}

export interface YSeq extends NodeBase {
  kind: 'seq';
  items: YNode[];
  flow: boolean;
}

export interface YAlias extends NodeBase {
  kind: 'alias';
  name: string;
  target: YNode | null;
}

export type YNode = YScalar | YMap | YSeq | YAlias;

export type PathSegment = string | number;
export type NodePath = PathSegment[];

/** The string form of a key, as PyYAML + pydantic would see it (`on` -> "True" is not our concern). */
export function keyName(pair: YPair): string | undefined {
  const key = pair.key;
  if (!key || key.kind !== 'scalar') return undefined;
  return key.value === null ? '' : String(key.value);
}

/** A YAML 1.1 merge key: a plain, untagged `<<`, or `!!merge`. */
export function isMergeKey(key: YNode | null): boolean {
  if (!key || key.kind !== 'scalar') return false;
  return key.tag === 'tag:yaml.org,2002:merge' || (key.style === 'plain' && key.tag === undefined && key.value === '<<');
}

export function findPair(map: YNode | null | undefined, key: string): YPair | undefined {
  if (!map || map.kind !== 'map') return undefined;
  // Last one wins, like PyYAML; duplicates are reported by a rule.
  for (let i = map.pairs.length - 1; i >= 0; i--) if (keyName(map.pairs[i]) === key) return map.pairs[i];
  return undefined;
}

export function getValue(map: YNode | null | undefined, key: string): YNode | null | undefined {
  return findPair(map, key)?.value;
}

/** A scalar's value as a string, or undefined when the node is not a string scalar. */
export function stringValue(node: YNode | null | undefined): string | undefined {
  return node && node.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** Follows aliases to the anchored node (one hop is enough: aliases point at anchors, not aliases). */
export function resolve(node: YNode | null | undefined): YNode | null | undefined {
  return node && node.kind === 'alias' ? node.target : node;
}

/** Index of the first element whose span ends at or after offset (elements sorted by offset). */
function lowerBound<T extends Span>(list: readonly T[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface NodeLocation {
  /** Keys and indices from the root to the innermost node containing the offset. */
  path: NodePath;
  /** The innermost node containing the offset (a key scalar when `onKey`). */
  node: YNode | null;
  /** The pair whose key or value contains the offset, if any. */
  pair?: YPair;
  onKey: boolean;
  /** Chain of container nodes from the root, parallel to `path`. */
  ancestors: YNode[];
}

/** Descends from the root to the innermost node at offset: O(depth * log(width)). */
export function locate(root: YNode | null, offset: number): NodeLocation {
  const location: NodeLocation = { path: [], node: null, onKey: false, ancestors: [] };
  let node: YNode | null = root;
  while (node && offset >= node.start && offset <= node.end) {
    location.node = node;
    if (node.kind === 'map') {
      const i = lowerBound(node.pairs, offset);
      const pair = node.pairs[i];
      if (!pair || offset < pair.start) break;
      location.ancestors.push(node);
      location.path.push(keyName(pair) ?? i);
      location.pair = pair;
      if (pair.key && offset >= pair.key.start && offset <= pair.key.end) {
        location.node = pair.key;
        location.onKey = true;
        break;
      }
      location.onKey = false;
      if (!pair.value) {
        location.node = null;
        break;
      }
      node = pair.value;
    } else if (node.kind === 'seq') {
      const i = lowerBound(node.items, offset);
      const item = node.items[i];
      if (!item || offset < item.start) break;
      location.ancestors.push(node);
      location.path.push(i);
      location.pair = undefined;
      node = item;
    } else break;
  }
  return location;
}

/**
 * The first offset at or after `offset` that may lie in a node of the tree: `offset` itself when a
 * scalar or alias holds it, else the start of the next node after it at the deepest level that
 * holds it (between two pairs or items, before the root), or Infinity after the last. Nothing in
 * between is inside any node: a search for text in nodes can jump there (a line of megabytes that
 * is in no node holds a hundred thousand `${{`).
 */
export function nextNodeFrom(root: YNode | null, offset: number): number {
  let next = Infinity;
  let children: readonly (YNode | YPair)[] = root ? [root] : [];
  for (;;) {
    const i = lowerBound(children, offset);
    const child = children[i];
    if (!child) return next;
    if (offset < child.start) return child.start;
    if (i + 1 < children.length) next = children[i + 1].start;
    if ('kind' in child) {
      if (child.kind === 'map') children = child.pairs;
      else if (child.kind === 'seq') children = child.items;
      else return offset;
    } else children = [child.key, child.value].filter((node): node is YNode => node !== null);
  }
}

/** Follows a path of keys/indices; undefined when some step is missing. */
export function nodeAtPath(root: YNode | null, path: readonly PathSegment[]): YNode | null | undefined {
  let node: YNode | null | undefined = root;
  for (const segment of path) {
    node = resolve(node);
    if (!node) return undefined;
    if (typeof segment === 'number') {
      if (node.kind !== 'seq') return undefined;
      node = node.items[segment];
    } else {
      node = getValue(node, segment);
    }
  }
  return node;
}
