import { SKIPPED_SECTION_LABEL, SKIPPED_SECTIONS } from '../model/sections';
import type { HeaderRule } from './rule';

/** `roles`, `users`, `llmProviders`, `databaseConnections`: parsed, then skipped on install (P7). */
export const excludedSection: HeaderRule = {
  id: 'excluded-section',
  codes: ['excluded-section'],
  check(ctx) {
    for (const name of SKIPPED_SECTIONS) {
      const section = ctx.model.sections.get(name);
      if (!section?.pair.key) continue;
      ctx.report({
        code: 'excluded-section',
        message: `Packages cannot install ${SKIPPED_SECTION_LABEL[name]}: Sinas skips \`${name}\` on install (environment-specific) with only a warning. Create them on the instance instead; references to them here still pass validation but must resolve on the instance.`,
        span: section.pair.key,
      });
    }
  },
};
