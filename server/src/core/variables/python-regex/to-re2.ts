/**
 * Python `re` tree → RE2 syntax with the same meaning. Python's classes are Unicode-aware
 * (`\d` any decimal digit, `\w` letters, digits and `_`, `\s` Unicode spaces) unless `(?a)`; RE2's
 * are ASCII, so they are spelled out with Unicode properties. Python's `$` also matches before
 * one final line break and `\b` follows Unicode `\w`: where a value makes that matter, the
 * translation says so (`endBeforeNewline`, `unicodeBoundary`) and pattern.ts decides.
 */
import type { ParsedPattern } from './parse';
import { MAXREPEAT, type Category, type ClassItem, type Flags, type RegexNode } from './tree';

export interface Re2Translation {
  /** The pattern in RE2 syntax, `$` read as end of text. */
  source: string;
  /** The same with `$` also matching before a line break (exact for a value whose only line break is its last character). */
  sourceMultilineEnd?: string;
  /** Uses `\b`/`\B` on Unicode word characters: exact only on ASCII values here. */
  unicodeBoundary: boolean;
  /** Uses `\B`, which Python never matches in an empty text (RE2 does). */
  nonBoundary: boolean;
}

/** Thrown for a Python construct with no RE2 spelling (`construct` names it). */
export class NotTranslatable extends Error {
  constructor(readonly construct: string) {
    super(construct);
  }
}

/** RE2's largest counted repeat. */
const MAX_COUNT = 1000;

const UNICODE: Record<'d' | 'w' | 's', string> = {
  d: '\\p{Nd}',
  w: '\\p{L}\\p{N}_',
  s: '\\t\\n\\x{b}\\f\\r \\x{1c}-\\x{1f}\\x{85}\\p{Z}',
};
const ASCII: Record<'d' | 'w' | 's', string> = {
  d: '0-9',
  w: '0-9A-Za-z_',
  s: '\\t\\n\\x{b}\\f\\r ',
};

export function toRe2(parsed: ParsedPattern): Re2Translation {
  const state: EmitState = { dollar: false, boundary: false, nonBoundary: false };
  const plain = emitBranches(parsed.branches, state, false);
  return {
    source: plain,
    sourceMultilineEnd: state.dollar ? emitBranches(parsed.branches, { ...state }, true) : undefined,
    unicodeBoundary: state.boundary,
    nonBoundary: state.nonBoundary,
  };
}

interface EmitState {
  dollar: boolean;
  boundary: boolean;
  nonBoundary: boolean;
}

function emitBranches(branches: RegexNode[][], state: EmitState, dollarBeforeNewline: boolean): string {
  return branches.map((branch) => branch.map((node) => emit(node, state, dollarBeforeNewline)).join('')).join('|');
}

function emit(node: RegexNode, state: EmitState, dollarBeforeNewline: boolean): string {
  switch (node.kind) {
    case 'literal':
      if (node.flags.i && node.flags.a) return characterSet(false, asciiCaseless([{ kind: 'range', lo: node.cp, hi: node.cp }]), node.flags);
      return caseless(node.flags, codePoint(node.cp));
    case 'any':
      return node.flags.s ? '(?s:.)' : '[^\\n]';
    case 'set':
      if (node.flags.i && node.flags.a) return characterSet(node.negated, asciiCaseless(node.items), node.flags);
      return caseless(node.flags, characterSet(node.negated, node.items, node.flags));
    case 'at':
      return anchor(node.at, node.flags, state, dollarBeforeNewline);
    case 'group':
      return `(?:${emitBranches(node.branches, state, dollarBeforeNewline)})`;
    case 'repeat': {
      const item = emit(node.item, state, dollarBeforeNewline);
      const lazy = node.lazy ? '?' : '';
      const unbounded = node.max === MAXREPEAT;
      if (node.min > MAX_COUNT || (!unbounded && node.max > MAX_COUNT)) throw new NotTranslatable(`a repeat count over ${MAX_COUNT}`);
      const count = unbounded ? (node.min === 0 ? '*' : node.min === 1 ? '+' : `{${node.min},}`) : node.min === 0 && node.max === 1 ? '?' : `{${node.min},${node.max}}`;
      return `(?:${item})${count}${lazy}`;
    }
    case 'opaque':
      throw new NotTranslatable(node.construct);
  }
}

