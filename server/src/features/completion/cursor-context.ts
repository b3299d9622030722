/**
 * Where the cursor is, in YAML terms, on text that is usually invalid while the user types.
 *
 * Instead of parsing a repaired copy of the document (AL's `transform`, anchors.md §3.4), the
 * cursor's line is read the way its repaired form would parse — a bare word is a key being typed,
 * `- ` starts an item, an empty line is a key position, `key: partial` is a value — and the path
 * comes from the indentation of the lines above, so one broken line never hides the structure
 * around it. When the document parses without syntax errors, the parse tells the walk which lines
 * it can skip (parsed-blocks.ts) and it reads a few lines at any size; otherwise it reads every
 * line up to the root and below to the end of the cursor's mapping.
 */
import type { NodePath, PathSegment } from '../../core/parse/yaml-tree';
import type { Span } from '../../core/text/span';
import { shapeOf, type LineShape, type TextLines } from '../yaml-lines';

/** The cursor stands where a key of the mapping at `path` goes (or, with `itemColumn`, a new `- ` item of the sequence at `path`). */
export interface KeyPosition {
  kind: 'key';
  path: NodePath;
  /** What is typed of the key so far, and the text a chosen key replaces. */
  partial: string;
  range: Span;
  /** Keys already present in this mapping (the one being typed excluded). */
  siblings: Set<string>;
  /** The line already has `key:` (only the name is replaced). */
  hasColon: boolean;
  /** Column of the key: nested lines of an inserted snippet are indented from it. */
  column: number;
  /** The key follows `- ` on this line: the first key of a new item. */
  afterDash: boolean;
  /** The cursor sits at the column of this sequence's `- ` indicators. */
  itemColumn: boolean;
  /** The key directly follows a `-` with no space, so an insertion needs one. */
  needsSpace: boolean;
}

/** The cursor is in the value at `path` (a `key: value` or a `- value` item). */
export interface ValuePosition {
  kind: 'value';
  path: NodePath;
  partial: string;
  range: Span;
  /** The value directly follows `:` with no space, so an insertion needs one. */
  needsSpace: boolean;
  quoted: boolean;
}

export type CursorPosition = KeyPosition | ValuePosition;

/** Block structure from a parse of the same text (parsed-blocks.ts), so the walk can skip lines. */
export interface ParsedBlocks {
  /** The item whose content starts at `offset`: its index, the line of the key holding its sequence, and the line of its last item. */
  itemAt(offset: number): { index: number; ownerLine: number; lastLine: number } | undefined;
  /** For the key starting at `offset`, the line where its block mapping starts. */
  mappingStart(offset: number): number | undefined;
  /**
   * For the key starting at `offset`: the line of its block mapping's first key, and the names (as
   * a line's shape reads them) of the mapping's keys that start from offset `from` up to `to`.
   */
  keysOf(offset: number, from: number, to: number): { firstLine: number; names: string[] } | undefined;
  /** The nearest line above `line` indented no deeper than `column`, when the parse can tell. */
  lineAbove(line: number, column: number): number | undefined;
  /** The same below `line` (the line count when no line below is). */
  lineBelow(line: number, column: number): number | undefined;
}

interface Ancestry {
  path: NodePath;
  siblings: Set<string>;
  itemColumn: boolean;
}

/**
 * The positions the cursor may be at (a bare `- word` is both a key and a value), or none.
 * `blocks`, when the text parses, lets the walk up skip what lies between the lines it needs.
 */
