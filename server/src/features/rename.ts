/**
 * Renaming a variable: its declaration and every `${{ vars.X }}` use change together. A new name
 * that Sinas would not substitute, or one already declared, is refused with the reason.
 */
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyze';
import { VARIABLE_NAME } from '../core/variables/parse-expression';
import { toRange } from './ranges';
import { variableOccurrences } from './references';
import { symbolAt } from './symbol-at';

export type RenameResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function prepareRename(analysis: Analysis, position: Position): RenameResult<{ range: Range; placeholder: string }> {
  const symbol = analysis.isSinasPackage ? symbolAt(analysis, analysis.lines.offsetAt(position)) : undefined;
  if (symbol?.kind !== 'variable-use' && symbol?.kind !== 'variable-declaration') return { ok: false, error: 'Only install-time variables can be renamed here: place the cursor on `vars.NAME` or on a variable’s `name:`.' };
  return { ok: true, value: { range: toRange(analysis.lines, symbol.span), placeholder: symbol.name } };
}

export function getRenameEdits(analysis: Analysis, position: Position, newName: string, uri: string): RenameResult<WorkspaceEdit> {
  const prepared = prepareRename(analysis, position);
  if (!prepared.ok) return prepared;
  const oldName = prepared.value.placeholder;
  if (!VARIABLE_NAME.test(newName)) {
    return { ok: false, error: `\`${newName}\` is not a valid variable name: use letters, digits and \`_\`, not starting with a digit (Sinas only substitutes \`\${{ vars.NAME }}\` with such names).` };
  }
  if (newName !== oldName && analysis.variables.byName.has(newName)) {
    return { ok: false, error: `A variable named \`${newName}\` is already declared; renaming \`${oldName}\` to it would merge the two.` };
  }
  const edits = variableOccurrences(analysis, oldName, true).map((span) => ({ range: toRange(analysis.lines, span), newText: newName }));
  return { ok: true, value: { changes: { [uri]: edits } } };
}
