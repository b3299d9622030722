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

export interface Candidate {
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
  const offered = referenceCandidates(analysis, reference).filter((c) => !taken.has(c.text));
  // Nothing to offer is still an answer: without one, the editor falls back to word completion.
  if (offered.length === 0) return [nothingToOffer(analysis, reference, position, range)];
  return offered.map((c, i) => ({
    label: c.text,
    kind: c.text.startsWith('${{') ? CompletionItemKind.Variable : CompletionItemKind.Reference,
    detail: c.detail,
    documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
    sortText: `3${String(i).padStart(5, '0')}`,
    filterText: c.text,
    textEdit: { range, newText: lead + (position.quoted ? c.text : yamlScalar(c.text)) },
  }));
}

/** The "No … to offer here" item: dropped when the instance offers something after all. */
export const isNothingToOffer = (item: CompletionItem): boolean => item.sortText === NOTHING_SORT_TEXT && item.kind === CompletionItemKind.Text;
const NOTHING_SORT_TEXT = '9';

/** What the field takes, as a completion item that changes nothing (shown whatever is typed). */
function nothingToOffer(analysis: Analysis, reference: RawReference, position: ValuePosition, range: ReturnType<typeof toRange>): CompletionItem {
  const what = reference.kind === 'operations' ? 'operation' : KIND_NAME[reference.kind];
  const form = {
    qualified: `\`namespace/name\` of a ${what}`,
    either: `\`namespace/name\` of a ${what} (a bare name means namespace \`default\`)`,
    bare: `the bare name of a ${what} in namespace \`default\` (Sinas looks nowhere else)`,
    name: `the name of a ${what} on the instance`,
    operation: `an operation of ${reference.connector ? `\`${reference.connector}\`` : 'the connector'}`,
  }[reference.form];
  return {
    label: `No ${what} to offer here`,
    kind: CompletionItemKind.Text,
    detail: `${reference.field} takes ${form.replace(/`/g, '')}`,
    documentation: {
      kind: MarkupKind.Markdown,
      value: `\`${reference.field}\` takes ${form}. This package has none left to offer; define one in the package, or name one that exists on the instance.${unreachable(analysis, reference)}`,
    },
    sortText: NOTHING_SORT_TEXT,
    filterText: position.partial,
    // The value as it stands: choosing this item changes nothing.
    textEdit: { range, newText: analysis.text.slice(position.range.start, position.range.end) },
  };
}

/** For a bare reference: the package's resources it cannot reach (outside `default`), named. */
function unreachable(analysis: Analysis, reference: RawReference): string {
  if (reference.form !== 'bare' || reference.kind === 'operations') return '';
  const outside = (analysis.model.sections.get(reference.kind)?.items ?? []).filter((r) => r.identity && !r.dynamic && r.namespace !== 'default');
  if (!outside.length) return '';
  return `\n\nNot reachable from here: ${outside.slice(0, 5).map((r) => `\`${r.identity}\``).join(', ')}${outside.length > 5 ? ', …' : ''} (namespace \`default\` only).`;
}

export const PROBE: YScalar = { kind: 'scalar', value: '\u0000', style: 'plain', start: -1, end: -1 };

/**
 * The reference a value at `path` would be, found by running the collector on a stand-in item:
 * the real item's mappings along the path (so siblings like a manifest entry's `type` count),
 * ending in `end` — the probe scalar itself, or a new item (a snippet's body) holding the probe.
 */
export function referenceExpectedAt(analysis: Analysis, path: NodePath, end: YNode = PROBE): RawReference | undefined {
  const [spec, section, index, ...rest] = path;
  if (spec !== 'spec' || typeof section !== 'string' || !isSection(section) || typeof index !== 'number') return undefined;
  if (rest.length === 0 && end === PROBE) return undefined;
  const real = nodeAtPath(analysis.root, path.slice(0, 3));
  const item = standIn(real ?? undefined, rest, end);
  return collectReferences(section, item).find((r) => r.node === PROBE);
}

function standIn(real: YNode | undefined, path: NodePath, end: YNode): YNode {
  if (path.length === 0) return end;
  const [segment, ...rest] = path;
  const span = { start: -1, end: -1 };
  if (typeof segment === 'number') {
    const child = real?.kind === 'seq' ? real.items[segment] : undefined;
    return { kind: 'seq', items: [standIn(child, rest, end)], flow: false, ...span };
  }
  const pairs = real?.kind === 'map' ? real.pairs.filter((p) => keyName(p) !== segment) : [];
  const child = real?.kind === 'map' ? real.pairs.find((p) => keyName(p) === segment)?.value ?? undefined : undefined;
  const key: YScalar = { kind: 'scalar', value: segment, style: 'plain', ...span };
  return { kind: 'map', pairs: [...pairs, { key, value: standIn(child, rest, end), ...span }], flow: false, ...span };
}

/**
 * What may be written at a reference, in the form the field takes: the package's own resources
 * (and install-time variables standing for environment resources). The one place that decides
 * what completion and snippets offer for references; instance resources go here, after these.
 */
export function referenceCandidates(analysis: Analysis, reference: RawReference): Candidate[] {
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
