import type { ItemRule } from './rule';

/**
 * A function is offered to the LLM as the tool `<namespace>__<name>`; providers accept tool names
 * of at most 64 characters from `[A-Za-z0-9_-]` (§4, function tools).
 */
export const toolNameTooLong: ItemRule = {
  id: 'tool-name-too-long',
  codes: ['tool-name-too-long'],
  sections: ['functions'],
  check(ctx) {
    const { namespace, name, dynamic } = ctx.item;
    if (dynamic || namespace === undefined || name === undefined) return;
    const tool = `${namespace}__${name}`;
    if (tool.length <= 64) return;
    ctx.report({
      code: 'tool-name-too-long',
      message: `Agents call this function as the tool \`${tool}\` (${tool.length} characters); LLM providers reject tool names longer than 64. Shorten the namespace or the name.`,
      span: ctx.item.identityNode,
    });
  },
};
