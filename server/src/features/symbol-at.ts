/**
 * What the cursor is on, for hover, definition, references and rename: a `${{ vars.X }}` use, a
 * variable declaration's name, or (with the symbol table) a resource reference or identity.
 */
import type { Analysis } from '../core/analyze';
import type { Span } from '../core/text/span';
import type { ExpressionUse, VariableDeclaration } from '../core/variables/variable-table';

export type SymbolAt =
  | { kind: 'variable-use'; name: string; span: Span; use: ExpressionUse; declaration?: VariableDeclaration }
  | { kind: 'variable-declaration'; name: string; span: Span; declaration: VariableDeclaration };

export function symbolAt(analysis: Analysis, offset: number): SymbolAt | undefined {
  return variableUseAt(analysis, offset) ?? declarationAt(analysis, offset);
}

/** The `${{ … }}` expression holding the offset (uses are in text order: a binary search). */
export function expressionAt(analysis: Analysis, offset: number): ExpressionUse | undefined {
  const uses = analysis.variables.uses;
  let lo = 0;
  let hi = uses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (uses[mid].expression.span.end < offset) lo = mid + 1;
    else hi = mid;
  }
  const use = uses[lo];
  return use && offset >= use.expression.span.start && offset <= use.expression.span.end ? use : undefined;
}

/** A variable use when the offset is in an expression that names a variable (well-formed or not). */
export function variableUseAt(analysis: Analysis, offset: number): SymbolAt | undefined {
  const use = expressionAt(analysis, offset);
  if (!use) return undefined;
  const e = use.expression;
  const name = e.name;
  const span = e.nameSpan;
  if (name === undefined || !span) return undefined;
  return { kind: 'variable-use', name, span, use, declaration: analysis.variables.byName.get(name) };
}

export function declarationAt(analysis: Analysis, offset: number): SymbolAt | undefined {
  for (const declaration of analysis.variables.declarations) {
    const node = declaration.nameNode;
    if (offset < node.start || offset > node.end) continue;
    return { kind: 'variable-declaration', name: declaration.name, span: nameSpan(analysis.text, node), declaration };
  }
  return undefined;
}

/** The name inside a (possibly quoted) scalar: rename replaces this, not the quotes. */
export function nameSpan(text: string, node: Span): Span {
  const c = text[node.start];
  if ((c === '"' || c === "'") && node.end - node.start >= 2 && text[node.end - 1] === c) return { start: node.start + 1, end: node.end - 1 };
  return { start: node.start, end: node.end };
}
