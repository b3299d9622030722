import type { DocumentRule } from './rule';

/** A declared variable nobody uses: the installer would still be prompted for it. */
export const unusedVariable: DocumentRule = {
  id: 'unused-variable',
  codes: ['unused-variable'],
  check(ctx) {
    const { declarations, usedNames } = ctx.variables;
    for (const d of declarations) {
      if (usedNames.has(d.name)) continue;
      ctx.report({
        code: 'unused-variable',
        message: `Variable \`${d.name}\` is declared but never used as \`\${{ vars.${d.name} }}\`; installers would still be asked for it.`,
        span: d.nameNode,
        tags: ['unnecessary'],
        data: { name: d.name },
      });
    }
  },
};
