/**
 * unused-variable → "Remove unused variable `X`": deletes the declaration's whole list item. The
 * last item leaves `variables: []` behind, since a section set to null is rejected by Sinas.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../../../core/analyze';
import type { VariableDeclaration } from '../../../core/variables/variable-table';
import { declarationAt } from '../../symbol-at';
import { quickFix, replaceSpan } from '../edits';
import { wholeLines } from '../../yaml-layout';
import type { QuickFix } from '../types';

export const removeUnusedVariable: QuickFix = {
  codes: ['unused-variable'],
  provide({ analysis, uri, diagnostic, data, offset }) {
    const at = declarationAt(analysis, offset);
    const declaration =
      at?.kind === 'variable-declaration' && (data.name === undefined || at.name === data.name)
        ? at.declaration
        : analysis.variables.declarations.find((d) => d.name === data.name);
    if (!declaration || analysis.variables.usesByName.has(declaration.name)) return [];
    const edit = removalEdit(analysis, declaration);
    return edit ? [quickFix(`Remove unused variable \`${declaration.name}\``, diagnostic, uri, [edit], true)] : [];
  },
};

function removalEdit(analysis: Analysis, declaration: VariableDeclaration): TextEdit | undefined {
  const pair = analysis.model.sections.get('variables')?.pair;
  const seq = pair?.value;
  if (!pair?.key || seq?.kind !== 'seq') return undefined;
  const index = seq.items.indexOf(declaration.node);
  if (index === -1) return undefined;
  const { lines } = analysis;
  if (seq.items.length === 1) {
    return seq.flow ? replaceSpan(lines, seq, '[]') : replaceSpan(lines, { start: pair.key.end, end: seq.end }, ': []');
  }
  if (seq.flow) {
    // Take the item with the comma that joins it to its neighbour.
    const span =
      index + 1 < seq.items.length
        ? { start: declaration.node.start, end: seq.items[index + 1].start }
        : { start: seq.items[index - 1].end, end: declaration.node.end };
    return replaceSpan(lines, span, '');
  }
  const dash = analysis.text.lastIndexOf('-', declaration.node.start);
  return replaceSpan(lines, wholeLines(analysis, { start: dash >= 0 ? dash : declaration.node.start, end: declaration.node.end }), '');
}
