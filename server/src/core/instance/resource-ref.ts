/**
 * `resource_ref` variables (seed docs): `resource` names the kind, the value names one that must
 * exist at install. Where that value is looked up in an instance snapshot.
 */
import type { SectionName } from '../model/sections';

export const RESOURCE_REF_SECTIONS: Readonly<Record<string, SectionName>> = {
  llm_providers: 'llmProviders',
  database_connections: 'databaseConnections',
  collections: 'collections',
  secrets: 'secrets',
  roles: 'roles',
};

/** The section and identity a `resource_ref` value names (a bare collection name means `default/<name>`). */
export function resourceRefTarget(resource: string | undefined, value: string): { section: SectionName; identity: string } | undefined {
  const section = resource === undefined ? undefined : RESOURCE_REF_SECTIONS[resource];
  if (!section) return undefined;
  return { section, identity: section === 'collections' && !value.includes('/') ? `default/${value}` : value };
}
