/**
 * Writing YAML into the user's file so it looks like their own: the indentation step, how far
 * `- ` sits under its key (`key:\n  - a` or `key:\n- a`), the column of an item's keys relative
 * to its dash, and scalars quoted only when PyYAML would otherwise misread them.
 */
import type { Analysis } from '../core/analyze';
import type { Span } from '../core/text/span';
import { indentUnit, shapeOf, TextLines } from './yaml-lines';

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

// Plain strings PyYAML would read as something else (YAML 1.1 booleans, null, numbers, dates).
const NOT_A_PLAIN_STRING = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(?:0x[0-9a-fA-F_]+|0b[01_]+|\.?[0-9][0-9_]*(?:[.:][0-9_]*)*(?:[eE][-+]?[0-9]+)?|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)|\d{4}-\d\d?-\d\d?.*)$/;
const NEEDS_QUOTES = /^[\s\-?:,[\]{}#&*!|>'"%@`]|: |\s#|\s$|^$/;

/** A value written so that PyYAML reads it back unchanged. */
export function yamlScalar(value: unknown): string {
  if (typeof value !== 'string') return value === null || value === undefined ? 'null' : String(value);
  return NOT_A_PLAIN_STRING.test(value) || NEEDS_QUOTES.test(value) ? JSON.stringify(value) : value;
}
