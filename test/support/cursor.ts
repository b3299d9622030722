/**
 * Cursor-marker helpers for feature tests: `‸` marks the cursor in inline YAML (never `|`, which
 * starts a literal block in YAML), and edits are applied to show the resulting text.
 */
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyze, type Analysis, type AnalyzeOptions } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text/line-index';

export const CURSOR = '‸';

export interface AtCursor {
  text: string;
  offset: number;
  position: Position;
  analysis: Analysis;
}

/** Removes the `‸` marker and analyses the text (with `options`, e.g. an instance); the marker must appear exactly once. */
export function atCursor(source: string, options: AnalyzeOptions = {}): AtCursor {
  const offset = source.indexOf(CURSOR);
  if (offset === -1 || source.indexOf(CURSOR, offset + 1) !== -1) throw new Error('mark the cursor with exactly one ‸');
  const text = source.slice(0, offset) + source.slice(offset + CURSOR.length);
  const analysis = analyze(text, options);
  return { text, offset, position: analysis.lines.positionAt(offset), analysis };
}

/** Applies non-overlapping text edits (in any order) to text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const withOffsets = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Applies the edits a workspace edit makes to one document. */
export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit, uri: string): string {
  return applyEdits(text, edit.changes?.[uri] ?? []);
}

/** The text of the range an LSP result points at. */
export function textAt(text: string, range: { start: Position; end: Position }): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** A snippet's text with every tab stop at its default: a choice's first value, a placeholder's text, an empty stop as nothing. */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}|,])/g, '$1');
}
