/**
 * Typed methods for the Sinas endpoints the authoring tools use: health, every
 * `/api/v1/packages` endpoint (with install-time variables), config validation, the resource
 * lists of §3 and the permission check. Every method rejects only with `SinasApiError`.
 *
 * Install-time variables: an instance that predates them ignores `variables` and would store
 * `${{ vars.X }}` literally. A preview tells (no `requires_input` in its answer); `install` checks
 * that before sending a document that uses variables, and refuses with kind `unsupported`.
 */
import { skippedResources } from './create-diff';
import { SinasApiError } from './errors';
import { HttpClient, type CallOptions, type HttpOptions, type HttpRequest } from './http';
import { secretValues, type DeclaredVariable } from './redact';
import { serverText } from './server-text';
import * as shapes from './shapes';
import { LIST_CAP, MAX_PAGES, PAGE_SIZE, RESOURCE_KINDS, summarise, type ResourceDtoMap, type ResourceKind, type ResourceList } from './resources';
import type {
  ConfigApplyResponse,
  ConnectionSettings,
  CreatePackageRequest,
  HealthResponse,
  InstallResponse,
  PackageListItem,
  PackageResponse,
  PermissionCheckResponse,
  PreviewResponse,
  ResourceRef,
  ValidateConfigResponse,
  VariableDeclarationDto,
} from './types';

export type SinasClientOptions = Omit<HttpOptions, 'baseUrl' | 'apiKey'>;

export interface VariableInput {
  /** `{NAME: value}` for the package's `spec.variables`. */
  variables?: Record<string, unknown>;
  /**
   * The declarations (from the language core or a preview), so secret values are redacted in logs
   * and errors; without them every value is treated as secret.
   */
  declarations?: readonly DeclaredVariable[];
}

export interface PreviewResult {
  apply: ConfigApplyResponse;
  /** The declarations the server read; null when the instance predates variables. */
  variables: VariableDeclarationDto[] | null;
  /** Required variables are still missing (false on instances without variables). */
  requiresInput: boolean;
  supportsVariables: boolean;
  /** `success: false` or a non-empty `errors`: an install would fail or be partial. */
  hasErrors: boolean;
}

export type InstallResult =
  | { outcome: 'installed'; package: PackageResponse; apply: ConfigApplyResponse }
  /** HTTP 200, but some resources were not installed (`errors`); the package row was still recorded. */
  | { outcome: 'partial'; package: PackageResponse; apply: ConfigApplyResponse; errors: string[] };

export interface CreateResult {
  yaml: string;
  /** Requested resources the server left out (unknown type or not found); undefined if the YAML was unreadable. */
  skipped: ResourceRef[] | undefined;
}

export interface ListOptions extends CallOptions {
  /** Server-side filter where the endpoint has one (skills, manifests, components, queries, collections, stores), else applied here. */
  namespace?: string;
}

/** The permissions the package commands need, for `checkPermissions`. */
export const PACKAGE_PERMISSIONS = {
  install: 'sinas.packages.install:all',
  create: 'sinas.packages.create:all',
  read: 'sinas.packages.read:own',
  delete: 'sinas.packages.delete:all',
  validate: 'sinas.config.validate:all',
} as const;

