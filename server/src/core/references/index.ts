/**
 * The package's symbol table and its references: every definition by kind and identity, every
 * reference with its node, expected form and resolved target. Rules read each item's references
 * (memoised with the item) against the definitions; editor features use the whole index for go to
 * definition and find references.
 */
import { rememberForItem } from '../model/item-memo';
import type { PackageModel, Resource } from '../model/package-model';
import type { SectionName } from '../model/sections';
import type { YNode, YScalar } from '../parse/yaml-tree';
import { nameIndex, type NameIndex } from '../text/suggest';
import { collectOperations, collectReferences, type RawReference, type ReferenceKind } from './collect';

export type { RawReference, ReferenceForm, ReferenceKind, ReferenceRole } from './collect';
export { PARAMETERS_FOR } from './collect';

export interface Reference extends RawReference {
  /** The item that holds the reference. */
  source: Resource;
}

export interface Definition {
  resource: Resource;
  /** The node to jump to: the identity value (`name`, `path`, …), or an operation's `name`. */
  node: YNode;
}

export interface ReferenceIndex {
  /** Every reference in document order (gathered on first read). */
  readonly references: readonly Reference[];
  /** Definitions by kind and identity, in document order (several when the identity is duplicated). */
  definitions(kind: SectionName, identity: string): readonly Resource[];
  /** Operation names of a connector defined in this file (undefined when it is not in the file). */
  operations(connector: string): ReadonlyMap<string, YScalar> | undefined;
  /** Where a reference leads in this file: the last definition, which is what apply keeps. */
  resolve(reference: Reference): Definition | undefined;
  /** References whose target is this resource (or, with `operation`, this connector operation). */
  referencesTo(resource: Resource, operation?: string): Reference[];
  /** The reference whose node contains the offset. */
  referenceAt(offset: number): Reference | undefined;
}

const EMPTY: readonly Resource[] = [];

/**
 * Resources by kind and identity, in document order. Built when identities change; an edit that
 * keeps an item's identity swaps the new item in (`replace`), so the table is not rebuilt.
 */
export class Definitions {
  private readonly byKind = new Map<SectionName, Map<string, Resource[]>>();
  private readonly repeated: [SectionName, Resource[]][] = [];
  private readonly indexes = new Map<SectionName, NameIndex>();

  constructor(items: Iterable<Resource>) {
    for (const resource of items) {
      if (resource.identity === undefined || resource.dynamic) continue;
      let byId = this.byKind.get(resource.section);
      if (!byId) this.byKind.set(resource.section, (byId = new Map()));
      const list = byId.get(resource.identity);
      if (!list) byId.set(resource.identity, [resource]);
      else if (list.push(resource) === 2) this.repeated.push([resource.section, list]);
    }
  }

  get(kind: SectionName, identity: string): readonly Resource[] {
    return this.byKind.get(kind)?.get(identity) ?? EMPTY;
  }

  /** Identities of one kind, in the order they first appear. */
  identities(kind: SectionName): IterableIterator<string> {
    return (this.byKind.get(kind) ?? new Map<string, Resource[]>()).keys();
  }

  /** The identities of one kind as a did-you-mean index (built once per table). */
  nameIndex(kind: SectionName): NameIndex {
    let index = this.indexes.get(kind);
    if (!index) this.indexes.set(kind, (index = nameIndex(this.identities(kind))));
    return index;
  }

  /** The resources of one kind whose name (without namespace) is `name`. */
  named(kind: SectionName, name: string): Resource[] {
    const out: Resource[] = [];
    for (const list of this.byKind.get(kind)?.values() ?? []) for (const r of list) if (r.name === name) out.push(r);
    return out;
  }

  /** Identities defined more than once, with their resources in document order. */
  duplicates(): readonly (readonly [SectionName, readonly Resource[]])[] {
    return this.repeated;
  }

  /** Puts `next` where `previous` was; both must have the same section and identity. */
  replace(previous: Resource, next: Resource): void {
    if (previous.identity === undefined || previous.dynamic) return;
    const list = this.byKind.get(previous.section)?.get(previous.identity);
    const at = list ? list.indexOf(previous) : -1;
    if (list && at >= 0) list[at] = next;
  }
}

