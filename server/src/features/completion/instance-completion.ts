/**
 * Completion from the active instance's snapshot, after the package's own candidates: resources
 * at reference positions (written in the form the reference takes), operations of a connector
 * that lives on the instance, and the values a `resource_ref` variable's `default` may name.
 * Long lists are narrowed to what was typed and marked incomplete, so a 5,000-resource instance
 * costs no more per request than a small one.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../../core/analyze';
import type { InstanceIndex, SnapshotItem } from '../../core/instance/instance-index';
import { RESOURCE_REF_SECTIONS } from '../../core/instance/resource-ref';
import { KIND_NAME, type SectionName } from '../../core/model/sections';
import { nodeAtPath } from '../../core/parse/yaml-tree';
import type { RawReference } from '../../core/references/collect';
import { toRange } from '../ranges';
import type { ValuePosition } from './cursor-context';
import { referenceExpectedAt, takenInField } from './reference-completion';
import { yamlScalar } from '../yaml-layout';

/** More candidates than this are narrowed to what was typed (and the list marked incomplete). */
const MAX_ITEMS = 200;

interface Candidate {
  text: string;
  kind: string;
  item: SnapshotItem;
}

export interface InstanceCompletions {
  items: CompletionItem[];
  /** Some candidates were left out: ask again as the user types. */
  incomplete: boolean;
}

const NONE: InstanceCompletions = { items: [], incomplete: false };

/** Instance candidates at a value position; `offered` are the items already proposed (their labels are skipped). */
export function instanceCompletions(analysis: Analysis, position: ValuePosition, offered: readonly CompletionItem[]): InstanceCompletions {
  const instance = analysis.instance;
  if (!instance || !analysis.isSinasPackage) return NONE;
  const reference = referenceExpectedAt(analysis, position.path);
  const candidates = reference ? referenceCandidates(analysis, instance, reference) : resourceRefDefaultCandidates(analysis, instance, position);
  const skip = new Set(offered.map((i) => i.label));
  if (reference) for (const taken of takenInField(analysis, position, reference)) skip.add(taken);
  // One pass that stops early: the first MAX_ITEMS + 1 new candidates tell whether all fit; if not,
  // up to MAX_ITEMS of those containing what was typed are offered.
  const typed = position.partial.toLowerCase();
  const first: Candidate[] = [];
  const matching: Candidate[] = [];
  for (const c of candidates) {
    if (skip.has(c.text)) continue;
    if (first.length <= MAX_ITEMS) first.push(c);
    if (matching.length < MAX_ITEMS && c.text.toLowerCase().includes(typed)) matching.push(c);
    if (first.length > MAX_ITEMS && matching.length >= MAX_ITEMS) break;
  }
  const incomplete = first.length > MAX_ITEMS;
  const fresh = incomplete ? matching : first;
  if (fresh.length === 0) return { items: [], incomplete };
  const range = toRange(analysis.lines, position.range);
  const lead = position.needsSpace ? ' ' : '';
  const items = fresh.map((c, i) => {
    const item: CompletionItem = {
      label: c.text,
      kind: CompletionItemKind.Reference,
      detail: `${c.kind} on ${instance.instance}`,
      sortText: `4${String(i).padStart(5, '0')}`,
      filterText: c.text,
      textEdit: { range, newText: lead + (position.quoted ? c.text : yamlScalar(c.text)) },
    };
    const about = [c.item.description, c.item.type ? `Type: ${c.item.type}` : undefined, c.item.active === false ? '**Inactive** on this instance.' : undefined].filter(Boolean);
    if (about.length) item.documentation = { kind: MarkupKind.Markdown, value: about.join('\n\n') };
    return item;
  });
  return { items, incomplete };
}

function* referenceCandidates(analysis: Analysis, instance: InstanceIndex, reference: RawReference): Iterable<Candidate> {
  if (reference.kind === 'operations') {
    const connector = reference.connector;
    // Operations of a connector defined in the file come from the file (reference-completion).
    if (!connector?.includes('/') || analysis.references.operations(connector)) return;
    const found = instance.presence('connectors', connector);
    if (found.kind !== 'found') return;
    for (const name of found.item.operations ?? []) yield { text: name, kind: `operation of ${connector}`, item: { name } };
    return;
  }
  const section = reference.kind as SectionName;
  const kind = KIND_NAME[section];
  // A manifest's requiredResources entry names the resource in its `namespace` (the probe's text is `ns/…`).
  const namespace = reference.field === 'requiredResources' ? reference.text.slice(0, reference.text.lastIndexOf('/') + 1) : undefined;
  for (const item of instance.list(section)) {
    if (reference.form === 'bare') {
      // A bare name reaches only functions in `default`.
      if (item.name.startsWith('default/')) yield { text: item.name.slice('default/'.length), kind, item };
    } else if (namespace !== undefined) {
      if (item.name.startsWith(namespace)) yield { text: item.name.slice(namespace.length), kind, item };
    } else {
      yield { text: item.name, kind, item };
    }
  }
}

/** `default:` of a `resource_ref` variable: the active resources of its `resource` kind. */
function resourceRefDefaultCandidates(analysis: Analysis, instance: InstanceIndex, position: ValuePosition): Iterable<Candidate> {
  const [spec, section, , key] = position.path;
  if (spec !== 'spec' || section !== 'variables' || key !== 'default' || position.path.length !== 4) return [];
  const node = nodeAtPath(analysis.root, position.path.slice(0, 3));
  const declaration = analysis.variables.declarations.find((d) => d.node === node);
  if (declaration?.type !== 'resource_ref' || !declaration.resource) return [];
  const target = RESOURCE_REF_SECTIONS[declaration.resource];
  if (!target) return [];
  return instance
    .list(target)
    .filter((item) => item.active !== false)
    .map((item) => ({ text: item.name, kind: KIND_NAME[target], item }));
}
