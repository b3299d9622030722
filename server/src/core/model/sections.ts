/**
 * The sections of `spec` and how each identifies its resources, as the backend does (§4.3):
 * namespaced types by `namespace/name` (namespace defaults to `default`), the rest by one field.
 */
export const SECTIONS = [
  'variables',
  'roles',
  'users',
  'llmProviders',
  'databaseConnections',
  'dependencies',
  'secrets',
  'connectors',
  'skills',
  'components',
  'functions',
  'queries',
  'collections',
  'templates',
  'stores',
  'manifests',
  'agents',
  'webhooks',
  'schedules',
  'databaseTriggers',
] as const;

export type SectionName = (typeof SECTIONS)[number];

export function isSection(name: string): name is SectionName {
  return (SECTIONS as readonly string[]).includes(name);
}

/** Sections a package may hold but the server skips on install (environment-specific). */
export const SKIPPED_SECTIONS: readonly SectionName[] = ['roles', 'users', 'llmProviders', 'databaseConnections'];

/** What a skipped section holds, in words (`LLM providers`), for messages about it. */
export const SKIPPED_SECTION_LABEL: Readonly<Partial<Record<SectionName, string>>> = {
  roles: 'roles',
  users: 'users',
  llmProviders: 'LLM providers',
  databaseConnections: 'database connections',
};

export const NAMESPACED_SECTIONS: ReadonlySet<SectionName> = new Set([
  'connectors',
  'skills',
  'components',
  'functions',
  'queries',
  'collections',
  'templates',
  'stores',
  'manifests',
  'agents',
]);

/** The field that identifies a resource of a non-namespaced section. */
export const IDENTITY_FIELD: Partial<Record<SectionName, string>> = {
  variables: 'name',
  roles: 'name',
  users: 'email',
  llmProviders: 'name',
  databaseConnections: 'name',
  dependencies: 'packageName',
  secrets: 'name',
  webhooks: 'path',
  schedules: 'name',
  databaseTriggers: 'name',
};

/** Singular, human-readable kind names for messages ("function `tools/x`"). */
export const KIND_NAME: Record<SectionName, string> = {
  variables: 'variable',
  roles: 'role',
  users: 'user',
  llmProviders: 'LLM provider',
  databaseConnections: 'database connection',
  dependencies: 'dependency',
  secrets: 'secret',
  connectors: 'connector',
  skills: 'skill',
  components: 'component',
  functions: 'function',
  queries: 'query',
  collections: 'collection',
  templates: 'template',
  stores: 'store',
  manifests: 'manifest',
  agents: 'agent',
  webhooks: 'webhook',
  schedules: 'schedule',
  databaseTriggers: 'database trigger',
};
