/**
 * New list items from the schema's `defaultSnippets` (a new agent, function, operation…): after a
 * `- ` on an otherwise empty item, or at the column of a list's dashes (then with its own `- `).
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../../core/analyze';
import { nodeAtPath, type NodePath } from '../../core/parse/yaml-tree';
import { deref, schemaAt } from '../../core/schema/schema-lookup';
import { toRange } from '../ranges';
import type { Layout } from '../yaml-layout';
import type { KeyPosition } from './cursor-context';
import { withReferenceChoices } from './snippet-references';
import { renderBody } from './yaml-snippet';

export function itemSnippetCompletions(analysis: Analysis, position: KeyPosition, layout: Layout): CompletionItem[] {
  let listPath = position.path;
  let column = position.column;
  let prefix = position.needsSpace ? ' ' : '';
  // Where the new item will be: after the last one (a new `- `), or the empty item being typed.
  let itemPath: NodePath;
  if (position.itemColumn) {
    column += layout.itemIndent;
    prefix = '-' + ' '.repeat(layout.itemIndent - 1);
    const list = nodeAtPath(analysis.root, listPath);
    itemPath = [...listPath, list?.kind === 'seq' ? list.items.length : 0];
  } else if (position.afterDash && position.siblings.size === 0 && typeof listPath[listPath.length - 1] === 'number') {
    itemPath = listPath;
    listPath = listPath.slice(0, -1);
  } else return [];
  const itemSchema = schemaAt([...listPath, 0]);
  const snippets = itemSchema ? (deref(itemSchema).defaultSnippets ?? []) : [];
  const range = toRange(analysis.lines, position.range);
  return snippets.map((snippet, i) => {
    const body = snippet.bodyText ?? renderBody(withReferenceChoices(analysis, itemPath, snippet.body), column, layout);
    const label = snippet.label ?? 'new item';
    return {
      label,
      kind: CompletionItemKind.Snippet,
      detail: snippet.description,
      documentation: { kind: MarkupKind.Markdown, value: '```yaml\n' + preview(prefix + body) + '\n```' },
      sortText: `0${String(i).padStart(3, '0')}`,
      filterText: label,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range, newText: prefix + body },
    };
  });
}

/** The snippet as it reads once inserted: placeholders show their default text. */
function preview(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}
