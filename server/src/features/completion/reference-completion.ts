/**
 * References to other resources of this file, written the way the backend checks them: `ns/name`
 * in `enabled*` lists, a bare name of a `default` function for webhooks and function schedules,
 * operation names under `enabledConnectors`. Which field takes which kind and form is the
 * reference collector's knowledge (core/references/collect.ts): it is asked what a value at the
 * cursor's path would be, so the two can never disagree.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../../core/analyze';
import { isSection, KIND_NAME } from '../../core/model/sections';
import { keyName, nodeAtPath, type NodePath, type YNode, type YScalar } from '../../core/parse/yaml-tree';
import { collectReferences, type RawReference } from '../../core/references/collect';
import { toRange } from '../ranges';
import { resourceDescription, resourceMarkdown } from '../resource-docs';
import type { ValuePosition } from './cursor-context';
import { yamlScalar } from '../yaml-layout';

/** Variables of type resource_ref can stand for the environment resources a `name` reference takes. */
const RESOURCE_REF: Partial<Record<string, string>> = { llmProviders: 'llm_providers', databaseConnections: 'database_connections' };

interface Candidate {
  text: string;
  detail: string;
  documentation?: string;
}

export function referenceCompletions(analysis: Analysis, position: ValuePosition): CompletionItem[] {
  const reference = referenceExpectedAt(analysis, position.path);
  if (!reference) return [];
  const taken = takenInField(analysis, position, reference);
  const range = toRange(analysis.lines, position.range);
  const lead = position.needsSpace ? ' ' : '';
  return candidates(analysis, reference)
    .filter((c) => !taken.has(c.text))
    .map((c, i) => ({
      label: c.text,
      kind: c.text.startsWith('${{') ? CompletionItemKind.Variable : CompletionItemKind.Reference,
      detail: c.detail,
      documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
      sortText: `3${String(i).padStart(5, '0')}`,
      filterText: c.text,
      textEdit: { range, newText: lead + (position.quoted ? c.text : yamlScalar(c.text)) },
    }));
}

const PROBE: YScalar = { kind: 'scalar', value: '\u0000', style: 'plain', start: -1, end: -1 };

/**
 * The reference a value at `path` would be, found by running the collector on a stand-in item:
 * the real item's mappings along the path (so siblings like a manifest entry's `type` count),
 * with a probe scalar at the cursor's place.
 */
export function referenceExpectedAt(analysis: Analysis, path: NodePath): RawReference | undefined {
  const [spec, section, index, ...rest] = path;
  if (spec !== 'spec' || typeof section !== 'string' || !isSection(section) || typeof index !== 'number' || rest.length === 0) return undefined;
  const real = nodeAtPath(analysis.root, path.slice(0, 3));
  const item = standIn(real ?? undefined, rest);
  return collectReferences(section, item).find((r) => r.node === PROBE);
}

function standIn(real: YNode | undefined, path: NodePath): YNode {
  if (path.length === 0) return PROBE;
  const [segment, ...rest] = path;
  const span = { start: -1, end: -1 };
  if (typeof segment === 'number') {
    const child = real?.kind === 'seq' ? real.items[segment] : undefined;
    return { kind: 'seq', items: [standIn(child, rest)], flow: false, ...span };
  }
  const pairs = real?.kind === 'map' ? real.pairs.filter((p) => keyName(p) !== segment) : [];
  const child = real?.kind === 'map' ? real.pairs.find((p) => keyName(p) === segment)?.value ?? undefined : undefined;
  const key: YScalar = { kind: 'scalar', value: segment, style: 'plain', ...span };
  return { kind: 'map', pairs: [...pairs, { key, value: standIn(child, rest), ...span }], flow: false, ...span };
}

function candidates(analysis: Analysis, reference: RawReference): Candidate[] {
  if (reference.kind === 'operations') {
    const connector = reference.connector;
    const operations = connector?.includes('/') ? analysis.references.operations(connector) : undefined;
    return [...(operations?.keys() ?? [])].map((name) => ({ text: name, detail: `operation of ${connector}` }));
  }
  const out: Candidate[] = [];
  // A manifest's requiredResources entry names the resource in its `namespace` (the probe's text is `ns/…`).
  const namespace = reference.field === 'requiredResources' ? reference.text.slice(0, reference.text.lastIndexOf('/')) : undefined;
  for (const resource of analysis.model.sections.get(reference.kind)?.items ?? []) {
    if (resource.identity === undefined || resource.dynamic) continue;
    // A bare reference only reaches functions in `default`, which it names without the namespace.
    if (reference.form === 'bare' && resource.namespace !== 'default') continue;
    if (namespace !== undefined && resource.namespace !== namespace) continue;
    const text = reference.form === 'bare' || namespace !== undefined ? (resource.name ?? resource.identity) : resource.identity;
    const description = resourceDescription(resource);
    out.push({ text, detail: KIND_NAME[resource.section] + (description ? ` · ${description}` : ''), documentation: resourceMarkdown(analysis, resource) });
  }
  const resourceType = RESOURCE_REF[reference.kind];
  if (reference.form === 'name' && resourceType) {
    for (const d of analysis.variables.declarations) {
      if (d.type === 'resource_ref' && d.resource === resourceType) out.push({ text: `\${{ vars.${d.name} }}`, detail: `install-time ${KIND_NAME[reference.kind]}`, documentation: d.description });
    }
  }
  return [...new Map(out.map((c) => [c.text, c])).values()];
}

/** Values already listed in the same field of the same item (other than the one being typed). */
export function takenInField(analysis: Analysis, position: ValuePosition, reference: RawReference): Set<string> {
  const item = nodeAtPath(analysis.root, position.path.slice(0, 3));
  const taken = new Set<string>();
  if (!item) return taken;
  for (const r of analysis.references.references) {
    if (r.source.node !== item || r.field !== reference.field || r.role !== 'use' || r.kind !== reference.kind) continue;
    if (position.range.start >= r.node.start && position.range.start <= r.node.end) continue;
    taken.add(r.text);
  }
  return taken;
}
