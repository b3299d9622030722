import { slashProblem } from '../model/package-name';
import { asString, contentSpan } from './support/scalar';
import type { HeaderRule } from './rule';

/**
 * A `/` in `package.name` (P30): the package installs, but its name is one REST path segment, so
 * it can never be fetched, exported or uninstalled again. Supersedes the schema's `name-format`
 * note on the same value: this is the consequence that matters.
 */
export const packageNameSlash: HeaderRule = {
  id: 'package-name-slash',
  codes: ['package-name-slash'],
  check(ctx) {
    const node = asString(ctx.model.packageNameNode);
    const problem = node && !node.value.includes('${{') ? slashProblem(node.value) : undefined;
    if (!node || !problem) return;
    ctx.report({ code: problem.code, message: problem.message, span: contentSpan(node), data: { replacement: problem.replacement } });
  },
};
