/** getDefinition(analysis, position, uri): from `${{ vars.X }}` to the name in its declaration. */
import type { Location, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyze';
import { toRange } from './ranges';
import { nameSpan, symbolAt } from './symbol-at';

export function getDefinition(analysis: Analysis, position: Position, uri: string): Location[] {
  if (!analysis.isSinasPackage) return [];
  const symbol = symbolAt(analysis, analysis.lines.offsetAt(position));
  if (!symbol) return [];
  const declaration = symbol.declaration;
  if (!declaration) return [];
  return [{ uri, range: toRange(analysis.lines, nameSpan(analysis.text, declaration.nameNode)) }];
}
