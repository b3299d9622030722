import { documentSpan } from '../embedded/embedded-text';
import { distributionFor, isProvided, normalizeDistribution } from '../embedded/python/distributions';
import { functionCode } from '../embedded/python/function-code';
import { STDLIB_MODULES } from '../embedded/python/stdlib';
import type { ScopedRule } from './rule';

/**
 * A function imports a module that is neither in the standard library nor provided by a
 * `spec.dependencies` entry (P26). The executor image has only the standard library plus the
 * declared packages, so the import fails at run time. With other dependencies declared the
 * module may arrive as one of their requirements, so that case is an information only.
 * Imports come from the parse tree: not those in strings, comments or try statements.
 */
export const undeclaredDependency: ScopedRule = {
  id: 'undeclared-dependency',
  codes: ['undeclared-dependency'],
  check(ctx) {
    const fn = ctx.item;
    const { declared, dynamic } = ctx.tables.dependencies;
    // A dependency chosen at install could provide anything.
    if (fn?.section !== 'functions' || dynamic) return;
    const code = functionCode(fn);
    if (!code) return;
    const own = new Set<string>();
    for (const use of code.facts.imports) {
      if (STDLIB_MODULES.has(use.module) || own.has(use.module) || isProvided(use.module, declared)) continue;
      // A module name written with `${{ … }}` is only known at install.
      if (code.text.placeholders.some((p) => p.start < use.index + use.length && p.end > use.index)) continue;
      own.add(use.module);
      const dist = distributionFor(use.module);
      const known = dist !== normalizeDistribution(use.module) ? ` (from \`${dist}\`)` : '';
      ctx.report({
        code: 'undeclared-dependency',
        severity: declared.size > 0 ? 'info' : undefined,
        message:
          `\`${use.module}\`${known} is not in the standard library and no \`spec.dependencies\` entry provides it; ` +
          (declared.size > 0
            ? 'the import fails at run time unless one of the declared packages pulls it in. Declare it to be sure.'
            : 'Sinas functions run with the standard library only, so the import fails at run time.') +
          ` Add \`- packageName: ${dist}\` under \`spec.dependencies\`.`,
        span: documentSpan(ctx.text, code.text, use.index, use.index + use.length),
        data: { packageName: dist },
      });
    }
  },
};
