/**
 * What the cursor is on, for hover, definition, references and rename: a `${{ vars.X }}` use, a
 * variable declaration's name, a reference to another resource, a resource's own identity, or a
 * connector operation's name.
 */
import type { Analysis } from '../core/analyze';
import type { Resource } from '../core/model/package-model';
import type { Reference } from '../core/references';
import type { Span } from '../core/text/span';
import type { ExpressionUse, VariableDeclaration } from '../core/variables/variable-table';

export type SymbolAt =
  | { kind: 'variable-use'; name: string; span: Span; use: ExpressionUse; declaration?: VariableDeclaration }
  | { kind: 'variable-declaration'; name: string; span: Span; declaration: VariableDeclaration }
  | { kind: 'reference'; span: Span; reference: Reference }
  | { kind: 'resource'; span: Span; resource: Resource; operation?: string };

export function symbolAt(analysis: Analysis, offset: number): SymbolAt | undefined {
  return variableUseAt(analysis, offset) ?? referenceAt(analysis, offset) ?? declarationAt(analysis, offset) ?? resourceAt(analysis, offset);
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
export function variableUseAt(analysis: Analysis, offset: number): (SymbolAt & { kind: 'variable-use' }) | undefined {
  const use = expressionAt(analysis, offset);
  if (!use) return undefined;
  const e = use.expression;
  const name = e.name;
  const span = e.nameSpan;
  if (name === undefined || !span) return undefined;
  return { kind: 'variable-use', name, span, use, declaration: analysis.variables.byName.get(name) };
}

export function declarationAt(analysis: Analysis, offset: number): (SymbolAt & { kind: 'variable-declaration' }) | undefined {
  for (const declaration of analysis.variables.declarations) {
    const node = declaration.nameNode;
    if (offset < node.start || offset > node.end) continue;
    return { kind: 'variable-declaration', name: declaration.name, span: nameSpan(analysis.text, node), declaration };
  }
  return undefined;
}

function referenceAt(analysis: Analysis, offset: number): SymbolAt | undefined {
  const reference = analysis.references.referenceAt(offset);
  return reference ? { kind: 'reference', span: nameSpan(analysis.text, reference.node), reference } : undefined;
}

/** A resource's identity value (`name`, `path`, …), or the `name` of one of a connector's operations. */
function resourceAt(analysis: Analysis, offset: number): SymbolAt | undefined {
  const resources = analysis.model.resources;
  let lo = 0;
  let hi = resources.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (resources[mid].node.end < offset) lo = mid + 1;
    else hi = mid;
  }
  const resource = resources[lo];
  if (!resource || offset < resource.node.start || resource.identity === undefined) return undefined;
  const id = resource.identityNode;
  if (id !== resource.node && offset >= id.start && offset <= id.end) return { kind: 'resource', span: nameSpan(analysis.text, id), resource };
  if (resource.section !== 'connectors') return undefined;
  for (const [operation, node] of analysis.references.operations(resource.identity) ?? []) {
    if (offset >= node.start && offset <= node.end) return { kind: 'resource', span: nameSpan(analysis.text, node), resource, operation };
  }
  return undefined;
}

/** The name inside a (possibly quoted) scalar: rename replaces this, not the quotes. */
export function nameSpan(text: string, node: Span): Span {
  const c = text[node.start];
  if ((c === '"' || c === "'") && node.end - node.start >= 2 && text[node.end - 1] === c) return { start: node.start + 1, end: node.end - 1 };
  return { start: node.start, end: node.end };
}
