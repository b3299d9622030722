/**
 * The package as Sinas sees it: header fields and, per section, its items with their identity.
 * Built from the tree in one pass over the sections (not the whole tree), every version.
 */
import type { Chunk } from '../parse/parse-document';
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

export function buildModel(root: YNode | null, itemChunks: Map<YNode, Chunk>): PackageModel {
  const model: PackageModel = { root, sections: new Map(), resources: [] };
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
    const section: Section = { name, pair, items: [] };
    // A repeated section key: PyYAML keeps the last one, so do we (duplicate-key reports it).
    model.sections.set(name, section);
    if (pair.value?.kind !== 'seq') continue;
    pair.value.items.forEach((node, index) => {
      const chunk = itemChunks.get(node);
      // The identity depends on the item's text only: computed once per chunk.
      const identity = chunk ? chunk.rememberValue(`identity:${name}`, () => identify(name, node)) : identify(name, node);
      section.items.push({ section: name, index, node, chunk, ...identity });
    });
  }
  for (const section of model.sections.values()) if (section.name !== 'variables') model.resources.push(...section.items);
  model.resources.sort((a, b) => a.node.start - b.node.start);
  return model;
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
