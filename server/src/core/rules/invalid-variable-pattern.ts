import { getValue } from '../parse/yaml-tree';
import { asString } from './support/scalar';
import type { ItemRule } from './rule';

export type PatternCheck = { ok: true; regex?: RegExp } | { ok: false; reason: string };

/**
 * Compiles a Python `re` pattern in JavaScript, translating the syntax that differs. Constructs
 * JavaScript cannot check (verbose mode, scoped flags, atomic groups) are accepted unchecked.
 */
export function compilePythonPattern(pattern: string): PatternCheck {
  if (/\(\?<(?![=!])/.test(pattern)) return { ok: false, reason: 'Python writes named groups `(?P<name>…)`; `(?<name>…)` is an error in Python\'s `re`' };
  let source = pattern;
  let flags = '';
  const leading = /^\(\?([aiLmsux]+)\)/.exec(source);
  if (leading) {
    if (/[xL]/.test(leading[1])) return { ok: true };
    flags = [...new Set(leading[1].replace(/[au]/g, ''))].join('');
    source = source.slice(leading[0].length);
  }
  if (/\(\?[aiLmsux-]+:|\(\?>|[*+?}][+]/.test(source)) return { ok: true };
  source = source
    .replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_]\w*)\)/g, '\\k<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\Z/g, '$');
  try {
    return { ok: true, regex: new RegExp(source, flags) };
  } catch (error) {
    return { ok: false, reason: (error instanceof Error ? error.message : String(error)).replace(/^Invalid regular expression: /, '') };
  }
}

/** A variable's `pattern` must be a valid regular expression (the installer's answer is checked with it). */
export const invalidVariablePattern: ItemRule = {
  id: 'invalid-variable-pattern',
  codes: ['invalid-variable-pattern'],
  sections: ['variables'],
  check(ctx) {
    const node = asString(getValue(ctx.item.node, 'pattern'));
    if (!node) return;
    const result = compilePythonPattern(node.value);
    if (result.ok) return;
    ctx.report({
      code: 'invalid-variable-pattern',
      message: `This \`pattern\` is not a valid regular expression (${result.reason}); installing would fail when the value is checked.`,
      span: node,
    });
  },
};
