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
    // The definitions table keeps the identities that occur more than once: no pass over the items.
    for (const [name, list] of ctx.tables.definitions.duplicates()) {
      if (SKIPPED_SECTIONS.includes(name)) continue;
      const [earlier, ...later] = list;
      for (const item of later) {
        const kind = KIND_NAME[name];
        const what = NAMESPACED_SECTIONS.has(name) ? `${kind} \`${item.identity}\`` : `${kind} ${IDENTITY_FIELD[name]} \`${item.identity}\``;
        const consequence =
          name === 'variables'
            ? 'the installer cannot tell the two declarations apart; keep one'
            : 'Sinas does not reject it: both are applied in order and the last one wins (preview lists both as `create`)';
        ctx.report({
          code: 'duplicate-identity',
          message: `Duplicate ${what}: ${consequence}.`,
          span: item.identityNode,
          related: [{ span: earlier.identityNode, message: `First ${kind} with this ${NAMESPACED_SECTIONS.has(name) ? 'namespace and name' : IDENTITY_FIELD[name]}.` }],
        });
      }
    }
  },
};
