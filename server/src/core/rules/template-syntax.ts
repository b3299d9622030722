import { certainDespiteVariables, documentSpan, embeddedText } from '../embedded/embedded-text';
import { embeddedParser } from '../embedded/parsers';
import type { SectionName } from '../model/sections';
import { getValue, type YNode } from '../parse/yaml-tree';
import type { ItemRule } from './rule';

/** Fields Sinas renders with Jinja2: a map means every value of that mapping. */
const TEMPLATE_FIELDS: Partial<Record<SectionName, readonly { field: string; values?: true }[]>> = {
  agents: [{ field: 'systemPrompt' }, { field: 'statusTemplates', values: true }],
  templates: [{ field: 'title' }, { field: 'htmlContent' }, { field: 'textContent' }],
};

/**
 * A Jinja2 syntax error in text Sinas renders: template `title`/`htmlContent`/`textContent` (the
 * render fails), an agent's `systemPrompt` (sent unrendered, with its `{{ }}` as written) and
 * status templates (the generic status is shown). `${{ vars.X }}` is gone before Jinja2 runs;
 * it is read as an unknown name, and an error that may depend on its value is not reported.
 */
export const templateSyntax: ItemRule = {
  id: 'template-syntax',
  codes: ['template-syntax'],
  sections: ['agents', 'templates'],
  check(ctx) {
    const fields = TEMPLATE_FIELDS[ctx.item.section];
    if (!fields) return;
    const check = (node: YNode | null | undefined, what: string) => {
      const text = embeddedText(node);
      // Text without a tag is plain text to Jinja2: no need to load the parser for it.
      if (!text || !/[{][{%#]/.test(text.source)) return;
      const parser = embeddedParser('jinja');
      if (!parser) return;
      const problem = parser.parse(text.source);
      if (!problem || !certainDespiteVariables(text, problem)) return;
      ctx.report({
        code: 'template-syntax',
        message: `Jinja2 syntax error in ${what}: ${problem.message}.`,
        span: documentSpan(ctx.text, text, problem.start, problem.end),
      });
    };
    for (const { field, values } of fields) {
      const node = getValue(ctx.item.node, field);
      if (!values) check(node, `\`${field}\``);
      else if (node?.kind === 'map') for (const pair of node.pairs) check(pair.value, `\`${field}\``);
    }
  },
};
