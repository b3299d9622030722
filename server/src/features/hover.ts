/**
 * getHover(analysis, position): on `${{ vars.X }}` the declaration; on a declaration's name how
 * often it is used; on a reference the resource it names; on a resource's identity its summary;
 * on a key the schema's description, type, default and allowed values.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyze';
import { KIND_NAME } from '../core/model/sections';
import { locate } from '../core/parse/yaml-tree';
import type { Reference, ReferenceForm } from '../core/references';
import { describe } from '../core/schema/describe-schema';
import { schemaAt } from '../core/schema/schema-lookup';
import type { Span } from '../core/text/span';
import { instanceReferenceMarkdown } from './instance-docs';
import { toRange } from './ranges';
import { resourceMarkdown } from './resource-docs';
import { symbolAt } from './symbol-at';
import { usesLabel, variableMarkdown } from './variable-docs';

const MAX_LISTED_LINES = 10;

export function getHover(analysis: Analysis, position: Position): Hover | null {
  if (!analysis.isSinasPackage) return null;
  const offset = analysis.lines.offsetAt(position);
  const symbol = symbolAt(analysis, offset);
  if (!symbol) return keyHover(analysis, offset);
  let value: string;
  switch (symbol.kind) {
    case 'variable-use':
      value = symbol.declaration
        ? variableMarkdown(analysis, symbol.declaration)
        : `**\`${symbol.name}\`** is not declared; add it under \`spec.variables\` so installers are asked for it.`;
      break;
    case 'variable-declaration':
      value = usesMarkdown(analysis, symbol.name);
      break;
    case 'reference':
      value = referenceMarkdown(analysis, symbol.reference);
      break;
    case 'resource':
      value = resourceMarkdown(analysis, symbol.resource, symbol.operation);
      break;
  }
  return markdown(analysis, value, symbol.span);
}

function markdown(analysis: Analysis, value: string, span: Span): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(analysis.lines, span) };
}

function usesMarkdown(analysis: Analysis, name: string): string {
  const uses = analysis.variables.usesByName.get(name) ?? [];
  const lines = [...new Set(uses.map((u) => analysis.lines.lineOf(u.expression.span.start) + 1))];
  const listed = lines.slice(0, MAX_LISTED_LINES).join(', ') + (lines.length > MAX_LISTED_LINES ? ', …' : '');
  return `**\`${name}\`** is ${usesLabel(uses.length)}${uses.length ? ` (line${lines.length > 1 ? 's' : ''} ${listed})` : ''}.`;
}

const FORM: Record<ReferenceForm, string> = {
  qualified: 'written `namespace/name`, even in `default`',
  bare: 'written as a bare name of a function in namespace `default`',
  either: 'written `namespace/name`, or a bare name meaning `default/<name>`',
  name: 'the name of one that exists where the package is installed',
  operation: 'the name of one of the connector’s operations',
};

function referenceMarkdown(analysis: Analysis, reference: Reference): string {
  const definition = analysis.references.resolve(reference);
  if (definition) return resourceMarkdown(analysis, definition.resource, reference.kind === 'operations' ? reference.target : undefined);
  const onInstance = instanceReferenceMarkdown(analysis, reference);
  if (onInstance) return onInstance;
  const kind = reference.kind === 'operations' ? 'operation' : KIND_NAME[reference.kind];
  const expected = `A ${kind} reference, ${FORM[reference.form]}.`;
  if (reference.dynamic) return `${expected}\n\nIts value is only known after install-time substitution.`;
  if (reference.target === undefined) return expected;
  const checked = reference.checked ? 'Sinas checks at install that it exists on the instance.' : 'Sinas does not check it at install.';
  return `${expected}\n\nNo ${kind} \`${reference.target}\` is defined in this file. ${checked}`;
}

/** On a key: what the schema says about that field. */
function keyHover(analysis: Analysis, offset: number): Hover | null {
  const location = locate(analysis.root, offset);
  if (!location.onKey || !location.node) return null;
  const schema = schemaAt(location.path);
  return schema ? markdown(analysis, `**${location.path[location.path.length - 1]}**\n\n${describe(schema)}`, location.node) : null;
}
