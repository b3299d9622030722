/**
 * The package as Sinas sees it: header fields and, per section, its items with their identity.
 * Built from the tree in one pass over the sections (not the whole tree), every version.
 */
import { Chunk } from '../parse/parse-document';
import { findPair, getValue, keyName, stringValue, type YNode, type YPair } from '../parse/yaml-tree';
import { IDENTITY_FIELD, NAMESPACED_SECTIONS, isSection, type SectionName } from './sections';

export interface Resource {
  section: SectionName;
  index: number;
  node: YNode;
  /** The chunk holding this item when parsed incrementally; per-item results are memoised on it. */
  chunk?: Chunk;
  /** `ns/name` for namespaced types, else the identity field's value. Undefined when missing. */
  identity?: string;
  /** The node to point at for this resource (its `name`, `path`, … value), else the item. */
  identityNode: YNode;
  namespace?: string;
  name?: string;
  /** True when the identity contains `${{ … }}` and is only known after substitution. */
  dynamic: boolean;
}

export interface Section {
  name: SectionName;
  pair: YPair;
  items: Resource[];
}

export interface PackageModel {
  root: YNode | null;
  apiVersion?: string;
  kind?: string;
  packageName?: string;
  packageNameNode?: YNode;
  spec?: YNode;
  sections: Map<SectionName, Section>;
  /** Every item of every section except `variables`, in document order. */
  resources: Resource[];
}

/**
 * Resources per section list, kept while the list is unchanged (the parser keeps a section's item
 * array across versions until one of its items changes), and per item node.
 */
const sectionResources = new WeakMap<readonly YNode[], { section: SectionName; resources: Resource[] }>();
const itemResources = new WeakMap<YNode, Resource>();

export function buildModel(root: YNode | null): PackageModel {
  const model: PackageModel = { root, sections: new Map(), resources: [] };
  if (!root || root.kind !== 'map') return model;
  model.apiVersion = stringValue(getValue(root, 'apiVersion'));
  model.kind = stringValue(getValue(root, 'kind'));
  const nameNode = getValue(getValue(root, 'package'), 'name');
  if (nameNode) {
    model.packageNameNode = nameNode;
    model.packageName = stringValue(nameNode);
  }
  const spec = getValue(root, 'spec');
  if (!spec || spec.kind !== 'map') return model;
  model.spec = spec;
  let repeated = false;
  for (const pair of spec.pairs) {
    const name = keyName(pair);
    if (!name || !isSection(name)) continue;
    // A repeated section key: PyYAML keeps the last one, so do we (duplicate-key reports it).
    repeated ||= model.sections.has(name);
    model.sections.set(name, { name, pair, items: pair.value?.kind === 'seq' ? resourcesOf(name, pair.value.items) : [] });
  }
  for (const section of model.sections.values()) if (section.name !== 'variables') model.resources.push(...section.items);
  if (repeated) model.resources.sort((a, b) => a.node.start - b.node.start);
  return model;
}

/** The resource an item node became in the latest model built from it. */
export function resourceFor(node: YNode | undefined): Resource | undefined {
  return node ? itemResources.get(node) : undefined;
}

function resourcesOf(section: SectionName, items: readonly YNode[]): Resource[] {
  const known = sectionResources.get(items);
  if (known?.section === section) return known.resources;
  const resources = items.map((node, index) => {
    const kept = itemResources.get(node);
    if (kept?.section === section && kept.index === index) return kept;
    const chunk = itemChunk(node);
    // The identity depends on the item's text only: computed once per chunk.
    const resource: Resource = { section, index, node, chunk, ...identify(section, node) };
    itemResources.set(node, resource);
    return resource;
  });
  sectionResources.set(items, { section, resources });
  return resources;
}

/** The chunk an item was parsed in, when it holds that item alone (its results can be memoised on it). */
function itemChunk(node: YNode): Chunk | undefined {
  const origin = (node as { origin?: unknown }).origin;
  return origin instanceof Chunk && origin.kind === 'item' && origin.root?.kind === 'seq' && origin.root.items.length === 1 ? origin : undefined;
}

type Identity = Pick<Resource, 'identity' | 'identityNode' | 'namespace' | 'name' | 'dynamic'>;

function identify(section: SectionName, node: YNode): Identity {
  const out: Identity = { identityNode: node, dynamic: false };
  if (node.kind !== 'map') return out;
  if (NAMESPACED_SECTIONS.has(section)) {
    const nameNode = getValue(node, 'name');
    const nsNode = getValue(node, 'namespace');
    const name = stringValue(nameNode);
    const namespace = nsNode ? stringValue(nsNode) : 'default';
    if (nameNode) out.identityNode = nameNode;
    out.name = name;
    out.namespace = namespace;
    if (name !== undefined && namespace !== undefined) out.identity = `${namespace}/${name}`;
  } else {
    const field = IDENTITY_FIELD[section];
    const idNode = field ? findPair(node, field)?.value : undefined;
    if (idNode) out.identityNode = idNode;
    out.identity = stringValue(idNode);
    out.name = out.identity;
  }
  out.dynamic = out.identity?.includes('${{') ?? false;
  return out;
}
