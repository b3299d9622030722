import { KIND_NAME, type SectionName } from '../model/sections';
import type { ScopedRule } from './rule';
import { contentSpan } from './support/scalar';

/**
 * A bare name where the backend needs `ns/name` (P4). Checked fields make the install fail
 * (`Referenced function 'x' not defined`, even for namespace `default`): error. Unchecked ones
 * (hooks, enabledConnectors, component enabledStores) never resolve at run time: warning.
 */
export const referenceNeedsNamespace: ScopedRule = {
  id: 'reference-needs-namespace',
  codes: ['reference-needs-namespace'],
  check(ctx) {
    for (const ref of ctx.references) {
      if (ref.form !== 'qualified' || ref.role !== 'use' || ref.dynamic || ref.text.includes('/') || ref.kind === 'operations') continue;
      const kind = ref.kind as SectionName;
      const sameName = ctx.tables.definitions.named(kind, ref.text);
      const replacement = sameName.length === 1 ? sameName[0].identity! : `default/${ref.text}`;
      const consequence = ref.checked
        ? `Sinas compares it with \`namespace/name\` as written and rejects the install (\`Referenced ${KIND_NAME[kind]} '${ref.text}' not defined\`), even for namespace \`default\``
        : ref.field.startsWith('hooks.')
          ? `Sinas does not check hooks at install and skips a hook whose function is not \`namespace/name\` (\`Invalid hook function reference\`)`
          : `Sinas does not check this field, and a name without a namespace never resolves at run time`;
      ctx.report({
        code: 'reference-needs-namespace',
        severity: ref.checked ? 'error' : 'warning',
        message: `\`${ref.text}\` in \`${ref.field}\` needs a namespace: ${consequence}. Write \`${replacement}\`.`,
        span: contentSpan(ref.node),
        data: { replacement },
      });
    }
  },
};
