/**
 * getCompletions(analysis, position): what may be typed at the cursor. Inside `${{ … }}` only
 * variables make sense; elsewhere the cursor's YAML position (read from the text, see
 * cursor-context.ts) decides between keys, values, references and new-item snippets. A document
 * that is not a package yet gets the header that makes it one (header-completion.ts).
 */
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../../core/analyze';
import { layoutOf } from '../yaml-layout';
import { TextLines } from '../yaml-lines';
import { cursorPositions } from './cursor-context';
import { expressionSlot, variableCompletions } from './expression-completion';
import { headerCompletions } from './header-completion';
import { instanceCompletions } from './instance-completion';
import { itemSnippetCompletions } from './item-snippets';
import { keyCompletions } from './key-completion';
import { parameterKeyCompletions } from './parameter-key-completion';
import { isNothingToOffer, referenceCompletions } from './reference-completion';
import { parsedBlocks } from './parsed-blocks';
import { valueCompletions } from './value-completion';

export interface CompletionOptions {
  /** The document is named `*.sinas.yaml` / `*.sinas.yml`: a package, even before its header. */
  byFileName?: boolean;
}

export function getCompletions(analysis: Analysis, position: Position, options: CompletionOptions = {}): CompletionList {
  const items: CompletionItem[] = [];
  let isIncomplete = false;
  const { lines, text } = analysis;
  const line = Math.min(position.line, lines.lineCount - 1);
  const base = lines.lineStart(line);
  const column = lines.offsetAt({ line, character: position.character }) - base;
  if (!analysis.isSinasPackage) items.push(...headerCompletions(analysis, line, column, options.byFileName ?? false));
  else {
    const slot = expressionSlot(text.slice(base, lines.lineEnd(line)), column, base);
    if (slot) items.push(...variableCompletions(analysis, slot));
    else {
      const layout = layoutOf(analysis);
      for (const at of cursorPositions(new TextLines(text, lines), line, column, parsedBlocks(analysis, line))) {
        if (at.kind === 'key') {
          items.push(...itemSnippetCompletions(analysis, at, layout), ...keyCompletions(analysis, at, layout), ...parameterKeyCompletions(analysis, at, layout));
        }
        else {
          const own = [...valueCompletions(analysis, at), ...referenceCompletions(analysis, at)];
          const fromInstance = instanceCompletions(analysis, at, own);
          items.push(...(fromInstance.items.length ? own.filter((i) => !isNothingToOffer(i)) : own), ...fromInstance.items);
          isIncomplete ||= fromInstance.incomplete;
        }
      }
    }
  }
  return { isIncomplete, items };
}
