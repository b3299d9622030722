/**
 * Values the schema allows at the cursor: enum members (with their descriptions), consts and
 * booleans; failing those, the schema's `examples` (e.g. the built-in system tool names).
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../../core/analyze';
import { deref, laxKindOf, schemaAt, typesOf } from '../../core/schema/schema-lookup';
import { toRange } from '../ranges';
import type { ValuePosition } from './cursor-context';
import { yamlScalar } from '../yaml-layout';

export function valueCompletions(analysis: Analysis, position: ValuePosition): CompletionItem[] {
  const found = schemaAt(position.path);
  if (!found) return [];
  const schema = deref(found);
  const lax = laxKindOf(schema);
  let values: unknown[] | undefined = schema.enum?.filter((v) => v !== null) ?? (schema.const !== undefined ? [schema.const] : undefined);
  if (!values && (lax === 'LaxBool' || lax === 'LaxBoolOrNull' || typesOf(schema).every((t) => t === 'boolean' || t === 'null'))) {
    values = typesOf(schema).includes('boolean') || lax ? [true, false] : undefined;
  }
  const examples = !values?.length ? schema.examples?.filter((v) => typeof v === 'string' || typeof v === 'number') : undefined;
  if (examples?.length) values = examples;
  if (!values?.length) return [];
  const range = toRange(analysis.lines, position.range);
  const lead = position.needsSpace ? ' ' : '';
  return values.map((value, i) => {
    const isDefault = value === schema.default;
    const description = schema.enum ? schema.enumDescriptions?.[schema.enum.indexOf(value)] : undefined;
    const item: CompletionItem = {
      label: String(value),
      kind: typeof value === 'boolean' ? CompletionItemKind.Value : CompletionItemKind.EnumMember,
      sortText: `2${isDefault ? 0 : 1}${String(i).padStart(3, '0')}`,
      textEdit: { range, newText: lead + (position.quoted ? String(value) : yamlScalar(value)) },
    };
    if (isDefault) item.detail = 'default';
    else if (examples) item.detail = 'example';
    if (description) item.documentation = { kind: MarkupKind.Markdown, value: description };
    return item;
  });
}
