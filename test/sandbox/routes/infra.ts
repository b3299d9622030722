/**
 * Lists of what packages reference but cannot create (§3): LLM providers and database
 * connections (403 `Permission denied: …` without `read:all`), secrets (never their values),
 * roles and dependencies.
 */
import { requirePermission } from '../auth';
import type { SandboxContext } from '../context';
import { forbidden, notFound, permissionDenied } from '../errors';
import { intParam } from '../http/query';
import type { Principal, Route } from '../http/router';
import { json } from '../http/respond';
import { hasPermission } from '../permissions';
import { toResponse } from '../resources/registry';
import type { InfraRecord, StoredRecord } from '../state/types';

const API = '/api/v1';
const PROVIDER = ['id', 'name', 'provider_type', 'api_endpoint', 'default_model', 'config', 'is_default', 'is_active', 'created_at', 'updated_at'];
const CONNECTION = ['id', 'name', 'connection_type', 'host', 'port', 'database', 'username', 'ssl_mode', 'config', 'is_active', 'read_only', 'created_at', 'updated_at'];
const SECRET = ['id', 'name', 'description', 'visibility', 'user_id', 'created_at', 'updated_at'];
const ROLE = ['id', 'name', 'description', 'email_domain', 'created_at', 'updated_at'];
const DEPENDENCY = ['id', 'package_name', 'version', 'installed_at', 'installed_by'];

/** `require_permission(...)` dependencies: a 403 naming the permission. */
function demand(principal: Principal, permission: string): void {
  if (!hasPermission(principal.permissions, permission)) throw permissionDenied(permission);
}

function visibleSecrets(principal: Principal, secrets: readonly StoredRecord[]): StoredRecord[] {
  if (hasPermission(principal.permissions, 'sinas.secrets.read:all')) return [...secrets];
  return secrets.filter((s) => s.visibility === 'shared' || s.user_id === principal.userId);
}

export function infraRoutes(sandbox: SandboxContext): Route[] {
  const state = () => sandbox.store.state;
  const memberOf = (principal: Principal, role: InfraRecord) =>
    state().users.some((u) => u.id === principal.userId && u.roles.includes(role.name));
  return [
    {
      method: 'GET',
      path: `${API}/llm-providers`,
      auth: true,
      handle: ({ principal }) => {
        demand(principal, 'sinas.llm_providers.read:all');
        const newestFirst = [...state().llmProviders].sort((a, b) => b.created_at.localeCompare(a.created_at));
        return json(newestFirst.map((p) => toResponse(p, PROVIDER)));
      },
    },
    {
      method: 'GET',
      path: `${API}/llm-providers/{name}`,
      auth: true,
      handle: ({ principal, params }) => {
        demand(principal, 'sinas.llm_providers.read:all');
        const provider = state().llmProviders.find((p) => p.name === params.name && p.is_active !== false);
        if (!provider) throw notFound(`Provider '${params.name}' not found`);
        return json(toResponse(provider, PROVIDER));
      },
    },
    {
      method: 'GET',
      path: `${API}/database-connections`,
      auth: true,
      handle: ({ principal }) => {
        demand(principal, 'sinas.database_connections.read:all');
        return json(state().databaseConnections.map((c) => toResponse(c, CONNECTION)));
      },
    },
    {
      method: 'GET',
      path: `${API}/database-connections/{name}`,
      auth: true,
      handle: ({ principal, params }) => {
        demand(principal, 'sinas.database_connections.read:all');
        const connection = state().databaseConnections.find((c) => c.name === params.name && c.is_active !== false);
        if (!connection) throw notFound(`Database connection '${params.name}' not found`);
        return json(toResponse(connection, CONNECTION));
      },
    },
    {
      method: 'GET',
      path: `${API}/secrets`,
      auth: true,
      handle: ({ principal }) => {
        requirePermission(principal, 'sinas.secrets.read:own', 'Not authorized to list secrets');
        return json(visibleSecrets(principal, state().resources.secrets ?? []).map((s) => toResponse(s, SECRET)));
      },
    },
    {
      method: 'GET',
      path: `${API}/secrets/{name}`,
      auth: true,
      handle: ({ principal, params }) => {
        requirePermission(principal, 'sinas.secrets.read:own', 'Not authorized to read secrets');
        const candidates = visibleSecrets(principal, state().resources.secrets ?? []).filter((s) => s.name === params.name);
        // The caller's private secret wins over a shared one of the same name.
        const secret = candidates.find((s) => s.visibility === 'private') ?? candidates[0];
        if (!secret) throw notFound(`Secret '${params.name}' not found`);
        return json(toResponse(secret, SECRET));
      },
    },
    {
      method: 'GET',
      path: `${API}/roles`,
      auth: true,
      handle: ({ principal, query }) => {
        const skip = intParam(query, 'skip', 0, 0);
        const limit = intParam(query, 'limit', 100, 1, 1000);
        const all = hasPermission(principal.permissions, 'sinas.roles.read:all');
        const roles = state().roles.filter((role) => all || memberOf(principal, role));
        return json(roles.slice(skip, skip + limit).map((r) => toResponse(r, ROLE)));
      },
    },
    {
      method: 'GET',
      path: `${API}/roles/{name}`,
      auth: true,
      handle: ({ principal, params }) => {
        const role = state().roles.find((r) => r.name === params.name);
        if (!role) throw notFound(`Role '${params.name}' not found`);
        if (!hasPermission(principal.permissions, 'sinas.roles.read:all') && !memberOf(principal, role)) {
          throw forbidden('Not authorized to view this role');
        }
        return json(toResponse(role, ROLE));
      },
    },
    {
      method: 'GET',
      path: `${API}/dependencies`,
      auth: true,
      handle: () => json((state().resources.dependencies ?? []).map((d) => toResponse(d, DEPENDENCY))),
    },
  ];
}
