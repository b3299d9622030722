/**
 * The package's symbol table and its references, built once per version: every definition by kind
 * and identity, every reference with its node, expected form and resolved target. Rules report on
 * it; editor features use it for go to definition and find references.
 */
import { rememberForItem } from '../model/item-memo';
import type { PackageModel, Resource } from '../model/package-model';
import type { SectionName } from '../model/sections';
import type { YNode, YScalar } from '../parse/yaml-tree';
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
  /** Every reference in document order. */
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

export function buildReferenceIndex(model: PackageModel): ReferenceIndex {
  const defs = new Map<SectionName, Map<string, Resource[]>>();
  const ops = new Map<string, Map<string, YScalar>>();
  const references: Reference[] = [];
  const items: Resource[] = [...(model.sections.get('variables')?.items ?? []), ...model.resources];
  for (const resource of items) {
    if (resource.identity !== undefined && !resource.dynamic) {
      let byId = defs.get(resource.section);
      if (!byId) defs.set(resource.section, (byId = new Map()));
      const list = byId.get(resource.identity);
      if (list) list.push(resource);
      else byId.set(resource.identity, [resource]);
    }
    const raw = rememberForItem(resource, `refs:${resource.section}`, () => collectReferences(resource.section, resource.node));
    for (const r of raw) {
      // Spelled out rather than spread: one object shape keeps the per-version passes fast.
      references.push({
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
      });
    }
    if (resource.section === 'connectors' && resource.identity !== undefined) {
      // The last connector with an identity wins, as at apply.
      ops.set(resource.identity, rememberForItem(resource, 'ops', () => collectOperations(resource.node)));
    }
  }

  let inverse: Map<string, Reference[]> | undefined;
  const keyOf = (kind: ReferenceKind, target: string, connector?: string) => (kind === 'operations' ? `operations\u0000${connector}\u0000${target}` : `${kind}\u0000${target}`);
  const connectorTarget = (r: Reference) => (r.connector !== undefined ? (r.connector.includes('/') ? r.connector : undefined) : undefined);

  const index: ReferenceIndex = {
    references,
    definitions: (kind, identity) => defs.get(kind)?.get(identity) ?? EMPTY,
    operations: (connector) => ops.get(connector),
    resolve(reference) {
      if (reference.target === undefined) return undefined;
      if (reference.kind === 'operations') {
        const connector = connectorTarget(reference);
        const owner = connector ? defs.get('connectors')?.get(connector) : undefined;
        const node = connector ? ops.get(connector)?.get(reference.target) : undefined;
        return owner && node ? { resource: owner[owner.length - 1], node } : undefined;
      }
      const list = defs.get(reference.kind)?.get(reference.target);
      if (!list?.length) return undefined;
      const resource = list[list.length - 1];
      return { resource, node: resource.identityNode };
    },
    referencesTo(resource, operation) {
      if (!inverse) {
        inverse = new Map();
        for (const r of references) {
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
      let lo = 0;
      let hi = references.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const node = references[mid].node;
        if (offset < node.start) hi = mid - 1;
        else if (offset > node.end) lo = mid + 1;
        else return references[mid];
      }
      return undefined;
    },
  };
  return index;
}
