import { certainDespiteVariables, documentSpan } from '../embedded/embedded-text';
import { functionCode } from '../embedded/python/function-code';
import type { ItemRule } from './rule';

/**
 * Function `code` that CPython 3.11 (the executor image) cannot parse. Sinas does not check the
 * syntax of packaged functions, so the install succeeds and every call fails. Only the first
 * error is reported, like Python does; one that may depend on a `${{ … }}` value is not.
 */
export const pythonSyntax: ItemRule = {
  id: 'python-syntax',
  codes: ['python-syntax'],
  sections: ['functions'],
  check(ctx) {
    const code = functionCode(ctx.item);
    const first = code?.facts.errors[0];
    if (!code || !first || !certainDespiteVariables(code.text, first)) return;
    ctx.report({
      code: 'python-syntax',
      message: `Python syntax error: ${first.message}. Sinas installs the function anyway, and every call fails.`,
      span: documentSpan(ctx.text, code.text, first.start, first.end),
    });
  },
};