export function cursorPositions(lines: TextLines, line: number, column: number, blocks?: ParsedBlocks): CursorPosition[] {
  const text = lines.textOf(line);
  const base = lines.start(line);
  if (inComment(text, column)) return [];
  const shape = shapeOf(text);
  const hasDash = shape.dashes.length > 0;
  if (hasDash && column < shape.content) return [];
  const rest = text.slice(shape.content);

  if (shape.empty) {
    // An empty line: a key at the cursor's column, or after `- `.
    if (rest.startsWith('#')) return [];
    const keyColumn = hasDash ? shape.content : Math.min(column, text.length);
    const ancestry = findAncestry(lines, line, keyColumn, shape.dashes, blocks);
    if (!ancestry) return [];
    const at = { start: base + column, end: base + column };
    return [
      keyPosition(ancestry, '', at, false, keyColumn, hasDash, text[keyColumn - 1] === '-'),
      ...(hasDash ? [valuePosition(ancestry.path, '', at, text[keyColumn - 1] === '-', false)] : []),
    ];
  }

  if (shape.key && column <= shape.key.end) {
    if (column < shape.key.start) return [];
    const ancestry = findAncestry(lines, line, shape.key.start, shape.dashes, blocks);
    if (!ancestry) return [];
    ancestry.siblings.delete(shape.key.name);
    const partial = text.slice(shape.key.start, column);
    return [keyPosition(ancestry, partial, { start: base + shape.key.start, end: base + shape.key.end }, true, shape.key.start, hasDash)];
  }

  if (shape.key) {
    if (column <= shape.key.colon || shape.blockScalar) return [];
    const ancestry = findAncestry(lines, line, shape.key.start, shape.dashes, blocks);
    if (!ancestry) return [];
    const valueStart = shape.value ?? text.length;
    return valueAt(text, base, column, Math.min(valueStart, Math.max(column, shape.key.colon + 1)), [...ancestry.path, shape.key.name], text[column - 1] === ':');
  }

  // A bare scalar: after `- ` it is an item's value, or the first key of a new mapping item;
  // elsewhere a key being typed (the "repaired" reading of a word without its colon).
  if (/^[[{]/.test(rest) || /^[|>]/.test(rest)) return [];
  const ancestry = findAncestry(lines, line, shape.content, shape.dashes, blocks);
  if (!ancestry) return [];
  const positions: CursorPosition[] = [];
  const word = scalarEnd(text, shape.content);
  if (column > word) return [];
  if (!/^["']/.test(rest)) {
    const range = { start: base + shape.content, end: base + word };
    positions.push(keyPosition(ancestry, text.slice(shape.content, column), range, false, shape.content, hasDash));
  }
  if (hasDash) positions.push(...valueAt(text, base, column, shape.content, ancestry.path, false));
  return positions;
}

function keyPosition(a: Ancestry, partial: string, range: Span, hasColon: boolean, column: number, afterDash: boolean, needsSpace = false): KeyPosition {
  return { kind: 'key', path: a.path, partial, range, siblings: a.siblings, hasColon, column, afterDash, itemColumn: a.itemColumn, needsSpace };
}

function valuePosition(path: NodePath, partial: string, range: Span, needsSpace: boolean, quoted: boolean): ValuePosition {
  return { kind: 'value', path, partial, range, needsSpace, quoted };
}

/** The value starting at column `start`: inside its quotes when quoted, up to a comment otherwise. */
function valueAt(text: string, base: number, column: number, start: number, path: NodePath, needsSpace: boolean): ValuePosition[] {
  const quote = text[start];
  if (quote === '[' || quote === '{') return [];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, start + 1);
    const end = close === -1 ? text.length : close;
    if (column <= start || column > end) return [];
    return [valuePosition(path, text.slice(start + 1, column), { start: base + start + 1, end: base + end }, false, true)];
  }
  const end = Math.max(scalarEnd(text, start), column);
  return [valuePosition(path, text.slice(start, column), { start: base + start, end: base + end }, needsSpace, false)];
}

/** End of a plain scalar on this line: before ` #` and trailing spaces. */
function scalarEnd(text: string, start: number): number {
  const comment = text.slice(start).search(/\s#/);
  let end = comment === -1 ? text.length : start + comment;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

/** A `#` that starts a comment (at the line start or after a space, outside quotes) before the cursor. */
function inComment(text: string, column: number): boolean {
  let quote = '';
  for (let i = 0; i < column; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:\-[{,]/.test(text[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return true;
  }
  return false;
}

/**
 * The path of the mapping a key at `column` on `line` belongs to, with the keys already in it,
 * found by walking up to ever smaller indentation. `dashes` are the line's own `- ` indicators.
 * Undefined inside a block scalar or a multi-line scalar, where keys make no sense.
 */
function findAncestry(lines: TextLines, line: number, column: number, dashes: number[], blocks?: ParsedBlocks): Ancestry | undefined {
  const reversed: PathSegment[] = [];
  const siblings = new Set<string>();
  let itemColumn = false;
  // Looking for the parent of a key at `col` (collecting the cursor's siblings while `collect`),
  // or, in item mode, for the parent of the `- ` items at `col` (counting them for the index).
  let mode: 'key' | 'item' = 'key';
  let col = column;
  let items = 0;
  let collect = true;
  let siblingsAbove = false;
  /** The line the walk goes on from, when the parse has told what lies above (items, sibling keys). */
  let skipTo: number | undefined;

  /** The `- ` indicators on line `at` start the items to number. */
  const enterItems = (itemDashes: number[], at: number) => {
    // `- - key`: each inner item is the first item of the outer one.
    for (let i = itemDashes.length - 1; i >= 1; i--) reversed.push(0);
    mode = 'item';
    col = itemDashes[0];
    items = 0;
    collect = false;
    if (blocks) {
      const found = blocks.itemAt(itemStart(lines, at, itemDashes, 0));
      if (found && found.ownerLine < at) {
        items = found.index;
        skipTo = found.ownerLine;
      }
    }
  };
  /** A line holding an ancestor key at its content column: continue from that key. */
  const climbFrom = (shape: LineShape, at: number) => {
    if (shape.dashes.length) return enterItems(shape.dashes, at);
    mode = 'key';
    col = shape.content;
    collect = false;
    // The parse knows where this key's mapping starts: the keys in between are its siblings.
    const start = blocks?.mappingStart(lines.start(at) + shape.content);
    if (start !== undefined && start < at) skipTo = start;
  };

  collectBelow(lines, line, column, siblings, blocks);
  if (dashes.length) enterItems(dashes, line);

  /** Asked the parse for the next line to read since the last line read (it may not know). */
  let asked = false;
  for (let k = line - 1; k >= 0; k--) {
    if (skipTo !== undefined) {
      // The lines between are the items counted, or the keys beside the one climbed from.
      k = Math.min(k, skipTo);
      skipTo = undefined;
    }
    const indent = lines.indentOf(k);
    if (indent < 0 || indent > col) {
      // Deeper content (a whole section, at the end of a large package): the parse knows where it starts.
      const above = blocks && !asked ? blocks.lineAbove(k, col) : undefined;
      asked = true;
      if (above !== undefined) k = above + 1;
      continue;
    }
    asked = false;
    const shape = lines.shape(k);
    if (mode === 'key') {
      if (shape.content === col) {
        if (!shape.key) return undefined; // a scalar's continuation line, not a mapping
        if (collect) {
          siblings.add(shape.key.name);
          siblingsAbove = true;
          // The parse knows this mapping's other keys above: the lines between need no reading.
          const first = blocks && addParsedKeys(lines, blocks, k, col, siblings, 0, lines.start(k));
          if (first !== undefined && first < k) skipTo = first;
        }
        if (shape.dashes.length) enterItems(shape.dashes, k);
        continue;
      }
      if (shape.dashes.includes(col)) {
        if (!collect || siblingsAbove) continue; // an indentless sequence under an earlier key
        // The cursor is at the column of this sequence's dashes: a new item goes here.
        itemColumn = true;
        mode = 'item';
        collect = false;
        // No item to number: the parse knows the key that holds the sequence.
        const owner = blocks?.itemAt(itemStart(lines, k, shape.dashes, shape.dashes.indexOf(col)))?.ownerLine;
        if (owner !== undefined && owner < k) skipTo = owner;
        continue;
      }
      if (shape.content > col) return undefined;
      if (shape.key) {
        if (shape.value !== undefined) return undefined; // inside a block scalar or a multi-line scalar
        reversed.push(shape.key.name);
        climbFrom(shape, k);
        continue;
      }
      if (shape.empty && shape.dashes.length) {
        enterItems(shape.dashes, k); // `-` alone on its line: the mapping below is its item
        continue;
      }
      return undefined;
    }
    if (shape.indent === col && shape.dashes[0] === col) {
      items++;
      continue;
    }
    // The first key at or left of the dashes owns the sequence.
    if (shape.content > col || !shape.key || shape.value !== undefined) return undefined;
    // At a sequence's dash column the path is the sequence itself, not one of its items.
    if (!(itemColumn && reversed.length === 0)) reversed.push(items);
    reversed.push(shape.key.name);
    climbFrom(shape, k);
  }
  if (mode === 'item') return undefined; // a top-level sequence is not a package
  return { path: reversed.reverse(), siblings, itemColumn };
}

/** Keys at `column` below the cursor's line that belong to the same mapping. */
function collectBelow(lines: TextLines, line: number, column: number, siblings: Set<string>, blocks?: ParsedBlocks): void {
  /** Asked the parse for the next line to read since the last line read. */
  let asked = false;
  for (let k = line + 1; k < lines.count; k++) {
    const indent = lines.indentOf(k);
    if (indent < 0 || indent > column) {
      // Deeper content: as in the walk up, the parse knows the next line to read.
      const below = blocks && !asked ? blocks.lineBelow(k, column) : undefined;
      asked = true;
      if (below !== undefined) k = below - 1;
      continue;
    }
    asked = false;
    if (indent < column) return;
    const shape = lines.shape(k);
    if (shape.dashes.length) {
      if (shape.dashes[0] !== column) return;
      // An indentless sequence under a sibling key, or the one whose dashes the cursor is at:
      // none of its items matter here, and the parse knows where the last one is.
      const last = blocks?.itemAt(itemStart(lines, k, shape.dashes, 0))?.lastLine;
      if (last !== undefined && last > k) k = last - 1;
      continue;
    }
    if (!shape.key) continue;
    siblings.add(shape.key.name);
    // The first key below: the parse knows the rest of its mapping.
    if (blocks && addParsedKeys(lines, blocks, k, column, siblings, lines.start(k) + column + 1, Infinity) !== undefined) return;
  }
}

/** Where the item of the `index`-th `- ` on line `at` starts: at the next `-` (`- - x`), or at the line's content. */
function itemStart(lines: TextLines, at: number, dashes: number[], index: number): number {
  return lines.start(at) + (dashes[index + 1] ?? lines.shape(at).content);
}

/**
 * Adds the names of the keys that start from offset `from` up to `to` in the block mapping holding
 * the key at `column` on line `at`, as the parse has them, and returns the line of the mapping's
 * first key; or undefined, adding nothing, when the parse cannot tell them as the lines read them
 * and the walk reads the lines instead.
 */
function addParsedKeys(lines: TextLines, blocks: ParsedBlocks, at: number, column: number, siblings: Set<string>, from: number, to: number): number | undefined {
  const keys = blocks.keysOf(lines.start(at) + column, from, to);
  if (!keys) return undefined;
  for (const name of keys.names) siblings.add(name);
  return keys.firstLine;
}
