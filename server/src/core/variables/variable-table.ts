/**
 * Install-time variables: the declarations under `spec.variables` and every `${{ … }}` use in the
 * document. Built once per version and shared by rules, completion, hover, rename and the client's
 * install prompt. Uses are found by scanning the raw text (that is what the server substitutes),
 * keeping only those inside a key or value: an expression in a comment is not a use.
 */
import type { Section } from '../model/package-model';
import { getValue, locate, stringValue, type NodePath, type YNode } from '../parse/yaml-tree';
import type { Span } from '../text/span';
import { expressionScan, parseExpression, type Expression } from './parse-expression';

export type VariableType = 'text' | 'boolean' | 'enum' | 'resource_ref' | 'secret';

export interface VariableDeclaration {
  name: string;
  /** The item under `spec.variables`. */
  node: YNode;
  /** The value node of `name:` (for definition, rename, diagnostics). */
  nameNode: YNode;
  type?: string;
  required: boolean;
  default?: unknown;
  defaultNode?: YNode;
  choices?: unknown[];
  pattern?: string;
  resource?: string;
  description?: string;
  example?: unknown;
}

export interface ExpressionUse {
  expression: Expression;
  /** The scalar (value or key) holding the expression. */
  scalar: YNode;
  path: NodePath;
  onKey: boolean;
  /** True when the scalar's whole value is this one expression (its type then comes from the variable). */
  whole: boolean;
}

export interface VariableTable {
  declarations: VariableDeclaration[];
  byName: Map<string, VariableDeclaration>;
  uses: ExpressionUse[];
  usesByName: Map<string, ExpressionUse[]>;
}

export function buildVariableTable(text: string, root: YNode | null, variables: Section | undefined): VariableTable {
  const declarations = collectDeclarations(variables);
  const byName = new Map<string, VariableDeclaration>();
  for (const d of declarations) if (!byName.has(d.name)) byName.set(d.name, d);
  const uses = scanUses(text, root);
  const usesByName = new Map<string, ExpressionUse[]>();
  for (const use of uses) {
    const name = use.expression.kind === 'var' ? use.expression.name : use.expression.name;
    if (!name) continue;
    const list = usesByName.get(name);
    if (list) list.push(use);
    else usesByName.set(name, [use]);
  }
  return { declarations, byName, uses, usesByName };
}

function collectDeclarations(variables: Section | undefined): VariableDeclaration[] {
  const out: VariableDeclaration[] = [];
  for (const item of variables?.items ?? []) {
    const node = item.node;
    const nameNode = getValue(node, 'name');
    const name = stringValue(nameNode);
    if (!nameNode || name === undefined) continue;
    const scalar = (key: string) => {
      const v = getValue(node, key);
      return v && v.kind === 'scalar' ? v.value : undefined;
    };
    const choicesNode = getValue(node, 'choices');
    const defaultNode = getValue(node, 'default') ?? undefined;
    const required = scalar('required');
    out.push({
      name,
      node,
      nameNode,
      type: stringValue(getValue(node, 'type')),
      required: required === true || (typeof required === 'string' && /^(true|yes|on|1|y|t)$/i.test(required)),
      default: defaultNode && defaultNode.kind === 'scalar' ? defaultNode.value : undefined,
      defaultNode,
      choices: choicesNode?.kind === 'seq' ? choicesNode.items.map((c) => (c.kind === 'scalar' ? c.value : undefined)) : undefined,
      pattern: stringValue(getValue(node, 'pattern')),
      resource: stringValue(getValue(node, 'resource')),
      description: stringValue(getValue(node, 'description')),
      example: scalar('example'),
    });
  }
  return out;
}

function scanUses(text: string, root: YNode | null): ExpressionUse[] {
  const uses: ExpressionUse[] = [];
  if (!root) return uses;
  const scan = expressionScan(text);
  let shared: ReturnType<typeof locate> | undefined;
  for (let at = text.indexOf('${{'); at !== -1; at = text.indexOf('${{', at + 3)) {
    // Uses in one scalar share its location (a long line can hold a hundred thousand).
    const previous = shared?.node;
    const location = previous && previous.kind === 'scalar' && at >= previous.start && at < previous.end ? shared! : (shared = locate(root, at));
    const scalar = location.node;
    if (!scalar || scalar.kind !== 'scalar' || at < scalar.start || at >= scalar.end) continue;
    const expression = parseExpression(text, at, contentEnd(text, scalar), scan);
    const whole = expression.span.start === contentStart(text, scalar) && expression.span.end === contentEnd(text, scalar);
    uses.push({ expression, scalar, path: location.path, onKey: location.onKey, whole });
  }
  return uses;
}

/** Where a scalar's content starts, inside quotes. */
function contentStart(text: string, scalar: Span & { style?: string }): number {
  const c = text[scalar.start];
  return c === '"' || c === "'" ? scalar.start + 1 : scalar.start;
}

function contentEnd(text: string, scalar: Span): number {
  const c = text[scalar.end - 1];
  return (c === '"' || c === "'") && scalar.end - 1 > scalar.start ? scalar.end - 1 : scalar.end;
}
