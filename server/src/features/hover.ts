/**
 * getHover(analysis, position): on `${{ vars.X }}` the declaration; on a declaration's name how
 * often it is used; on a key the schema's description; on a reference the resource it names.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyze';
import { toRange } from './ranges';
import { symbolAt } from './symbol-at';
import { usesLabel, variableMarkdown } from './variable-docs';

const MAX_LISTED_LINES = 10;

export function getHover(analysis: Analysis, position: Position): Hover | null {
  if (!analysis.isSinasPackage) return null;
  const offset = analysis.lines.offsetAt(position);
  const symbol = symbolAt(analysis, offset);
  if (!symbol) return null;
  const range = toRange(analysis.lines, symbol.span);
  if (symbol.kind === 'variable-use') {
    const value = symbol.declaration
      ? variableMarkdown(analysis, symbol.declaration)
      : `**\`${symbol.name}\`** is not declared; add it under \`spec.variables\` so installers are asked for it.`;
    return { contents: { kind: MarkupKind.Markdown, value }, range };
  }
  const uses = analysis.variables.usesByName.get(symbol.name) ?? [];
  const lines = [...new Set(uses.map((u) => analysis.lines.lineOf(u.expression.span.start) + 1))];
  const listed = lines.slice(0, MAX_LISTED_LINES).join(', ') + (lines.length > MAX_LISTED_LINES ? ', …' : '');
  const value = `**\`${symbol.name}\`** is ${usesLabel(uses.length)}${uses.length ? ` (line${lines.length > 1 ? 's' : ''} ${listed})` : ''}.`;
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}
