import type { ScopedRule } from './rule';

/**
 * `${{ vars.NAME }}` whose NAME is not declared. The set of names is complete (it is in this file),
 * so this is an error, pointed at NAME only, with a did-you-mean when a declared name is close.
 */
export const undeclaredVariable: ScopedRule = {
  id: 'undeclared-variable',
  codes: ['undeclared-variable'],
  check(ctx) {
    const byName = ctx.tables.declarations;
    for (const use of ctx.uses) {
      if (ctx.enough()) return;
      const e = use.expression;
      if (e.kind !== 'var' || byName.has(e.name)) continue;
      const suggestion = ctx.tables.declarationIndex().closest(e.name);
      const where = ctx.tables.hasVariablesSection ? 'under `spec.variables`' : 'in a `spec.variables` section';
      ctx.report({
        code: 'undeclared-variable',
        message: suggestion
          ? `Variable \`${e.name}\` is not declared; did you mean \`${suggestion}\`?`
          : `Variable \`${e.name}\` is not declared ${where}.`,
        span: e.nameSpan,
        data: { name: e.name, ...(suggestion ? { replacement: suggestion } : {}) },
      });
    }
  },
};
