import { KIND_NAME, type SectionName } from '../model/sections';
import type { ScopedRule } from './rule';
import { contentSpan } from './support/scalar';

/**
 * A reference to a resource this package does not define. It may exist on the instance, so this
 * is a warning saying what happens when it does not: checked references make Sinas reject the
 * install, unchecked ones fail when they are used. Infrastructure names (database connections,
 * LLM providers) always live on the instance and are not reported here.
 */
export const unresolvedReference: ScopedRule = {
  id: 'unresolved-reference',
  codes: ['unresolved-reference'],
  check(ctx) {
    const { definitions } = ctx.tables;
    for (const ref of ctx.references) {
      if (ref.dynamic || ref.target === undefined || ref.role !== 'use' || ref.form === 'name' || ref.kind === 'operations') continue;
      // A qualified webhook/schedule functionName is a form error (reference-must-be-bare), reported once.
      if (ref.form === 'bare' && ref.text.includes('/')) continue;
      const kind = ref.kind as SectionName;
      if (definitions.get(kind, ref.target).length > 0) continue;
      const label = KIND_NAME[kind];
      const consequence = ref.checked
        ? `it must exist on the instance, or Sinas rejects the install (\`Referenced ${label} '${ref.target}' not defined\`)`
        : `Sinas does not check \`${ref.field}\` at install, so it must exist on the instance or this fails when it runs`;
      let hint = '';
      let replacement: string | undefined;
      const identities = [...definitions.identities(kind)];
      const index = definitions.nameIndex(kind);
      if (ref.form === 'bare') {
        const name = ref.target.slice('default/'.length);
        const elsewhere = identities.find((id) => id.endsWith(`/${name}`));
        if (elsewhere) hint = ` This package defines \`${elsewhere}\`, but ${ref.source.section === 'webhooks' ? 'webhooks' : 'schedules'} can only call functions in namespace \`default\`.`;
      } else if (ref.field !== 'requiredResources') {
        const suggestion = index.closest(ref.target);
        if (suggestion) {
          hint = ` Did you mean \`${suggestion}\`?`;
          replacement = ref.form === 'either' && suggestion.startsWith('default/') && !ref.text.includes('/') ? suggestion.slice(8) : suggestion;
        }
      }
      const written = ref.text === ref.target ? '' : ` (\`${ref.text}\`)`;
      ctx.report({
        code: 'unresolved-reference',
        message: `${label[0].toUpperCase()}${label.slice(1)} \`${ref.target}\`${written} is not defined in this package; ${consequence}.${hint}`,
        span: contentSpan(ref.node),
        data: replacement ? { replacement } : undefined,
      });
    }
  },
};
