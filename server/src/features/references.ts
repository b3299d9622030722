/** getReferences(analysis, position, uri, includeDeclaration): every use of a variable (and its declaration). */
import type { Location, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyze';
import type { Span } from '../core/text/span';
import { toRange } from './ranges';
import { nameSpan, symbolAt } from './symbol-at';

export function getReferences(analysis: Analysis, position: Position, uri: string, includeDeclaration: boolean): Location[] {
  if (!analysis.isSinasPackage) return [];
  const symbol = symbolAt(analysis, analysis.lines.offsetAt(position));
  if (!symbol) return [];
  return variableOccurrences(analysis, symbol.name, includeDeclaration).map((span) => ({ uri, range: toRange(analysis.lines, span) }));
}

/** Spans of a variable's name in its declarations (when asked) and in every use, in text order. */
export function variableOccurrences(analysis: Analysis, name: string, includeDeclarations: boolean): Span[] {
  const spans: Span[] = [];
  if (includeDeclarations) {
    for (const d of analysis.variables.declarations) if (d.name === name) spans.push(nameSpan(analysis.text, d.nameNode));
  }
  for (const use of analysis.variables.usesByName.get(name) ?? []) if (use.expression.nameSpan) spans.push(use.expression.nameSpan);
  return spans.sort((a, b) => a.start - b.start);
}
