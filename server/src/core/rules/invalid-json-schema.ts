import { embeddedParser } from '../embedded/parsers';
import type { SectionName } from '../model/sections';
import { getValue, type YNode } from '../parse/yaml-tree';
import { locateInstance, valueSpan } from '../schema/locate-instance';
import type { ItemRule } from './rule';

/** Fields holding a JSON Schema, per section (`operations` = each connector operation's `parameters`). */
const SCHEMA_FIELDS: Partial<Record<SectionName, readonly string[]>> = {
  functions: ['inputSchema', 'outputSchema'],
  queries: ['inputSchema', 'outputSchema'],
  agents: ['inputSchema', 'outputSchema'],
  components: ['inputSchema'],
  stores: ['schema'],
  collections: ['metadataSchema'],
  templates: ['variableSchema'],
};

/**
 * A schema field that breaks its JSON Schema meta-schema (`type: strng`, `required: name`).
 * Sinas stores it; `jsonschema.validate` then raises SchemaError on every call that uses it.
 * Parts written with `${{ … }}` are only known at install and are not judged.
 */
export const invalidJsonSchema: ItemRule = {
  id: 'invalid-json-schema',
  codes: ['invalid-json-schema'],
  sections: ['functions', 'queries', 'agents', 'components', 'stores', 'collections', 'templates', 'connectors'],
  check(ctx) {
    const checker = embeddedParser('jsonSchema');
    if (!checker) return;
    const value = ctx.value as Record<string, unknown> | undefined;
    const check = (schema: unknown, node: YNode | null | undefined, field: string) => {
      if (!node || node.kind !== 'map' || !schema || typeof schema !== 'object' || Array.isArray(schema)) return;
      const reported = new Set<string>();
      for (const problem of checker.check(schema as Record<string, unknown>)) {
        if (reported.has(problem.path)) continue;
        reported.add(problem.path);
        const location = locateInstance(node, problem.path);
        const judged = location.node ?? node;
        if (ctx.text.slice(judged.start, judged.end).includes('${{')) continue;
        const span = valueSpan(location, node);
        ctx.report({
          code: 'invalid-json-schema',
          message: `Invalid JSON Schema in \`${field}\`${problem.path ? ` at \`${problem.path}\`` : ''}: ${problem.message} (draft ${problem.draft}). Sinas stores it, and every validation against it fails.`,
          span,
        });
      }
    };
    if (ctx.item.section === 'connectors') {
      const ops = getValue(ctx.item.node, 'operations');
      const opValues = (value?.operations as Record<string, unknown>[] | undefined) ?? [];
      if (ops?.kind === 'seq') ops.items.forEach((op, i) => check(opValues[i]?.parameters, getValue(op, 'parameters'), 'parameters'));
      return;
    }
    for (const field of SCHEMA_FIELDS[ctx.item.section] ?? []) check(value?.[field], getValue(ctx.item.node, field), field);
  },
};
