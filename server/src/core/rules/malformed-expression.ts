import type { ScopedRule } from './rule';

/** Every `${{ … }}` that is not exactly `${{ vars.NAME }}`: Sinas would install it as literal text. */
export const malformedExpression: ScopedRule = {
  id: 'malformed-expression',
  codes: ['malformed-expression'],
  check(ctx) {
    for (const use of ctx.uses) {
      if (ctx.enough()) return;
      const e = use.expression;
      if (e.kind !== 'malformed') continue;
      ctx.report({
        code: 'malformed-expression',
        message: e.reason,
        span: e.span,
        data: e.replacement ? { replacement: e.replacement } : undefined,
      });
    }
  },
};
