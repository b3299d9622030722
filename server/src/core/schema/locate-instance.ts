/**
 * From an ajv instancePath (JSON pointer into the plain value) back to our YAML nodes, so a
 * finding lands on the narrowest node. Values reached through an alias are reported on the alias
 * (the place in this resource), and keys that only exist through a `<<` merge fall back to the
 * nearest node we do have.
 */
import { findPair, resolve, type PathSegment, type YNode, type YPair } from '../parse/yaml-tree';
import type { Span } from '../text/span';

export interface InstanceLocation {
  /** Typed path (numbers for sequence indices) of what was found, relative to the start node. */
  path: PathSegment[];
  /** The node at the pointer, or the nearest found ancestor when `exact` is false. */
  node: YNode | null;
  /** The pair holding `node` as its value, when `node` is a mapping value. */
  pair?: YPair;
  /** Whether every segment of the pointer was found. */
  exact: boolean;
  /** Set when the walk went through an alias: spans are then clamped to it. */
  alias?: YNode;
}

export function parsePointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function locateInstance(start: YNode | null, pointer: string): InstanceLocation {
  const location: InstanceLocation = { path: [], node: start, exact: true };
  for (const segment of parsePointer(pointer)) {
    const current = location.node;
    if (current?.kind === 'alias') location.alias ??= current;
    const container = resolve(current);
    if (container?.kind === 'seq' && /^\d+$/.test(segment) && Number(segment) < container.items.length) {
      location.path.push(Number(segment));
      location.node = container.items[Number(segment)];
      location.pair = undefined;
      continue;
    }
    const pair = container?.kind === 'map' ? findPair(container, segment) : undefined;
    if (!pair) {
      location.exact = false;
      return location;
    }
    location.path.push(segment);
    location.pair = pair;
    location.node = pair.value;
  }
  return location;
}

function spanOf(node: YNode | YPair | null | undefined): Span | undefined {
  return node ? { start: node.start, end: node.end } : undefined;
}

/** Span of the located value itself (its key when the value is empty). */
export function valueSpan(location: InstanceLocation, fallback: Span): Span {
  if (location.alias) return spanOf(location.alias) ?? fallback;
  const node = location.node;
  // `key:` with nothing after it would be a zero-width span, and a block mapping or list would
  // underline many lines: point at the key instead (or, for a list item, its first line).
  const block = node && ((node.kind === 'map' || node.kind === 'seq') && !node.flow);
  if (node && (node.start === node.end || block)) {
    if (location.pair?.key) return spanOf(location.pair.key) ?? fallback;
    if (node.kind === 'map' && node.pairs[0]?.key) return spanOf(node.pairs[0].key) ?? fallback;
    if (node.kind === 'seq' && node.items[0]) return spanOf(node.items[0]) ?? fallback;
  }
  return spanOf(node) ?? spanOf(location.pair?.key) ?? fallback;
}

/** Span of a key inside the located mapping. */
export function keySpan(location: InstanceLocation, key: string, fallback: Span): Span {
  if (location.alias) return spanOf(location.alias) ?? fallback;
  const pair = location.exact ? findPair(resolve(location.node), key) : undefined;
  return spanOf(pair?.key) ?? valueSpan(location, fallback);
}

/**
 * Where to report something missing from the located object: the key that holds it, or, for a
 * list item or the document root (no key of its own), the object's first key.
 */
export function ownerSpan(location: InstanceLocation, fallback: Span): Span {
  if (location.alias) return spanOf(location.alias) ?? fallback;
  if (location.exact && location.pair?.key) return spanOf(location.pair.key) ?? fallback;
  const node = resolve(location.node);
  if (node?.kind === 'map' && node.pairs.length > 0) return spanOf(node.pairs[0].key ?? node.pairs[0]) ?? fallback;
  return spanOf(location.node) ?? fallback;
}
