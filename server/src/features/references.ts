/**
 * getReferences(analysis, position, uri, includeDeclaration): every use of a variable, or every
 * reference to a resource (or connector operation), plus the declaration / identity when asked.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyze';
import type { Resource } from '../core/model/package-model';
import type { Span } from '../core/text/span';
import { toRange } from './ranges';
import { nameSpan, symbolAt } from './symbol-at';

export function getReferences(analysis: Analysis, position: Position, uri: string, includeDeclaration: boolean): Location[] {
  if (!analysis.isSinasPackage) return [];
  const symbol = symbolAt(analysis, analysis.lines.offsetAt(position));
  let spans: Span[] = [];
  switch (symbol?.kind) {
    case 'variable-use':
    case 'variable-declaration':
      spans = variableOccurrences(analysis, symbol.name, includeDeclaration);
      break;
    case 'reference': {
      const definition = analysis.references.resolve(symbol.reference);
      const operation = symbol.reference.kind === 'operations' ? symbol.reference.target : undefined;
      spans = definition ? resourceOccurrences(analysis, definition.resource, operation, includeDeclaration ? definition.node : undefined) : [symbol.span];
      break;
    }
    case 'resource':
      spans = resourceOccurrences(analysis, symbol.resource, symbol.operation, includeDeclaration ? symbol.span : undefined);
      break;
  }
  return spans.map((span) => ({ uri, range: toRange(analysis.lines, span) }));
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

function resourceOccurrences(analysis: Analysis, resource: Resource, operation: string | undefined, declaration: Span | undefined): Span[] {
  const spans = analysis.references.referencesTo(resource, operation).map((r) => nameSpan(analysis.text, r.node));
  if (declaration) spans.push(nameSpan(analysis.text, declaration));
  return spans.sort((a, b) => a.start - b.start);
}
