/**
 * How this file lays out its YAML, so inserted text looks like the user's own: the indentation
 * step, how far `- ` sits under its key (`key:\n  - a` or `key:\n- a`), and the column of an
 * item's keys relative to its dash.
 */
import type { Analysis } from '../../core/analyze';
import type { Span } from '../../core/text/span';
import { indentUnit, shapeOf, TextLines } from '../yaml-lines';

export interface Layout {
  unit: number;
  /** Columns from a key to the `- ` of its block sequence. */
  dashIndent: number;
  /** Columns from `-` to the item's first key. */
  itemIndent: number;
}

export function layoutOf(analysis: Analysis): Layout {
  const { lines, text } = analysis;
  const unit = indentUnit(new TextLines(text, lines));
  for (const section of analysis.model.sections.values()) {
    const seq = section.pair.value;
    const first = seq?.kind === 'seq' && !seq.flow ? seq.items[0] : undefined;
    if (!first || !section.pair.key) continue;
    const line = lines.lineOf(first.start);
    const shape = shapeOf(text.slice(lines.lineStart(line), lines.lineEnd(line)));
    if (!shape.dashes.length) continue;
    const keyColumn = lines.positionAt(section.pair.key.start).character;
    const dash = shape.dashes[shape.dashes.length - 1];
    return { unit, dashIndent: Math.max(0, dash - keyColumn), itemIndent: Math.max(1, shape.content - dash) };
  }
  return { unit, dashIndent: unit, itemIndent: 2 };
}

/** A block sequence item of `key: value` lines at `dash`, with keys at dash + itemIndent. */
export function blockItem(entries: [string, string][], dash: number, itemIndent: number): string {
  return entries
    .map(([key, value], i) => (i === 0 ? ' '.repeat(dash) + '-' + ' '.repeat(itemIndent - 1) : ' '.repeat(dash + itemIndent)) + `${key}: ${value}`)
    .join('\n');
}

/** The whole lines covering a span, with the line break after them (or before them at the end of the file). */
export function wholeLines(analysis: Analysis, span: Span): Span {
  const { lines, text } = analysis;
  const first = lines.lineOf(span.start);
  const last = lines.lineOf(span.end);
  const start = lines.lineStart(first);
  if (last + 1 < lines.lineCount) return { start, end: lines.lineStart(last + 1) };
  // Last line of the file: take the break before it instead, so no blank line is left behind.
  return { start: first > 0 ? lines.lineEnd(first - 1) : start, end: text.length };
}
