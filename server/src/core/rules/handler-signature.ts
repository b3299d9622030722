import { documentSpan } from '../embedded/embedded-text';
import { functionCode } from '../embedded/python/function-code';
import type { ItemRule } from './rule';

/**
 * The executor calls `handler(input_data, context)` synchronously, in a thread, and writes the
 * result as JSON (backend/container_executor.py). An `async def handler` therefore returns a
 * coroutine that is never awaited and cannot be serialised, and a handler that cannot take
 * exactly those two positional arguments raises TypeError: every call fails either way.
 */
export const handlerSignature: ItemRule = {
  id: 'handler-signature',
  codes: ['handler-signature'],
  sections: ['functions'],
  check(ctx) {
    const code = functionCode(ctx.item);
    const handler = code?.facts.handler;
    if (!code || !handler || handler.kind !== 'def' || code.facts.errors.length) return;
    const span = documentSpan(ctx.text, code.text, handler.index, handler.index + handler.length);
    if (handler.isAsync) {
      ctx.report({
        code: 'handler-signature',
        message: '`handler` is `async`, but Sinas calls it without awaiting it: the call returns a coroutine that never runs and cannot be returned as JSON, so every call fails. Make it a plain `def`.',
        span,
      });
    } else if (handler.signatureProblem) {
      ctx.report({
        code: 'handler-signature',
        message: `Sinas calls \`handler(input_data, context)\` with two positional arguments, but ${handler.signatureProblem}: every call fails with TypeError.`,
        span,
      });
    }
  },
};
