/**
 * The package as Sinas sees it: header fields and, per section, its items with their identity.
 * Built from the tree in one pass over the sections (not the whole tree), every version.
 */
import { Chunk, type ReplacedItem } from '../parse/parse-document';
import { findPair, getValue, keyName, resolve, stringValue, type YNode, type YPair } from '../parse/yaml-tree';
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
  /** Set when `items` is the previous version's list with the item at `index` replaced (an edit inside it). */
  patchedFrom?: { items: Resource[]; index: number };
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
  readonly resources: Resource[];
  /** Every item: those of `variables` first, then `resources`. */
  readonly items: readonly Resource[];
}

/**
 * Resources per section list, kept while the list is unchanged (the parser keeps a section's item
 * array across versions until one of its items changes), and per item node.
 */
const sectionResources = new WeakMap<readonly YNode[], { section: SectionName; resources: Resource[] }>();
const itemResources = new WeakMap<YNode, Resource>();

/** `replaced`: the parser's note of an edit inside one item, so that section's list is patched, not rebuilt. */
export function buildModel(root: YNode | null, replaced?: ReplacedItem): PackageModel {
  let resources: Resource[] | undefined;
  let items: readonly Resource[] | undefined;
  const model: PackageModel = {
    root,
    sections: new Map(),
    // Gathered on first read: an edit's analysis goes through the sections, features read these.
    get resources() {
      return (resources ??= allResources(model.sections));
    },
    get items() {
      if (!items) {
        const variables = model.sections.get('variables')?.items ?? [];
        items = variables.length ? [...variables, ...model.resources] : model.resources;
      }
      return items;
    },
  };
  if (!root || root.kind !== 'map') return model;
  // Through aliases too (`kind: *k`): PyYAML reads the anchored value there.
  model.apiVersion = stringValue(resolve(getValue(root, 'apiVersion')));
  model.kind = stringValue(resolve(getValue(root, 'kind')));
  const nameNode = getValue(getValue(root, 'package'), 'name');
  if (nameNode) {
    model.packageNameNode = nameNode;
    model.packageName = stringValue(nameNode);
  }
  const spec = getValue(root, 'spec');
  if (!spec || spec.kind !== 'map') return model;
  model.spec = spec;
  for (const pair of spec.pairs) {
    const name = keyName(pair);
    if (!name || !isSection(name)) continue;
    // A repeated section key: PyYAML keeps the last one, so do we (duplicate-key reports it).
    model.sections.set(name, pair.value?.kind === 'seq' ? sectionOf(name, pair, pair.value.items, replaced?.patched) : { name, pair, items: [] });
  }
  return model;
}

/** Every item of every section except `variables`, in document order. */
function allResources(sections: Map<SectionName, Section>): Resource[] {
  const out: Resource[] = [];
  for (const section of sections.values()) if (section.name !== 'variables') for (const item of section.items) out.push(item);
  // Sections come in document order unless a repeated key kept its first place with its last value.
  for (let i = 1; i < out.length; i++) if (out[i - 1].node.start > out[i].node.start) return out.sort((a, b) => a.node.start - b.node.start);
  return out;
}

/** The resource an item node became in the latest model built from it. */
export function resourceFor(node: YNode | undefined): Resource | undefined {
  return node ? itemResources.get(node) : undefined;
}

function sectionOf(name: SectionName, pair: YPair, items: readonly YNode[], patched: ReplacedItem['patched']): Section {
  const known = sectionResources.get(items);
  if (known?.section === name) return { name, pair, items: known.resources };
  const before = patched?.items === items ? sectionResources.get(patched.previousItems) : undefined;
  if (patched && before?.section === name && before.resources.length === items.length) {
    const resources = before.resources.slice();
    resources[patched.index] = resourceAt(name, items, patched.index);
    sectionResources.set(items, { section: name, resources });
    return { name, pair, items: resources, patchedFrom: { items: before.resources, index: patched.index } };
  }
  const resources = items.map((_node, index) => resourceAt(name, items, index));
  sectionResources.set(items, { section: name, resources });
  return { name, pair, items: resources };
}

function resourceAt(section: SectionName, items: readonly YNode[], index: number): Resource {
  const node = items[index];
  const kept = itemResources.get(node);
  if (kept?.section === section && kept.index === index) return kept;
  // The identity depends on the item's text only: computed once per chunk.
  const resource: Resource = { section, index, node, chunk: itemChunk(node), ...identify(section, node) };
  itemResources.set(node, resource);
  return resource;
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
