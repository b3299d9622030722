import type { ScopedRule } from './rule';

/**
 * `${{ vars.NAME }}` whose NAME is not declared. The set of names is complete (it is in this file),
 * so this is an error, pointed at NAME only, with a did-you-mean when a declared name is close
 * (looked for only when the finding is shown).
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
      const name = e.name;
      const where = ctx.tables.hasVariablesSection ? 'under `spec.variables`' : 'in a `spec.variables` section';
      const message = `Variable \`${name}\` is not declared ${where}.`;
      ctx.report({
        code: 'undeclared-variable',
        message,
        span: e.nameSpan,
        data: { name },
        // The suggestion is looked for only if this finding is shown: a file can hold thousands.
        describe: (lookups) => {
          const suggestion = lookups.closestVariable(name);
          return suggestion ? { message: `Variable \`${name}\` is not declared; did you mean \`${suggestion}\`?`, data: { name, replacement: suggestion } } : { message, data: { name } };
        },
      });
    }
  },
};
