import type { HeaderRule } from './rule';
import { asString, contentSpan } from './support/scalar';

const CONVENTION = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The package name becomes `managed_by = pkg:<name>` and a REST path segment (P30). A `/` or more
 * than 255 characters is the schema's `name-format`; this only suggests the packages repository's
 * convention (lowercase letters, digits and `-`) for names that are otherwise usable.
 */
export const packageNameStyle: HeaderRule = {
  id: 'package-name-style',
  codes: ['package-name-style'],
  check(ctx) {
    const node = asString(ctx.model.packageNameNode);
    if (!node || node.value.includes('${{') || node.value.includes('/') || node.value.length > 255 || node.value === '') return;
    if (CONVENTION.test(node.value)) return;
    const suggestion = node.value
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/-{2,}/g, '-');
    ctx.report({
      code: 'package-name-style',
      message:
        `Package names are conventionally lowercase letters, digits and \`-\` (e.g. \`${suggestion || 'my-package'}\`): the name is the package's URL segment and its ownership tag, ` +
        'and renaming it later orphans everything installed under the old name.',
      span: contentSpan(node),
      data: suggestion ? { replacement: suggestion } : undefined,
    });
  },
};
