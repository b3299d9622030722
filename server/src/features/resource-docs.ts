/** How a resource is shown in hovers and reference completions: kind, identity, description, use. */
import type { Analysis } from '../core/analyze';
import type { Resource } from '../core/model/package-model';
import { KIND_NAME } from '../core/model/sections';
import { getValue, stringValue } from '../core/parse/yaml-tree';

export function resourceDescription(resource: Resource): string | undefined {
  return stringValue(getValue(resource.node, 'description'));
}

/** Markdown: `**function** `tools/lookup``, its description, where it is and how often it is referenced. */
export function resourceMarkdown(analysis: Analysis, resource: Resource, operation?: string): string {
  const line = analysis.lines.lineOf(resource.identityNode.start) + 1;
  const count = analysis.references.referencesTo(resource, operation).length;
  const parts: string[] = [];
  if (operation !== undefined) {
    parts.push(`**operation** \`${operation}\` of connector \`${resource.identity}\``);
  } else {
    parts.push(`**${KIND_NAME[resource.section]}** \`${resource.identity ?? resource.name ?? '?'}\``);
    const description = resourceDescription(resource);
    if (description) parts.push(description);
  }
  parts.push(`Defined on line ${line} · ${count === 0 ? 'not referenced' : count === 1 ? 'referenced once' : `referenced ${count} times`} in this file`);
  return parts.join('\n\n');
}
