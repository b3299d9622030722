import { rememberForItem } from '../model/item-memo';
import type { Resource } from '../model/package-model';
import { findPair } from '../parse/yaml-tree';
import { distributionFor, isProvided, normalizeDistribution, pythonImports, type ImportUse } from '../python/imports';
import { STDLIB_MODULES } from '../python/stdlib';
import { asString, spanInScalar } from './support/scalar';
import type { ScopedRule } from './rule';

/**
 * A function imports a module that is neither in the standard library nor provided by a
 * `spec.dependencies` entry (P26). The executor image has only the standard library plus the
 * declared packages, so the import fails at run time. With other dependencies declared the
 * module may arrive as one of their requirements, so that case is an information only.
 */
export const undeclaredDependency: ScopedRule = {
  id: 'undeclared-dependency',
  codes: ['undeclared-dependency'],
  check(ctx) {
    const fn = ctx.item;
    const { declared, dynamic } = ctx.tables.dependencies;
    // A dependency chosen at install could provide anything.
    if (fn?.section !== 'functions' || dynamic) return;
    const code = asString(findPair(fn.node, 'code')?.value);
    if (!code) return;
    const own = new Set<string>();
    for (const use of externalImports(fn, code.value)) {
      if (own.has(use.module) || isProvided(use.module, declared)) continue;
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
        span: spanInScalar(ctx.text, code, use.index, use.length),
        data: { packageName: dist },
      });
    }
  },
};

/** Non-standard-library imports of one function's code, memoised with its item (positions are in the code's value). */
function externalImports(fn: Resource, source: string): ImportUse[] {
  return rememberForItem(fn, 'imports', () => pythonImports(source).filter((use) => !STDLIB_MODULES.has(use.module)));
}
