/** Offsets -> LSP positions and ranges. The core works in offsets; LSP types are made only here, at the edge. */
import type { Position, Range } from 'vscode-languageserver-types';
import type { LineIndex } from '../core/text/line-index';
import type { Span } from '../core/text/span';

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}
