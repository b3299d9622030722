/**
 * Plain JS values from our YAML tree, as PyYAML would hand them to pydantic: last duplicate key
 * wins, `<<` merges, aliases share the anchored value. Aliases are counted by the size they
 * expand to, so an alias bomb is cut off (and reported) instead of hanging a validator.
 */
import { isMergeKey, keyName, type YNode } from './yaml-tree';

export const MAX_EXPANDED_NODES = 100_000;
/**
 * Deeper than this is never converted (null instead): the parser refuses nesting past 1,000
 * levels (PyYAML cannot read it), so only a tree that slipped past it gets here, and recursing
 * into it could exhaust the stack depending on how much is left at the time (a fresh process
 * manages about 1,800 levels).
 */
const MAX_DEPTH = 1_100;

const SET = 'tag:yaml.org,2002:set';
const OMAP = 'tag:yaml.org,2002:omap';
const PAIRS = 'tag:yaml.org,2002:pairs';

export interface ValueResult {
  value: unknown;
  /** Aliases that were not expanded because the document grew past MAX_EXPANDED_NODES. */
  truncatedAliases: YNode[];
}

export function toValue(node: YNode | null | undefined): ValueResult {
  const truncatedAliases: YNode[] = [];
  const sizes = new Map<YNode, number>();
  let budget = MAX_EXPANDED_NODES;

  /** Number of nodes a subtree expands to, aliases followed (memoised; cycles count once). */
  const sizeOf = (n: YNode, depth = 0): number => {
    const known = sizes.get(n);
    if (known !== undefined) return known;
    sizes.set(n, 1);
    let size = 1;
    if (depth > MAX_DEPTH) return size;
    if (n.kind === 'map') for (const p of n.pairs) size += p.value ? sizeOf(p.value, depth + 1) : 0;
    else if (n.kind === 'seq') for (const item of n.items) size += sizeOf(item, depth + 1);
    else if (n.kind === 'alias' && n.target) size = sizeOf(n.target, depth + 1);
    sizes.set(n, size);
    return size;
  };

  const values = new Map<YNode, unknown>();
  const convert = (n: YNode | null, active: Set<YNode>, depth = 0): unknown => {
    if (!n || depth > MAX_DEPTH) return null;
    switch (n.kind) {
      case 'scalar':
        budget--;
        return n.value instanceof Date ? n.value.toISOString() : n.value;
      case 'alias': {
        if (!n.target || active.has(n.target)) return null;
        const size = sizeOf(n.target);
        if (size > budget) {
          truncatedAliases.push(n);
          return null;
        }
        budget -= size;
        // The anchored node was converted already (anchors precede aliases); share that value.
        return values.has(n.target) ? values.get(n.target) : convert(n.target, active, depth + 1);
      }
      case 'seq': {
        budget--;
        active.add(n);
        let out: unknown[] = n.items.map((item) => convert(item, active, depth + 1));
        // `!!omap` / `!!pairs`: PyYAML builds a list of (key, value) tuples.
        if (n.tag === OMAP || n.tag === PAIRS) out = out.map((item) => Object.entries((item ?? {}) as object)[0] ?? []);
        active.delete(n);
        if (n.anchor) values.set(n, out);
        return out;
      }
      case 'map': {
        budget--;
        active.add(n);
        const out: Record<string, unknown> = {};
        const merged: Record<string, unknown>[] = [];
        for (const pair of n.pairs) {
          const name = keyName(pair) ?? (pair.key ? String(convert(pair.key, active, depth + 1)) : 'null');
          const value = convert(pair.value, active, depth + 1);
          if (isMergeKey(pair.key)) {
            // PyYAML: within one `<<: [a, b]` the earlier source wins; a later `<<` key wins over an earlier one.
            const sources = Array.isArray(value) ? [...value].reverse() : [value];
            for (const source of sources) {
              if (source && typeof source === 'object' && !Array.isArray(source)) merged.push(source as Record<string, unknown>);
            }
            continue;
          }
          out[name] = value;
        }
        active.delete(n);
        // Explicit keys win over merged ones; among merged ones, the last wins.
        for (let i = merged.length - 1; i >= 0; i--) for (const [k, v] of Object.entries(merged[i])) if (!(k in out)) out[k] = v;
        // `!!set`: PyYAML builds a set of the keys, which pydantic takes where a list is expected.
        const built = n.tag === SET ? Object.keys(out) : out;
        if (n.anchor) values.set(n, built);
        return built;
      }
    }
  };

  const value = node ? convert(node, new Set()) : null;
  return { value, truncatedAliases };
}
