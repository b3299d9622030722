/**
 * `POST /packages/create` silently skips unknown types and resources it cannot find (§2.3). The only
 * way to tell is to look for each requested resource in the YAML it returns.
 */
import { parse } from 'yaml';
import type { PackageResourceType, ResourceRef } from './types';

/** Spec section and identity field per create type (§2.3 lookup rules, §6.1 serialisers). */
const SECTIONS: Record<PackageResourceType, { section: string; identity: 'namespaced' | 'path' | 'name' }> = {
  agent: { section: 'agents', identity: 'namespaced' },
  function: { section: 'functions', identity: 'namespaced' },
  skill: { section: 'skills', identity: 'namespaced' },
  connector: { section: 'connectors', identity: 'namespaced' },
  manifest: { section: 'manifests', identity: 'namespaced' },
  component: { section: 'components', identity: 'namespaced' },
  query: { section: 'queries', identity: 'namespaced' },
  collection: { section: 'collections', identity: 'namespaced' },
  store: { section: 'stores', identity: 'namespaced' },
  template: { section: 'templates', identity: 'namespaced' },
  webhook: { section: 'webhooks', identity: 'path' },
  schedule: { section: 'schedules', identity: 'name' },
  database_trigger: { section: 'databaseTriggers', identity: 'name' },
};

export const CREATE_TYPES = Object.keys(SECTIONS) as PackageResourceType[];

function identityOf(identity: 'namespaced' | 'path' | 'name', item: Record<string, unknown>): string {
  if (identity === 'namespaced') return `${String(item.namespace ?? 'default')}/${String(item.name ?? '')}`;
  return String((identity === 'path' ? item.path : item.name) ?? '');
}

/**
 * The requested resources that are missing from the returned YAML, in request order; undefined
 * when the YAML cannot be read (then nothing can be said).
 */
export function skippedResources(requested: readonly ResourceRef[], yaml: string): ResourceRef[] | undefined {
  let doc: unknown;
  try {
    doc = parse(yaml);
  } catch {
    return undefined;
  }
  const spec = (doc as { spec?: unknown } | null)?.spec;
  const sections = spec && typeof spec === 'object' ? (spec as Record<string, unknown>) : {};
  const present = new Set<string>();
  for (const [type, { section, identity }] of Object.entries(SECTIONS)) {
    const items = sections[section];
    if (!Array.isArray(items)) continue;
    for (const item of items) if (item && typeof item === 'object') present.add(`${type}:${identityOf(identity, item as Record<string, unknown>)}`);
  }
  return requested.filter((ref) => {
    const known = SECTIONS[ref.type];
    if (!known) return true;
    const id = known.identity === 'namespaced' ? `${ref.namespace ?? 'default'}/${ref.name}` : ref.name;
    return !present.has(`${ref.type}:${id}`);
  });
}

/** The `/packages/create` request entry for the resource of a spec section with that identity (`ns/name`, path or name). */
export function resourceRefOf(section: string, identity: string): ResourceRef | undefined {
  const entry = Object.entries(SECTIONS).find(([, s]) => s.section === section);
  if (!entry) return undefined;
  const [type, { identity: form }] = entry as [PackageResourceType, (typeof SECTIONS)[PackageResourceType]];
  if (form !== 'namespaced') return { type, name: identity };
  const slash = identity.indexOf('/');
  return slash < 0 ? { type, name: identity } : { type, namespace: identity.slice(0, slash), name: identity.slice(slash + 1) };
}
