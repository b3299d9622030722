import { withoutSlashes } from '../model/package-name';
import { asString, contentSpan } from './support/scalar';
import type { DocumentRule } from './rule';

/**
 * A `/` in `package.name` (P30): the package installs, but its name is one REST path segment, so
 * it can never be fetched, exported or uninstalled again. Supersedes the schema's `name-format`
 * note on the same value: this is the consequence that matters.
 */
export const packageNameSlash: DocumentRule = {
  id: 'package-name-slash',
  codes: ['package-name-slash'],
  check(ctx) {
    const node = asString(ctx.model.packageNameNode);
    if (!node || node.value.includes('${{') || !node.value.includes('/')) return;
    const replacement = withoutSlashes(node.value);
    ctx.report({
      code: 'package-name-slash',
      message: `A \`/\` in the package name makes it impossible to fetch, export or uninstall through the API (the name is one URL segment): once installed, it stays. Use \`${replacement}\`.`,
      span: contentSpan(node),
      data: { replacement },
    });
  },
};
