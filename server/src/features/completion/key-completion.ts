/**
 * Keys the schema allows at the cursor's mapping, minus those already there, each with its
 * description; choosing one inserts `key: ` and a placeholder fitting the value (a choice for
 * enums and booleans, the default, or an indented block for mappings and lists).
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../../core/analyze';
import { SKIPPED_SECTION_LABEL, SKIPPED_SECTIONS, type SectionName } from '../../core/model/sections';
import { describe, typeLabel } from '../../core/schema/describe-schema';
import { deref, laxKindOf, propertiesOf, schemaAt, typesOf } from '../../core/schema/schema-lookup';
import type { JsonSchema } from '../../core/schema/schema-types';
import { toRange } from '../ranges';
import { yamlScalar, type Layout } from '../yaml-layout';
import type { KeyPosition } from './cursor-context';
import { choice, escapeSnippet } from './yaml-snippet';

export function keyCompletions(analysis: Analysis, position: KeyPosition, layout: Layout): CompletionItem[] {
  if (position.itemColumn) return [];
  const schema = schemaAt(position.path);
  // An untyped schema that names properties (a JSON Schema's keywords) is a mapping too.
  const types = schema ? typesOf(schema) : [];
  if (!schema || !(types.includes('object') || (types.length === 0 && Object.keys(propertiesOf(schema)).length > 0))) return [];
  const required = new Set(deref(schema).required ?? []);
  const range = toRange(analysis.lines, position.range);
  const lead = position.needsSpace ? ' ' : '';
  const items: CompletionItem[] = [];
  const inSpec = position.path.length === 1 && position.path[0] === 'spec';
  Object.entries(propertiesOf(schema)).forEach(([name, property], index) => {
    if (position.siblings.has(name)) return;
    const newText = lead + escapeSnippet(name) + (position.hasColon ? '' : ':' + valuePlaceholder(property, position.column, layout));
    // Sections an install skips are valid YAML but install nothing: last, saying so.
    const skipped = inSpec && SKIPPED_SECTIONS.includes(name as SectionName);
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: skipped ? `skipped on install: create ${SKIPPED_SECTION_LABEL[name as SectionName]} on the instance` : typeLabel(property) + (required.has(name) ? ' · required' : ''),
      documentation: { kind: MarkupKind.Markdown, value: describe(property) },
      // Required keys first, then the schema's own order (which follows the backend's models).
      sortText: `1${skipped ? 9 : required.has(name) ? 0 : 1}${String(index).padStart(3, '0')}`,
      filterText: name,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range, newText },
    });
  });
  return items;
}

/** What follows `key:` in the inserted snippet. */
function valuePlaceholder(property: JsonSchema, column: number, layout: Layout): string {
  const schema = deref(property);
  const lax = laxKindOf(schema);
  const types = typesOf(schema).filter((t) => t !== 'null');
  const values = schema.enum?.filter((v) => v !== null) ?? (schema.const !== undefined ? [schema.const] : undefined);
  const withDefaultFirst = (list: readonly unknown[]) => [...list].sort((a, b) => Number(b === schema.default) - Number(a === schema.default));
  if (values?.length) return ' ' + choice(1, withDefaultFirst(values).map(yamlScalar));
  if (lax === 'LaxBool' || lax === 'LaxBoolOrNull' || (types.length === 1 && types[0] === 'boolean')) {
    return ' ' + choice(1, withDefaultFirst([true, false]).map(String));
  }
  if (!lax && types.length === 1 && types[0] === 'object') return '\n' + ' '.repeat(column + layout.unit) + '$1';
  if (!lax && types.length === 1 && types[0] === 'array') return '\n' + ' '.repeat(column + layout.dashIndent) + '-' + ' '.repeat(layout.itemIndent - 1) + '$1';
  const fallback = schema.default;
  if (fallback !== undefined && fallback !== null && typeof fallback !== 'object') return ` \${1:${escapeSnippet(yamlScalar(fallback))}}`;
  return ' $1';
}
