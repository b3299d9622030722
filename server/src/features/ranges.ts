/** Offsets -> LSP ranges. The core works in offsets; LSP types are made only here, at the edge. */
import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from '../core/text/line-index';
import type { Span } from '../core/text/span';

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}
