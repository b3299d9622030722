/**
 * Keys of an agent's `functionParameters` / `queryParameters`: they must equal an entry of its
 * `enabledFunctions` / `enabledQueries` exactly (Sinas never says when they do not), so offer
 * exactly those entries that have no parameters yet.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../../core/analyze';
import { nodeAtPath } from '../../core/parse/yaml-tree';
import { PARAMETERS_FOR } from '../../core/references';
import { toRange } from '../ranges';
import { yamlScalar, type Layout } from '../yaml-layout';
import type { KeyPosition } from './cursor-context';
import { escapeSnippet } from './yaml-snippet';

export function parameterKeyCompletions(analysis: Analysis, position: KeyPosition, layout: Layout): CompletionItem[] {
  const field = position.path[position.path.length - 1];
  const list = typeof field === 'string' ? PARAMETERS_FOR[field] : undefined;
  if (!list || position.itemColumn) return [];
  const enabled = nodeAtPath(analysis.root, [...position.path.slice(0, -1), list]);
  if (enabled?.kind !== 'seq') return [];
  const range = toRange(analysis.lines, position.range);
  const items: CompletionItem[] = [];
  for (const entry of enabled.items) {
    if (entry.kind !== 'scalar' || typeof entry.value !== 'string' || position.siblings.has(entry.value)) continue;
    const key = yamlScalar(entry.value);
    const value = position.hasColon ? '' : ':\n' + ' '.repeat(position.column + layout.unit) + '${1:param}: ${2:value}';
    items.push({
      label: entry.value,
      kind: CompletionItemKind.Reference,
      detail: `parameters for ${list} entry`,
      sortText: `0${entry.value}`,
      filterText: entry.value,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: (position.needsSpace ? ' ' : '') + escapeSnippet(key) + value },
    });
  }
  return items;
}
