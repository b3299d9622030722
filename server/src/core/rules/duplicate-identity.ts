import type { Resource } from '../model/package-model';
import { KIND_NAME, NAMESPACED_SECTIONS, SKIPPED_SECTIONS, IDENTITY_FIELD } from '../model/sections';
import type { DocumentRule } from './rule';

/**
 * Two items of one section with the same identity (`ns/name`, webhook `path`, schedule or trigger
 * `name`, secret `name`, dependency `packageName`, variable `name`). Sinas does not reject them:
 * apply runs both and the last one wins (P19). Reported on the later one, the first as related.
 */
export const duplicateIdentity: DocumentRule = {
  id: 'duplicate-identity',
  codes: ['duplicate-identity'],
  check(ctx) {
    for (const section of ctx.model.sections.values()) {
      if (SKIPPED_SECTIONS.includes(section.name)) continue;
      const first = new Map<string, Resource>();
      for (const item of section.items) {
        if (item.identity === undefined || item.dynamic) continue;
        const earlier = first.get(item.identity);
        if (!earlier) {
          first.set(item.identity, item);
          continue;
        }
        const kind = KIND_NAME[section.name];
        const what = NAMESPACED_SECTIONS.has(section.name) ? `${kind} \`${item.identity}\`` : `${kind} ${IDENTITY_FIELD[section.name]} \`${item.identity}\``;
        const consequence =
          section.name === 'variables'
            ? 'the installer cannot tell the two declarations apart; keep one'
            : 'Sinas does not reject it: both are applied in order and the last one wins (preview lists both as `create`)';
        ctx.report({
          code: 'duplicate-identity',
          message: `Duplicate ${what}: ${consequence}.`,
          span: item.identityNode,
          related: [{ span: earlier.identityNode, message: `First ${kind} with this ${NAMESPACED_SECTIONS.has(section.name) ? 'namespace and name' : IDENTITY_FIELD[section.name]}.` }],
        });
      }
    }
  },
};
