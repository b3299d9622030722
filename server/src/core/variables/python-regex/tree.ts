/** The tree parse.ts builds from a Python pattern, and the width of a node (as sre's getwidth). */

/** The inline flags in force at a node (`(?aimsx)`; Unicode matching unless `a`). */
export interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  x: boolean;
  a: boolean;
}

export type Category = 'd' | 'D' | 'w' | 'W' | 's' | 'S';
export type ClassItem = { kind: 'range'; lo: number; hi: number } | { kind: 'category'; name: Category };
export type Anchor = 'begin' | 'end' | 'beginString' | 'endString' | 'boundary' | 'nonBoundary';

export type RegexNode =
  | { kind: 'literal'; cp: number; flags: Flags }
  | { kind: 'any'; flags: Flags }
  | { kind: 'set'; negated: boolean; items: ClassItem[]; flags: Flags }
  | { kind: 'at'; at: Anchor; flags: Flags }
  | { kind: 'group'; branches: RegexNode[][] }
  | { kind: 'repeat'; item: RegexNode; min: number; max: number; lazy: boolean }
  /** Valid Python that RE2 cannot run; `construct` names it for the finding. */
  | { kind: 'opaque'; construct: string; width: Width };

export type Width = [min: number, max: number];

/** sre's MAXREPEAT: an unbounded repeat's maximum. */
export const MAXREPEAT = 4294967295;

export function repeatWidth([lo, hi]: Width, min: number, max: number): Width {
  return [lo * min, max === MAXREPEAT ? (hi === 0 ? 0 : Infinity) : hi * max];
}

/** The shortest and longest text a node can match (Infinity: unbounded), as sre's getwidth. */
export function width(node: RegexNode): Width {
  switch (node.kind) {
    case 'literal':
    case 'any':
    case 'set':
      return [1, 1];
    case 'at':
      return [0, 0];
    case 'opaque':
      return node.width;
    case 'repeat':
      return repeatWidth(width(node.item), node.min, node.max);
    case 'group': {
      let lo = Infinity;
      let hi = 0;
      for (const branch of node.branches) {
        let bLo = 0;
        let bHi = 0;
        for (const item of branch) {
          const [l, h] = width(item);
          bLo += l;
          bHi += h;
        }
        lo = Math.min(lo, bLo);
        hi = Math.max(hi, bHi);
      }
      return [lo === Infinity ? 0 : lo, hi];
    }
  }
}
