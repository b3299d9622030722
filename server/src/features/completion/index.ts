/**
 * getCompletions(analysis, position): what may be typed at the cursor. Inside `${{ … }}` only
 * variables make sense; elsewhere the cursor's YAML position (read from the text, see
 * cursor-context.ts) decides between keys, values, references and new-item snippets.
 */
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../../core/analyze';
import { TextLines } from '../yaml-lines';
import { cursorPositions } from './cursor-context';
import { expressionSlot, variableCompletions } from './expression-completion';

export function getCompletions(analysis: Analysis, position: Position): CompletionList {
  const items: CompletionItem[] = [];
  if (analysis.isSinasPackage) {
    const { lines, text } = analysis;
    const line = Math.min(position.line, lines.lineCount - 1);
    const base = lines.lineStart(line);
    const column = lines.offsetAt({ line, character: position.character }) - base;
    const lineText = text.slice(base, lines.lineEnd(line));
    const slot = expressionSlot(lineText, column, base);
    if (slot) items.push(...variableCompletions(analysis, slot));
    else {
      const textLines = new TextLines(text, lines);
      for (const at of cursorPositions(textLines, line, column)) void at; // schema-driven completers plug in here
    }
  }
  return { isIncomplete: false, items };
}