const PACKAGES = '/api/v1/packages';
/** The smallest package: previewing it writes nothing (no resources) and shows whether variables are supported. */
const PROBE_SOURCE = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: sinas-package-tools-probe\n  version: "0"\nspec: {}\n';
const USES_VARIABLES = /\$\{\{/;

export class SinasClient {
  readonly connection: Readonly<Omit<ConnectionSettings, 'apiKey'>>;
  private readonly http: HttpClient;
  private variablesSupport: boolean | undefined;

  constructor(connection: ConnectionSettings, options: SinasClientOptions = {}) {
    this.http = new HttpClient({ ...options, baseUrl: connection.url, apiKey: connection.apiKey });
    this.connection = { name: connection.name, url: this.http.baseUrl };
  }

  /** `host[:port]`, as used in every error sentence. */
  get host(): string {
    return this.http.host;
  }

  /** Closes the client's connections (call when done, e.g. at the end of a CLI run). */
  close(): Promise<void> {
    return this.http.close();
  }

  /** `GET /health`: reachable and speaking the API (no permission needed). */
  async health(options?: CallOptions): Promise<HealthResponse> {
    return this.call<HealthResponse>({ ...options, method: 'GET', path: '/health', expect: 'json', action: 'answer a health check' }, shapes.HEALTH);
  }

  /** `POST /auth/check-permissions`: which of `permissions` the key holds. */
  async checkPermissions(permissions: readonly string[], logic: 'AND' | 'OR' = 'AND', options?: CallOptions): Promise<PermissionCheckResponse> {
    return this.call<PermissionCheckResponse>({
      ...options,
      method: 'POST',
      path: '/auth/check-permissions',
      body: { permissions, logic },
      expect: 'json',
      action: 'check permissions',
    }, shapes.PERMISSION_CHECK);
  }

  /** `GET /api/v1/packages`, newest first. */
  async listPackages(options?: CallOptions): Promise<PackageListItem[]> {
    return this.call<PackageListItem[]>({ ...options, method: 'GET', path: PACKAGES, expect: 'json', action: 'view packages', permission: PACKAGE_PERMISSIONS.read }, shapes.PACKAGE_LIST);
  }

  /** `GET /api/v1/packages/{name}`. */
  async getPackage(name: string, options?: CallOptions): Promise<PackageResponse> {
    return this.call<PackageResponse>({
      ...options,
      method: 'GET',
      path: this.packagePath(name, 'fetched'),
      expect: 'json',
      action: 'view packages',
      permission: PACKAGE_PERMISSIONS.read,
    }, shapes.PACKAGE);
  }

  /** `GET /api/v1/packages/{name}/export`: the exact source of the last install (placeholders kept). */
  async exportPackage(name: string, options?: CallOptions): Promise<string> {
    return this.call<string>({
      ...options,
      method: 'GET',
      path: `${this.packagePath(name, 'exported')}/export`,
      expect: 'text',
      action: 'export packages',
      permission: PACKAGE_PERMISSIONS.read,
    });
  }

  /** `DELETE /api/v1/packages/{name}`. A 500 here means the server rolled back: nothing was removed. */
  async uninstallPackage(name: string, options?: CallOptions): Promise<void> {
    try {
      await this.call<void>({
        ...options,
        method: 'DELETE',
        path: this.packagePath(name, 'uninstalled'),
        expect: 'empty',
        action: 'uninstall packages',
        permission: PACKAGE_PERMISSIONS.delete,
      });
    } catch (error) {
      if (error instanceof SinasApiError && error.kind === 'server' && error.status === 500) {
        throw error.withMessage(`${error.message} The uninstall was rolled back: nothing was removed.`);
      }
      throw error;
    }
  }

  /** `POST /api/v1/packages/preview` (dry run; HTTP 200 even when the apply would fail). */
  async previewPackage(source: string, input: VariableInput = {}, options?: CallOptions): Promise<PreviewResult> {
    const response = await this.packageCall<PreviewResponse>(source, input, options, 'preview', 'preview packages', shapes.PREVIEW);
    const supportsVariables = typeof response.requires_input === 'boolean';
    this.variablesSupport = supportsVariables;
    const { variables, requires_input, ...apply } = response;
    return {
      apply: normaliseApply(apply),
      variables: supportsVariables ? (variables ?? []) : null,
      requiresInput: requires_input === true,
      supportsVariables,
      hasErrors: apply.success === false || (apply.errors ?? []).length > 0,
    };
  }

  /**
   * `POST /api/v1/packages/install`. Resolves with `outcome: 'partial'` when the server answered
   * 200 but listed apply errors. Refuses (kind `unsupported`) to send a document using
   * `${{ … }}` to an instance without variables support.
   */
  async installPackage(source: string, input: VariableInput = {}, options?: CallOptions): Promise<InstallResult> {
    await this.assertVariablesSupported(source, input, options);
    const response = await this.packageCall<InstallResponse>(source, input, options, 'install', 'install packages', shapes.INSTALL);
    const apply = normaliseApply(response.apply);
    if (apply.errors.length > 0 || !apply.success) {
      return { outcome: 'partial', package: response.package, apply, errors: apply.errors };
    }
    return { outcome: 'installed', package: response.package, apply };
  }

  /** `POST /api/v1/packages/create`, plus the requested resources the server silently skipped. */
  async createPackage(request: CreatePackageRequest, options?: CallOptions): Promise<CreateResult> {
    const response = await this.call<{ yaml: string }>({
      ...options,
      method: 'POST',
      path: `${PACKAGES}/create`,
      body: request,
      expect: 'json',
      action: 'create packages',
      permission: PACKAGE_PERMISSIONS.create,
    }, shapes.CREATED);
    return { yaml: response.yaml, skipped: skippedResources(request.resources, response.yaml) };
  }

  /** `POST /api/v1/config/validate`: the server's own checks, including references to existing rows. */
  async validateConfig(config: string, options?: CallOptions): Promise<ValidateConfigResponse> {
    return this.call<ValidateConfigResponse>({
      ...options,
      method: 'POST',
      path: '/api/v1/config/validate',
      body: { config },
      expect: 'json',
      action: 'validate configs',
      permission: PACKAGE_PERMISSIONS.validate,
    }, shapes.CONFIG_CHECK);
  }

  /**
   * Rejects with kind `unsupported` when `source` uses `${{ … }}` (or variables are given) and the
   * instance predates variables: installing would store the placeholders literally. `install`
   * runs this itself; a UI can call it before asking for confirmation.
   */
  async assertVariablesSupported(source: string, input: VariableInput = {}, options?: CallOptions): Promise<void> {
    if (!USES_VARIABLES.test(source) && Object.keys(input.variables ?? {}).length === 0) return;
    if (!(await this.supportsVariables(options))) throw this.noVariables();
  }

  /**
   * Whether the instance understands install-time variables. Known after any preview; otherwise
   * found by previewing an empty package (which writes nothing). Needs the install permission.
   */
  async supportsVariables(options?: CallOptions): Promise<boolean> {
    if (this.variablesSupport === undefined) await this.previewPackage(PROBE_SOURCE, {}, options);
    return this.variablesSupport === true;
  }

  /** A §3 list endpoint, every page read, normalised to `{type, namespace, name, description?}` + raw. */
  async listResources<K extends ResourceKind>(kind: K, options: ListOptions = {}): Promise<ResourceList<ResourceDtoMap[K]>> {
    const spec = RESOURCE_KINDS[kind];
    const { namespace, ...call } = options;
    const base: Omit<HttpRequest, 'path'> = { ...call, method: 'GET', expect: 'json', action: `list ${spec.label}`, permission: spec.permission };
    const path = `/api/v1/${kind}`;
    const rowsShape = shapes.rows(spec.identity);
    const rows: ResourceDtoMap[K][] = [];
    let truncated = false;
    if (spec.paging === 'paged') {
      for (let page = 0; ; page++) {
        const batch = await this.call<ResourceDtoMap[K][]>({ ...base, path, query: { skip: page * PAGE_SIZE, limit: PAGE_SIZE } }, rowsShape);
        rows.push(...batch);
        if (batch.length < PAGE_SIZE) break;
        if (page + 1 >= MAX_PAGES) {
          truncated = true;
          break;
        }
      }
    } else {
      const query = spec.namespaceFilter && namespace !== undefined ? { namespace } : undefined;
      rows.push(...(await this.call<ResourceDtoMap[K][]>({ ...base, path, query }, rowsShape)));
      truncated = spec.paging === 'capped' && rows.length >= LIST_CAP;
    }
    const items = rows.map((raw) => summarise(kind, raw)).filter((item) => namespace === undefined || item.namespace === namespace);
    return { kind, items, truncated };
  }

  /** One request; a JSON body that does not fit `shape` fails as an unexpected response. */
  private async call<T>(request: HttpRequest, shape?: shapes.Shape): Promise<T> {
    const { data } = await this.http.request<T>(request);
    const problem = shape?.(data);
    if (problem) {
      throw new SinasApiError({
        kind: 'badResponse',
        method: request.method,
        path: request.path,
        message: `${this.host} answered ${request.method} ${request.path} with an unexpected response: the body ${serverText(problem, 200)}.`,
      });
    }
    return data;
  }

  /**
   * Preview or install. An instance that predates variables rejects `spec.variables` as an extra
   * key under `spec`; that answer is the same detection as a preview without `requires_input`.
   */
  private async packageCall<T>(source: string, input: VariableInput, options: CallOptions | undefined, endpoint: 'preview' | 'install', action: string, shape: shapes.Shape): Promise<T> {
    const body: Record<string, unknown> = { source };
    if (input.variables !== undefined) body.variables = input.variables;
    try {
      return await this.call<T>({
        ...options,
        method: 'POST',
        path: `${PACKAGES}/${endpoint}`,
        body,
        expect: 'json',
        action,
        permission: PACKAGE_PERMISSIONS.install,
        declarations: input.declarations,
        sensitive: secretValues(input.variables, input.declarations),
      }, shape);
    } catch (error) {
      if (error instanceof SinasApiError && error.kind === 'validation' && error.items.some((i) => i.path === 'spec.variables' && /extra inputs/i.test(i.message))) {
        this.variablesSupport = false;
        throw this.noVariables(endpoint);
      }
      throw error;
    }
  }

  /** The `{name}` path segment; a name with `/` cannot be addressed through REST at all (§2). */
  private packagePath(name: string, verb: string): string {
    if (name.includes('/')) {
      throw new SinasApiError({
        kind: 'unsupported',
        message: `A package whose name contains "/" (${name}) cannot be ${verb} through the Sinas API.`,
      });
    }
    return `${PACKAGES}/${encodeURIComponent(name)}`;
  }

  private noVariables(endpoint: 'preview' | 'install' = 'install'): SinasApiError {
    return new SinasApiError({
      kind: 'unsupported',
      method: 'POST',
      path: `${PACKAGES}/${endpoint}`,
      message: `${this.host} predates install-time variables: it would store the \${{ vars.… }} placeholders literally. Nothing was installed; upgrade Sinas or remove the variables.`,
    });
  }
}

/**
 * Missing lists become empty ones, so callers can iterate without guards; the server's messages are
 * made safe to show (no control characters, readable length).
 */
function normaliseApply(apply: Partial<ConfigApplyResponse>): ConfigApplyResponse {
  return {
    success: apply.success !== false,
    summary: { created: apply.summary?.created ?? {}, updated: apply.summary?.updated ?? {}, unchanged: apply.summary?.unchanged ?? {}, deleted: apply.summary?.deleted ?? {} },
    changes: (apply.changes ?? []).map((c) => ({ ...c, resourceType: serverText(c.resourceType), resourceName: serverText(c.resourceName), details: c.details == null ? c.details : serverText(c.details) })),
    errors: (apply.errors ?? []).map((e) => serverText(e)),
    warnings: (apply.warnings ?? []).map((w) => serverText(w)),
  };
}
