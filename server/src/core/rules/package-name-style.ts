import { conventionalPackageName, followsNameConvention, PACKAGE_NAME_MAX_LENGTH } from '../model/package-name';
import type { DocumentRule } from './rule';
import { asString, contentSpan } from './support/scalar';

/**
 * The package name becomes `managed_by = pkg:<name>` and a REST path segment (P30). A `/` or more
 * than 255 characters is the schema's `name-format`; this only suggests the packages repository's
 * convention (lowercase letters, digits and `-`) for names that are otherwise usable.
 */
export const packageNameStyle: DocumentRule = {
  id: 'package-name-style',
  codes: ['package-name-style'],
  check(ctx) {
    const node = asString(ctx.model.packageNameNode);
    if (!node || node.value.includes('${{') || node.value.includes('/') || node.value.length > PACKAGE_NAME_MAX_LENGTH || node.value === '') return;
    if (followsNameConvention(node.value)) return;
    const suggestion = conventionalPackageName(node.value);
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
