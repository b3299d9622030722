/**
 * Wire types of the Sinas API as the server sends them (snake_case, see api-contract.md §1–§3 and
 * the seed's install-time variables), plus the client's own connection settings. No `vscode` here:
 * the extension and the CLI share this module.
 */

/** One configured Sinas instance. The key lives in memory only (SecretStorage / env / stdin). */
export interface ConnectionSettings {
  /** A label for the user ("staging"); never sent to the server. */
  name: string;
  /** Base URL, e.g. `https://sinas.example.com` (no `/api/v1`). */
  url: string;
  apiKey: string;
}

/** `GET /health`. */
export interface HealthResponse {
  status: string;
}

// ---------------------------------------------------------------------------------------------
// Packages (§2)

/** `PackageResponse`: install's `package`, `GET /api/v1/packages/{name}`. */
export interface PackageResponse {
  id: string;
  name: string;
  version: string;
  description: string | null;
  author: string | null;
  source_url: string | null;
  installed_by: string;
  installed_at: string;
  updated_at: string | null;
  /** Variable values of the last install, secrets as `"***"` (seed: `Package.values`). Absent on older instances. */
  values?: Record<string, unknown> | null;
}

/** Items of `GET /api/v1/packages`, newest `installed_at` first. */
export interface PackageListItem {
  id: string;
  name: string;
  version: string;
  description: string | null;
  author: string | null;
  installed_at: string;
}

export type ChangeAction = 'create' | 'update' | 'unchanged' | 'delete';

export interface ResourceChange {
  action: ChangeAction;
  /** `functions`, `agents`, `databaseTriggers`, … (the spec section). */
  resourceType: string;
  /** `ns/name`, or a webhook path / schedule name / trigger name / secret name. */
  resourceName: string;
  details: string | null;
  changes: Record<string, unknown> | null;
}

export interface ApplySummary {
  created: Record<string, number>;
  updated: Record<string, number>;
  unchanged: Record<string, number>;
  deleted: Record<string, number>;
}

/** `ConfigApplyResponse`: preview's body, install's `apply`. */
export interface ConfigApplyResponse {
  success: boolean;
  summary: ApplySummary;
  changes: ResourceChange[];
  errors: string[];
  warnings: string[];
}

export type VariableType = 'text' | 'boolean' | 'enum' | 'resource_ref' | 'secret';

/** A declaration under `spec.variables`, as preview lists it (unset keys are null). */
export interface VariableDeclarationDto {
  name: string;
  type: VariableType | string;
  description?: string | null;
  required?: boolean | null;
  default?: unknown;
  choices?: unknown[] | null;
  pattern?: string | null;
  /** For `resource_ref`: `llm_providers|database_connections|collections|secrets|roles`. */
  resource?: string | null;
  example?: unknown;
}

/** Preview's body on an instance with install-time variables. */
export interface PreviewResponse extends ConfigApplyResponse {
  /** Missing on instances that predate variables. */
  variables?: VariableDeclarationDto[];
  requires_input?: boolean;
}

export interface InstallResponse {
  package: PackageResponse;
  apply: ConfigApplyResponse;
}

/** What `POST /api/v1/packages/create` accepts in `resources[].type`. */
export type PackageResourceType =
  | 'agent'
  | 'function'
  | 'skill'
  | 'connector'
  | 'manifest'
  | 'component'
  | 'query'
  | 'collection'
  | 'store'
  | 'template'
  | 'webhook'
  | 'schedule'
  | 'database_trigger';

export interface ResourceRef {
  type: PackageResourceType;
  /** Defaults to `default` on the server; ignored for webhooks (path), schedules and triggers (name). */
  namespace?: string;
  /** For a webhook: its `path`. */
  name: string;
}

export interface CreatePackageRequest {
  name: string;
  version?: string;
  description?: string;
  author?: string;
  url?: string;
  resources: ResourceRef[];
}

export interface CreatePackageResponse {
  yaml: string;
}

/** `POST /api/v1/config/validate`. */
export interface ValidateConfigResponse {
  valid: boolean;
  errors: { path: string; message: string }[];
  warnings: { path: string; message: string }[];
}

/** `POST /auth/check-permissions`. */
export interface PermissionCheckResponse {
  result: boolean;
  logic: 'AND' | 'OR' | string;
  checks: { permission: string; has_permission: boolean }[];
}

// ---------------------------------------------------------------------------------------------
// Resource lists (§3). Only the identifying and commonly shown fields are typed; the rest stays in
// the record (every list item keeps its raw object).

interface Row {
  id?: string;
  created_at?: string;
  updated_at?: string;
  [field: string]: unknown;
}

export interface NamespacedRow extends Row {
  namespace: string;
  name: string;
  description?: string | null;
  is_active?: boolean;
}

export interface AgentDto extends NamespacedRow {
  model?: string | null;
  llm_provider_id?: string | null;
  is_default?: boolean;
}
export interface FunctionDto extends NamespacedRow {
  input_schema?: unknown;
  output_schema?: unknown;
}
export type SkillDto = NamespacedRow;
export interface ConnectorDto extends NamespacedRow {
  base_url?: string;
  operations?: { name: string; [field: string]: unknown }[];
}
export type ManifestDto = NamespacedRow;
export interface ComponentDto extends NamespacedRow {
  title?: string | null;
  visibility?: string;
  compile_status?: string;
}
export interface QueryDto extends NamespacedRow {
  operation?: string;
  database_connection_id?: string | null;
}
export type CollectionDto = NamespacedRow;
export interface StoreDto extends NamespacedRow {
  default_visibility?: string;
}
export interface TemplateDto extends NamespacedRow {
  managed_by?: string | null;
  config_name?: string | null;
}
export interface WebhookDto extends Row {
  path: string;
  http_method?: string;
  function_namespace?: string;
  function_name?: string;
  description?: string | null;
}
export interface ScheduleDto extends Row {
  name: string;
  schedule_type?: string;
  target_namespace?: string;
  target_name?: string;
  cron_expression?: string;
  description?: string | null;
}
export interface DatabaseTriggerDto extends Row {
  name: string;
  schema_name?: string;
  table_name?: string;
  function_namespace?: string;
  function_name?: string;
}
export interface LlmProviderDto extends Row {
  name: string;
  provider_type?: string;
  is_default?: boolean;
  default_model?: string | null;
}
export interface DatabaseConnectionDto extends Row {
  name: string;
  connection_type?: string;
  read_only?: boolean;
}
export interface SecretDto extends Row {
  name: string;
  visibility?: string;
  description?: string | null;
}
export interface RoleDto extends Row {
  name: string;
  description?: string | null;
  email_domain?: string | null;
}
export interface DependencyDto extends Row {
  package_name: string;
  version?: string | null;
}
