/**
 * getDefinition(analysis, position, uri): from `${{ vars.X }}` to the name in its declaration, and
 * from a reference (`enabledFunctions: [tools/x]`, `functionName: x`, an operation name) to the
 * identity of the resource it names.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyze';
import type { Span } from '../core/text/span';
import { instanceDefinitionUri } from './instance-docs';
import { toRange } from './ranges';
import { nameSpan, symbolAt } from './symbol-at';

export function getDefinition(analysis: Analysis, position: Position, uri: string): Location[] {
  if (!analysis.isSinasPackage) return [];
  const offset = analysis.lines.offsetAt(position);
  const target = definitionSpan(analysis, offset);
  if (target) return [{ uri, range: toRange(analysis.lines, nameSpan(analysis.text, target)) }];
  // Not in this file: a resource of the instance opens as a read-only document.
  const symbol = symbolAt(analysis, offset);
  const onInstance = symbol?.kind === 'reference' ? instanceDefinitionUri(analysis, symbol.reference) : undefined;
  return onInstance ? [{ uri: onInstance, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] : [];
}

function definitionSpan(analysis: Analysis, offset: number): Span | undefined {
  const symbol = symbolAt(analysis, offset);
  switch (symbol?.kind) {
    case 'variable-use':
    case 'variable-declaration':
      return symbol.declaration?.nameNode;
    case 'reference':
      return analysis.references.resolve(symbol.reference)?.node;
    case 'resource':
      return symbol.span;
    default:
      return undefined;
  }
}