function anchor(at: string, flags: Flags, state: EmitState, dollarBeforeNewline: boolean): string {
  switch (at) {
    case 'begin':
      return flags.m ? '(?m:^)' : '\\A';
    case 'end':
      if (flags.m) return '(?m:$)';
      state.dollar = true;
      return dollarBeforeNewline ? '(?m:$)' : '\\z';
    case 'beginString':
      return '\\A';
    case 'endString':
      return '\\z';
    default:
      if (!flags.a) state.boundary = true;
      if (at === 'nonBoundary') state.nonBoundary = true;
      return at === 'boundary' ? '\\b' : '\\B';
  }
}

function caseless(flags: Flags, re: string): string {
  return flags.i ? `(?i:${re})` : re;
}

/** `(?ai)` folds ASCII letters only (RE2's `(?i)` would fold `k` with the Kelvin sign too). */
function asciiCaseless(items: ClassItem[]): ClassItem[] {
  const out = [...items];
  for (const item of items) {
    if (item.kind !== 'range') continue;
    for (const [from, to] of [[65, 97], [97, 65]]) {
      const lo = Math.max(item.lo, from);
      const hi = Math.min(item.hi, from + 25);
      if (lo <= hi) out.push({ kind: 'range', lo: lo - from + to, hi: hi - from + to });
    }
  }
  return out;
}

function codePoint(cp: number): string {
  const char = String.fromCodePoint(cp);
  return /^[A-Za-z0-9_]$/.test(char) ? char : `\\x{${cp.toString(16)}}`;
}

/**
 * A Python set as RE2: ranges and positive classes inside one `[…]`; a negated Unicode `\W` or
 * `\S` inside a set has no RE2 spelling as a set member, so a positive set becomes an alternation
 * and a negated one cannot be written.
 */
function characterSet(negated: boolean, items: ClassItem[], flags: Flags): string {
  const members: string[] = [];
  const complements: string[] = [];
  for (const item of items) {
    if (item.kind === 'range') members.push(item.lo === item.hi ? codePoint(item.lo) : `${codePoint(item.lo)}-${codePoint(item.hi)}`);
    else {
      const spelled = category(item.name, flags);
      if (spelled.complement) complements.push(spelled.text);
      else members.push(spelled.text);
    }
  }
  if (!complements.length) return members.length ? `[${negated ? '^' : ''}${members.join('')}]` : negated ? '(?s:.)' : '[^\\x00-\\x{10ffff}]';
  // [^\W] is \w; other negated mixes would need set intersection, which RE2 lacks.
  if (negated && complements.length === 1 && !members.length) return `[${complements[0]}]`;
  if (negated) throw new NotTranslatable('a negated set with `\\W` or `\\S`');
  const parts = complements.map((c) => `[^${c}]`);
  if (members.length) parts.push(`[${members.join('')}]`);
  return parts.length === 1 ? parts[0] : `(?:${parts.join('|')})`;
}

/** A category as set members; `complement` when only its complement can be listed. */
function category(name: Category, flags: Flags): { text: string; complement: boolean } {
  const table = flags.a ? ASCII : UNICODE;
  const lower = name.toLowerCase() as 'd' | 'w' | 's';
  if (name === lower) return { text: table[lower], complement: false };
  if (name === 'D' && !flags.a) return { text: '\\P{Nd}', complement: false };
  if (flags.a) return { text: `[:^${lower === 'd' ? 'digit' : lower === 'w' ? 'word' : 'space'}:]`, complement: false };
  return { text: table[lower], complement: true };
}
