import { styleProblem } from '../model/package-name';
import type { HeaderRule } from './rule';
import { asString, contentSpan } from './support/scalar';

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
    const problem = node && !node.value.includes('${{') ? styleProblem(node.value) : undefined;
    if (!node || !problem) return;
    ctx.report({ code: problem.code, message: problem.message, span: contentSpan(node), data: problem.replacement ? { replacement: problem.replacement } : undefined });
  },
};
