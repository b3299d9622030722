import type { Finding } from '../diagnostics/finding';
import type { SectionName } from '../model/sections';
import { getValue, keyName, type YNode } from '../parse/yaml-tree';
import { asString, spanInScalar } from './support/scalar';
import type { HeaderRule, ItemRule } from './rule';

/** Fields holding code, prose, templates or JSON Schemas: `${…}` and `{{ … }}` are legitimate there. */
const FREE_TEXT = new Set([
  'code', 'sourceCode', 'content', 'systemPrompt', 'htmlContent', 'textContent', 'cssOverrides', 'sql', 'description', 'title',
  'inputSchema', 'outputSchema', 'metadataSchema', 'variableSchema', 'schema', 'parameters', 'initialMessages', 'statusTemplates',
  'functionParameters', 'queryParameters', 'inputData', 'defaultValues', 'example', 'pattern', 'default', 'choices', 'hooks',
]);

/**
 * Fields Sinas uses verbatim (no Jinja): a `{{ NAME }}` there is an attempt at substitution too.
 * Connector `operations[].path` is rendered with Jinja and is not listed.
 */
const LITERAL: Partial<Record<SectionName | 'package', readonly string[]>> = {
  package: ['name', 'version', 'author', 'url'],
  connectors: ['namespace', 'name', 'baseUrl', 'headers', 'auth'],
  webhooks: ['path', 'functionName'],
  schedules: ['name', 'functionName', 'agentName', 'cronExpression', 'timezone'],
  databaseTriggers: ['name', 'connectionName', 'schemaName', 'tableName', 'functionName', 'pollColumn'],
  queries: ['namespace', 'name', 'connectionName'],
  agents: ['namespace', 'name', 'model', 'llmProviderName'],
  functions: ['namespace', 'name'],
  dependencies: ['packageName', 'version'],
  secrets: ['name', 'value'],
};

const DOLLAR = /\$\{[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}/g;
const MUSTACHE = /(?<!\$)\{\{[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}\}/g;

function scan(text: () => string, node: YNode, literal: boolean, report: (f: Finding) => void): void {
  const scalar = asString(node);
  if (!scalar) return;
  const patterns = literal ? [DOLLAR, MUSTACHE] : [DOLLAR];
  for (const re of patterns) {
    for (const m of scalar.value.matchAll(re)) {
      const name = m[1];
      const replacement = `\${{ vars.${name} }}`;
      report({
        code: 'uninterpolated-variable',
        message: `Sinas does not substitute \`${m[0]}\`: it would be installed as literal text. Install-time variables are written \`${replacement}\` (declared under \`spec.variables\`).`,
        span: spanInScalar(text(), scalar, m.index ?? 0, m[0].length),
        data: { replacement, name },
      });
    }
  }
}

/**
 * Scans the strings under a node, skipping free-text fields; iterative, so depth cannot overflow
 * the stack. The text is read only to place a finding.
 */
function walk(text: () => string, root: YNode | null, literal: boolean, report: (f: Finding) => void, skipKey?: (key: string) => boolean): void {
  const stack: YNode[] = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === 'scalar') scan(text, node, literal, report);
    else if (node.kind === 'seq') for (const item of node.items) stack.push(item);
    else if (node.kind === 'map') {
      for (const pair of node.pairs) {
        const key = keyName(pair);
        if (key === undefined || FREE_TEXT.has(key) || (node === root && skipKey?.(key)) || !pair.value) continue;
        stack.push(pair.value);
      }
    }
  }
}

/**
 * `${VAR}` (or, in fields used verbatim, `{{ VAR }}`) that looks like an attempt at interpolation
 * (P32): Sinas substitutes only `${{ vars.NAME }}`, so these stay literal.
 */
export const uninterpolatedVariable: ItemRule = {
  id: 'uninterpolated-variable',
  codes: ['uninterpolated-variable'],
  check(ctx) {
    const item = ctx.item.node;
    if (item.kind !== 'map' || ctx.item.section === 'variables') return;
    const literalKeys = new Set(LITERAL[ctx.item.section] ?? []);
    for (const pair of item.pairs) {
      const key = keyName(pair);
      if (key === undefined || FREE_TEXT.has(key)) continue;
      // `auth.secret` written `{{NAME}}` has its own finding (connector secret form).
      const skip = key === 'auth' ? (k: string) => k === 'secret' : undefined;
      walk(() => ctx.text, pair.value, literalKeys.has(key), ctx.report, skip);
    }
  },
};

/** The same check on the `package:` header. */
export const uninterpolatedVariableInHeader: HeaderRule = {
  id: 'uninterpolated-variable-header',
  codes: ['uninterpolated-variable'],
  check(ctx) {
    const pkg = getValue(ctx.root, 'package');
    if (!pkg || pkg.kind !== 'map') return;
    const literal = new Set(LITERAL.package);
    for (const pair of pkg.pairs) {
      const key = keyName(pair);
      if (key !== undefined && literal.has(key)) walk(() => ctx.text, pair.value, true, ctx.report);
    }
  },
};
