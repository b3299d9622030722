/**
 * undeclared-variable → "Declare variable `X`": appends a declaration to `spec.variables`
 * (creating the section, or `spec`, when missing) with a type inferred from the use, laid out
 * like the rest of the file.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../../../core/analyze';
import { findPair, type YPair } from '../../../core/parse/yaml-tree';
import { VARIABLE_NAME } from '../../../core/variables/parse-expression';
import { variableUseAt } from '../../symbol-at';
import { quickFix, replaceSpan } from '../edits';
import { inferVariableType } from '../infer-variable-type';
import { blockItem, layoutOf, yamlScalar } from '../../yaml-layout';
import type { QuickFix } from '../types';

export const declareVariable: QuickFix = {
  codes: ['undeclared-variable'],
  provide({ analysis, uri, diagnostic, data, offset }) {
    const live = variableUseAt(analysis, offset);
    const name = typeof data.name === 'string' ? data.name : live?.name;
    // Stale diagnostic: the name is declared by now, or no longer used.
    if (!name || !VARIABLE_NAME.test(name) || analysis.variables.byName.has(name) || !analysis.variables.usesByName.has(name)) return [];
    const use = live?.kind === 'variable-use' && live.name === name ? live.use : analysis.variables.usesByName.get(name)?.[0];
    const inferred = inferVariableType(name, use);
    const entries: [string, string][] = [
      ['name', name],
      ['type', inferred.type],
    ];
    if (inferred.resource) entries.push(['resource', inferred.resource]);
    if (inferred.choices) entries.push(['choices', `[${inferred.choices.map(yamlScalar).join(', ')}]`]);
    const edit = declarationEdit(analysis, entries);
    return edit ? [quickFix(`Declare variable \`${name}\``, diagnostic, uri, [edit], !data.replacement)] : [];
  },
};

function declarationEdit(analysis: Analysis, entries: [string, string][]): TextEdit | undefined {
  const { lines, text, model } = analysis;
  const layout = layoutOf(analysis);
  const column = (offset: number) => lines.positionAt(offset).character;
  const section = model.sections.get('variables');

  if (section) {
    const seq = section.pair.value;
    const keyColumn = column(section.pair.key?.start ?? section.pair.start);
    if (seq?.kind === 'seq' && !seq.flow && seq.items.length) {
      // After the last item, with its dash and key columns.
      const last = seq.items[seq.items.length - 1];
      const dash = text.lastIndexOf('-', last.start);
      const dashColumn = dash >= 0 ? column(dash) : keyColumn + layout.dashIndent;
      const itemIndent = dash >= 0 ? Math.max(2, column(last.start) - dashColumn) : layout.itemIndent;
      const at = lines.lineEnd(lines.lineOf(last.end));
      return replaceSpan(lines, { start: at, end: at }, '\n' + blockItem(entries, dashColumn, itemIndent));
    }
    if (seq?.kind === 'seq' && seq.flow && seq.items.length) {
      const close = seq.end - 1;
      const flow = entries.map(([k, v]) => `${k}: ${v}`).join(', ');
      return replaceSpan(lines, { start: close, end: close }, `, { ${flow} }`);
    }
    // `variables:`, `variables: []` or `variables: null`: give it a block sequence.
    return replaceValue(analysis, section.pair, '\n' + blockItem(entries, keyColumn + layout.dashIndent, layout.itemIndent));
  }

  const specPair = model.root ? findPair(model.root, 'spec') : undefined;
  const sectionText = (keyColumn: number) => ' '.repeat(keyColumn) + 'variables:\n' + blockItem(entries, keyColumn + layout.dashIndent, layout.itemIndent);
  const spec = specPair?.value;
  if (specPair && spec?.kind === 'map' && !spec.flow && spec.pairs.length) {
    // First in `spec`, where packages conventionally declare their variables.
    const first = spec.pairs[0];
    const at = lines.lineStart(lines.lineOf(first.start));
    return replaceSpan(lines, { start: at, end: at }, sectionText(column(first.start)) + '\n');
  }
  if (specPair && (!spec || (spec.kind === 'map' && spec.pairs.length === 0) || spec.kind === 'scalar')) {
    return replaceValue(analysis, specPair, '\n' + sectionText(column(specPair.start) + layout.unit));
  }
  if (specPair) return undefined; // a flow `spec: {…}` with content: leave it to the user
  const end = text.length;
  const prefix = end > 0 && text[end - 1] !== '\n' ? '\n' : '';
  return replaceSpan(lines, { start: end, end }, `${prefix}spec:\n${sectionText(layout.unit)}\n`);
}

/** Replaces what follows `key:` (nothing, `[]`, `{}`, `null`) with `block`. */
function replaceValue(analysis: Analysis, pair: YPair, block: string): TextEdit | undefined {
  const key = pair.key;
  if (!key) return undefined;
  const colon = analysis.text.indexOf(':', key.end);
  if (colon === -1) return undefined;
  const end = Math.max(colon + 1, pair.value?.end ?? 0);
  return replaceSpan(analysis.lines, { start: key.end, end }, ':' + block);
}
