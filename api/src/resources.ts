/**
 * The list endpoints of §3, one table row per resource kind: path, paging style, the permission
 * that decides what is visible, and how an item is identified. Every list is normalised into
 * `{type, namespace, name, description?}` and keeps its raw record.
 */
import type {
  AgentDto,
  CollectionDto,
  ComponentDto,
  ConnectorDto,
  DatabaseConnectionDto,
  DatabaseTriggerDto,
  DependencyDto,
  FunctionDto,
  LlmProviderDto,
  ManifestDto,
  PackageResourceType,
  QueryDto,
  RoleDto,
  ScheduleDto,
  SecretDto,
  SkillDto,
  StoreDto,
  TemplateDto,
  WebhookDto,
} from './types';

export interface ResourceDtoMap {
  agents: AgentDto;
  functions: FunctionDto;
  skills: SkillDto;
  connectors: ConnectorDto;
  manifests: ManifestDto;
  components: ComponentDto;
  queries: QueryDto;
  collections: CollectionDto;
  stores: StoreDto;
  templates: TemplateDto;
  webhooks: WebhookDto;
  schedules: ScheduleDto;
  'database-triggers': DatabaseTriggerDto;
  'llm-providers': LlmProviderDto;
  'database-connections': DatabaseConnectionDto;
  secrets: SecretDto;
  roles: RoleDto;
  dependencies: DependencyDto;
}

/** The path segment under `/api/v1/`. */
export type ResourceKind = keyof ResourceDtoMap;

/** Package resource types, plus the infrastructure a package can only reference. */
export type ResourceType = PackageResourceType | 'llm_provider' | 'database_connection' | 'secret' | 'role' | 'dependency';

export interface ResourceSummary<R = Record<string, unknown>> {
  kind: ResourceKind;
  type: ResourceType;
  /** Null for kinds without namespaces (webhooks, schedules, triggers, infrastructure). */
  namespace: string | null;
  /** For webhooks the `path` (what `/packages/create` matches), for dependencies the package name. */
  name: string;
  description?: string;
  raw: R;
}

export interface ResourceList<R = Record<string, unknown>> {
  kind: ResourceKind;
  items: ResourceSummary<R>[];
  /**
   * True when the endpoint caps its answer (100 items, no paging) and the cap was reached, so
   * more may exist. Pass a `namespace` where the endpoint filters by it.
   */
  truncated: boolean;
}

/**
 * - `capped`: no paging, at most 100 items (optionally a `namespace` filter);
 * - `paged`: `skip`/`limit`, read page by page;
 * - `all`: no cap.
 */
type Paging = 'capped' | 'paged' | 'all';

export interface KindSpec {
  type: ResourceType;
  paging: Paging;
  /** The endpoint accepts `?namespace=`. */
  namespaceFilter: boolean;
  /** What a key needs to see every item; most lists answer 200 with fewer items without it. */
  permission?: string;
  /** For sentences: "list LLM providers". */
  label: string;
  /** The field that names an item (checked to be text in every answer, see shapes.ts). */
  identity: 'name' | 'path' | 'package_name';
  namespaced: boolean;
}

const namespaced = (type: PackageResourceType, table: string, label: string, namespaceFilter: boolean, paging: Paging = 'capped'): KindSpec => ({
  type,
  paging,
  namespaceFilter,
  permission: `sinas.${table}/*/*.read:all`,
  label,
  identity: 'name',
  namespaced: true,
});
const flat = (type: ResourceType, permission: string | undefined, label: string, paging: Paging, identity: KindSpec['identity'] = 'name'): KindSpec => ({
  type,
  paging,
  namespaceFilter: false,
  permission,
  label,
  identity,
  namespaced: false,
});

export const RESOURCE_KINDS: Record<ResourceKind, KindSpec> = {
  agents: namespaced('agent', 'agents', 'agents', false),
  functions: namespaced('function', 'functions', 'functions', false, 'paged'),
  skills: namespaced('skill', 'skills', 'skills', true),
  connectors: namespaced('connector', 'connectors', 'connectors', false),
  manifests: namespaced('manifest', 'manifests', 'manifests', true),
  components: namespaced('component', 'components', 'components', true),
  queries: namespaced('query', 'queries', 'queries', true),
  collections: namespaced('collection', 'collections', 'collections', true),
  stores: namespaced('store', 'stores', 'stores', true),
  templates: namespaced('template', 'templates', 'templates', false),
  webhooks: flat('webhook', 'sinas.webhooks.read:all', 'webhooks', 'paged', 'path'),
  schedules: flat('schedule', 'sinas.schedules.read:all', 'schedules', 'paged'),
  'database-triggers': flat('database_trigger', 'sinas.database_triggers.read:all', 'database triggers', 'paged'),
  'llm-providers': flat('llm_provider', 'sinas.llm_providers.read:all', 'LLM providers', 'all'),
  'database-connections': flat('database_connection', 'sinas.database_connections.read:all', 'database connections', 'all'),
  secrets: flat('secret', 'sinas.secrets.read:own', 'secrets', 'all'),
  roles: flat('role', 'sinas.roles.read:all', 'roles', 'paged'),
  dependencies: flat('dependency', undefined, 'dependencies', 'all', 'package_name'),
};

export const ALL_RESOURCE_KINDS = Object.keys(RESOURCE_KINDS) as ResourceKind[];

/** The server's cap on lists without paging (the model mixin's default `limit`). */
export const LIST_CAP = 100;
/** Page size for `skip`/`limit` endpoints; the default limit every one of them accepts. */
export const PAGE_SIZE = 100;
/** At most this many pages are read (10,000 items). */
export const MAX_PAGES = 100;

export function summarise<K extends ResourceKind>(kind: K, raw: ResourceDtoMap[K]): ResourceSummary<ResourceDtoMap[K]> {
  const spec = RESOURCE_KINDS[kind];
  const record = raw as Record<string, unknown>;
  const summary: ResourceSummary<ResourceDtoMap[K]> = {
    kind,
    type: spec.type,
    namespace: spec.namespaced ? String(record.namespace ?? 'default') : null,
    name: String(record[spec.identity] ?? ''),
    raw,
  };
  if (typeof record.description === 'string' && record.description) summary.description = record.description;
  else if (kind === 'dependencies' && typeof record.version === 'string' && record.version) summary.description = `version ${record.version}`;
  return summary;
}