/** Whether two versions of an item define the same thing (the definitions table then stays valid). */
export function sameDefinition(a: Resource, b: Resource): boolean {
  return a.section === b.section && a.index === b.index && a.identity === b.identity && a.dynamic === b.dynamic && a.name === b.name && a.namespace === b.namespace;
}

/** The references one item makes, memoised with it. */
export function itemReferences(item: Resource): Reference[] {
  const memo = rememberForItem(item, 'references', () => ({ source: item, references: referencesOf(item) }));
  return memo.source === item ? memo.references : referencesOf(item);
}

function referencesOf(resource: Resource): Reference[] {
  // Spelled out rather than spread: one object shape keeps the per-version passes fast.
  return collectReferences(resource.section, resource.node).map((r) => ({
    kind: r.kind,
    form: r.form,
    role: r.role,
    checked: r.checked,
    node: r.node,
    text: r.text,
    field: r.field,
    namespaceNode: r.namespaceNode,
    connector: r.connector,
    entry: r.entry,
    target: r.target,
    dynamic: r.dynamic,
    source: resource,
  }));
}

/** Operation names of the connectors defined in this file (the last connector with an identity wins, as at apply). */
export function connectorOperations(model: PackageModel): Map<string, ReadonlyMap<string, YScalar>> {
  const ops = new Map<string, ReadonlyMap<string, YScalar>>();
  for (const resource of model.sections.get('connectors')?.items ?? []) {
    if (resource.identity !== undefined) ops.set(resource.identity, rememberForItem(resource, 'ops', () => collectOperations(resource.node)));
  }
  return ops;
}

/**
 * The index of one version. Definitions and operations are given or built at once; the list of
 * every reference is gathered on first use (editor features), since rules read each item's own.
 */
export function buildReferenceIndex(
  model: PackageModel,
  definitions: Definitions = new Definitions(model.items),
  ops: ReadonlyMap<string, ReadonlyMap<string, YScalar>> = connectorOperations(model),
): ReferenceIndex {
  let references: Reference[] | undefined;
  const all = () => (references ??= model.items.flatMap((item) => itemReferences(item)));
  let inverse: Map<string, Reference[]> | undefined;
  const keyOf = (kind: ReferenceKind, target: string, connector?: string) => (kind === 'operations' ? `operations\u0000${connector}\u0000${target}` : `${kind}\u0000${target}`);
  const connectorTarget = (r: Reference) => (r.connector !== undefined ? (r.connector.includes('/') ? r.connector : undefined) : undefined);

  const index: ReferenceIndex = {
    get references() {
      return all();
    },
    definitions: (kind, identity) => definitions.get(kind, identity),
    operations: (connector) => ops.get(connector),
    resolve(reference) {
      if (reference.target === undefined) return undefined;
      if (reference.kind === 'operations') {
        const connector = connectorTarget(reference);
        const owner = connector ? definitions.get('connectors', connector) : EMPTY;
        const node = connector ? ops.get(connector)?.get(reference.target) : undefined;
        return owner.length && node ? { resource: owner[owner.length - 1], node } : undefined;
      }
      const list = definitions.get(reference.kind, reference.target);
      if (!list.length) return undefined;
      const resource = list[list.length - 1];
      return { resource, node: resource.identityNode };
    },
    referencesTo(resource, operation) {
      if (!inverse) {
        inverse = new Map();
        for (const r of all()) {
          if (r.target === undefined) continue;
          const key = keyOf(r.kind, r.target, connectorTarget(r));
          const list = inverse.get(key);
          if (list) list.push(r);
          else inverse.set(key, [r]);
        }
      }
      if (resource.identity === undefined) return [];
      const key = operation !== undefined ? keyOf('operations', operation, resource.identity) : keyOf(resource.section, resource.identity);
      return inverse.get(key) ?? [];
    },
    referenceAt(offset) {
      const list = all();
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const node = list[mid].node;
        if (offset < node.start) hi = mid - 1;
        else if (offset > node.end) lo = mid + 1;
        else return list[mid];
      }
      return undefined;
    },
  };
  return index;
}
