/** Small helpers shared by rules: reading scalars and mapping positions inside a scalar's value. */
import { afterYamlBreak, yamlLineEnd } from '../../parse/line-breaks';
import { findPair, getValue, type YNode, type YPair, type YScalar } from '../../parse/yaml-tree';
import type { Span } from '../../text/span';

export type StringScalar = YScalar & { value: string };

export function asString(node: YNode | null | undefined): StringScalar | undefined {
  return node && node.kind === 'scalar' && typeof node.value === 'string' ? (node as StringScalar) : undefined;
}

/** The string scalar at a key of a map, if that is what it holds. */
export function stringAt(map: YNode | null | undefined, key: string): StringScalar | undefined {
  return asString(getValue(map, key));
}

/** The pair of a key whose value is not null (an explicitly empty `key:` counts as absent). */
export function presentPair(map: YNode | null | undefined, key: string): YPair | undefined {
  const pair = findPair(map, key);
  if (!pair?.key) return undefined;
  if (!pair.value || (pair.value.kind === 'scalar' && pair.value.value === null)) return undefined;
  return pair;
}

export function isDynamic(node: YNode | null | undefined): boolean {
  return !!node && node.kind === 'scalar' && typeof node.value === 'string' && node.value.includes('${{');
}

/**
 * The document span of `length` characters at `index` of a string scalar's value. Exact when the
 * source holds the value verbatim (plain or quoted text without escapes or folding, literal block
 * scalars); otherwise the whole scalar, which is still the right node.
 */
export function spanInScalar(text: string, node: YScalar, index: number, length: number): Span {
  const value = node.value as string;
  if (node.style === 'literal') return spanInLiteral(text, node, value, index, length) ?? node;
  if (node.style === 'folded') return node;
  const quoted = node.style === 'single' || node.style === 'double';
  const start = quoted ? node.start + 1 : node.start;
  const end = quoted ? node.end - 1 : node.end;
  if (text.slice(start, end) !== value) return node;
  return { start: start + index, end: start + index + length };
}

/**
 * Each `\n` of the value is a line break of the scalar's source. Rules may be given the original
 * text, where PyYAML's other breaks (a lone `\r`, NEL, LS, PS) are still themselves: lines are
 * counted at all of them (line-breaks.ts).
 */
function spanInLiteral(text: string, node: YScalar, value: string, index: number, length: number): Span | undefined {
  const headerEnd = yamlLineEnd(text, node.start);
  if (headerEnd >= node.end) return undefined;
  const lineInValue = countNewlines(value, index);
  const column = index - (value.lastIndexOf('\n', index - 1) + 1);
  if (column + length > lineLength(value, index - column)) return undefined;
  let lineStart = afterYamlBreak(text, headerEnd);
  for (let i = 0; i < lineInValue; i++) {
    const next = yamlLineEnd(text, lineStart);
    if (next === text.length) return undefined;
    lineStart = afterYamlBreak(text, next);
  }
  const valueLine = value.slice(index - column, index - column + lineLength(value, index - column));
  const rawLine = text.slice(lineStart, yamlLineEnd(text, lineStart));
  const indent = rawLine.length - valueLine.length;
  if (indent < 0 || rawLine.slice(indent) !== valueLine) return undefined;
  const start = lineStart + indent + column;
  return start + length <= node.end ? { start, end: start + length } : undefined;
}

function countNewlines(s: string, before: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1 && i < before; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function lineLength(s: string, from: number): number {
  const nl = s.indexOf('\n', from);
  return (nl === -1 ? s.length : nl) - from;
}

/**
 * The span of a scalar's text without its quotes: findings on a value point here, so a
 * replacement (a quick fix) keeps the quoting as written.
 */
export function contentSpan(node: YNode): Span {
  if (node.kind === 'scalar' && (node.style === 'double' || node.style === 'single') && node.end - node.start >= 2) {
    return { start: node.start + 1, end: node.end - 1 };
  }
  return { start: node.start, end: node.end };
}

/**
 * A replacement for a whole scalar, written in the scalar's own quoting style, so a quick fix that
 * replaces the node's span keeps `"…"` or `'…'` (and a value such as `yes` stays a string).
 */
export function inQuotesOf(node: YNode, text: string): string {
  if (node.kind !== 'scalar') return text;
  if (node.style === 'double') return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (node.style === 'single') return `'${text.replace(/'/g, "''")}'`;
  return text;
}

const LAX_TRUE = /^(?:true|yes|on|y|t|1)$/i;
const LAX_FALSE = /^(?:false|no|off|n|f|0)$/i;

/** A scalar as pydantic's lax `bool` reads it: true, false, or undefined when it is neither. */
export function laxBool(node: YNode | null | undefined): boolean | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  const v = node.value;
  if (typeof v === 'boolean') return v;
  if (v === 0 || v === 1) return v === 1;
  if (typeof v !== 'string') return undefined;
  return LAX_TRUE.test(v.trim()) ? true : LAX_FALSE.test(v.trim()) ? false : undefined;
}
