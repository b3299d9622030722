/**
 * "Change to …" for any finding whose payload carries a `replacement` (did-you-mean names, a
 * corrected expression, a qualified reference). Variable findings are re-found in the live text;
 * for other codes the replacement applies to the diagnostic's range.
 */
import type { Span } from '../../../core/text/span';
import { expressionAt, nameSpan, variableUseAt } from '../../symbol-at';
import { quickFix, replaceSpan } from '../edits';
import type { QuickFix, QuickFixContext } from '../types';

export const changeTo: QuickFix = {
  codes: '*',
  accepts: (data) => typeof data.replacement === 'string' && data.replacement !== '',
  provide(context) {
    const replacement = context.data.replacement as string;
    const span = liveSpan(context);
    if (!span || context.analysis.text.slice(span.start, span.end) === replacement) return [];
    const edit = replaceSpan(context.analysis.lines, span, replacement);
    return [quickFix(`Change to \`${replacement}\``, context.diagnostic, context.uri, [edit], true)];
  },
};

function liveSpan({ analysis, diagnostic, data, offset }: QuickFixContext): Span | undefined {
  switch (diagnostic.code) {
    case 'undeclared-variable': {
      const use = variableUseAt(analysis, offset);
      return use && use.name === data.name ? use.span : undefined;
    }
    case 'malformed-expression':
      return expressionAt(analysis, offset)?.expression.span;
    default: {
      // A quoted value keeps its quotes: the replacement goes inside them.
      const end = analysis.lines.offsetAt(diagnostic.range.end);
      return end > offset ? nameSpan(analysis.text, { start: offset, end }) : undefined;
    }
  }
}
