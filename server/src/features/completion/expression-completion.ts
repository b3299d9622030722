/**
 * Completion inside `${{ … }}` (and right after a `$` or `${` that starts one): the declared
 * variables, replacing the partly typed name and adding the closing `}}` when it is missing.
 * Works on the line's text alone, so it answers even when the YAML around it is broken.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../../core/analyze';
import type { Span } from '../../core/text/span';
import { toRange } from '../ranges';
import { variableDetail, variableMarkdown } from '../variable-docs';

interface ExpressionSlot {
  /** The text replaced by a chosen item. */
  range: Span;
  /** Text before the name: `vars.` when not typed yet, plus a space or `${{ ` when needed. */
  prefix: string;
  /** Text after the name: ` }}` when the expression is not closed. */
  suffix: string;
}

const NAME_CHARS = /^[A-Za-z0-9_]*/;

/** Where a variable name would go if the cursor is in (or starting) an expression; undefined otherwise. */
export function expressionSlot(line: string, column: number, base: number): ExpressionSlot | undefined {
  const before = line.slice(0, column);
  const after = line.slice(column);
  const open = before.lastIndexOf('${{');
  if (open !== -1 && before.indexOf('}}', open + 3) === -1) {
    const inner = before.slice(open + 3);
    const nameEnd = column + NAME_CHARS.exec(after)![0].length;
    const closing = /^(\s*)}}/.exec(line.slice(nameEnd));
    const suffix = closing ? (closing[1] ? '' : ' ') : ' }}';
    const qualified = /^(\s*)vars\.([A-Za-z0-9_]*)$/.exec(inner);
    if (qualified) {
      const start = column - qualified[2].length;
      return { range: { start: base + start, end: base + nameEnd }, prefix: '', suffix };
    }
    const bare = /^(\s*)([A-Za-z_]*)$/.exec(inner);
    if (bare && ('vars'.startsWith(bare[2]) || bare[2] === '')) {
      const start = open + 3 + bare[1].length;
      const end = column + /^[A-Za-z0-9_.]*/.exec(after)![0].length;
      return { range: { start: base + start, end: base + end }, prefix: (bare[1] ? '' : ' ') + 'vars.', suffix };
    }
    return undefined;
  }
  // `$` or `${` just typed (an editor may have auto-closed the brace: `${}`).
  const dollar = /\$\{?$/.exec(before);
  if (dollar && !before.endsWith('$$')) {
    const start = column - dollar[0].length;
    const end = dollar[0] === '${' && after.startsWith('}') ? column + 1 : column;
    return { range: { start: base + start, end: base + end }, prefix: '${{ vars.', suffix: ' }}' };
  }
  return undefined;
}

export function variableCompletions(analysis: Analysis, slot: ExpressionSlot): CompletionItem[] {
  const range = toRange(analysis.lines, slot.range);
  return [...analysis.variables.byName.values()].map((d, i) => {
    const newText = slot.prefix + d.name + slot.suffix;
    return {
      label: d.name,
      kind: CompletionItemKind.Variable,
      detail: variableDetail(d),
      documentation: { kind: MarkupKind.Markdown, value: variableMarkdown(analysis, d) },
      sortText: String(i).padStart(5, '0'),
      // The client filters on the text in the range, so the filter text must start like it.
      filterText: (slot.prefix + d.name).trimStart(),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText },
    };
  });
}
