/**
 * List, get and update endpoints for every package-manageable type (§3, §7.3). Updates go through
 * the same path for all of them and detach a package-managed row (clear `managed_by`,
 * `config_name`, `config_checksum`), so the row survives uninstall.
 */
import type { SandboxContext } from '../context';
import { badRequest, forbidden, notFound } from '../errors';
import type { BodySchema } from '../http/body';
import { intParam } from '../http/query';
import type { Principal, RequestContext, Route } from '../http/router';
import { json } from '../http/respond';
import { canAccess, visibleRows } from '../resources/access';
import { identityOf, RESOURCE_TYPES, rowsOf, toResponse, type ResourceType } from '../resources/registry';
import type { State, StoredRecord } from '../state/types';

const API = '/api/v1';

/** Single-item lookups: how each type is addressed and what its 404/403 details say. */
function locator(type: ResourceType) {
  switch (type.identity) {
    case 'namespaced':
      return {
        suffix: '{namespace}/{name}',
        identity: (p: Record<string, string>) => `${p.namespace}/${p.name}`,
        missing: (id: string) => (type.section === 'agents' ? `Agent '${id}' not found` : `${type.model} not found`),
        denied: (action: string) => `Not authorized to ${action} this resource`,
      };
    case 'path':
      return {
        suffix: '{path:path}',
        identity: (p: Record<string, string>) => p.path,
        missing: (id: string) => `Webhook '${id}' not found`,
        denied: (action: string) => `Not authorized to ${action === 'read' ? 'view' : action} this webhook`,
      };
    case 'name': {
      const label = type.section === 'schedules' ? ['Schedule', 'schedule'] : ['Database trigger', 'trigger'];
      return {
        suffix: '{name}',
        identity: (p: Record<string, string>) => p.name,
        missing: (id: string) => `${label[0]} '${id}' not found`,
        denied: (action: string) => `Not authorized to ${action === 'read' ? 'view' : action} this ${label[1]}`,
      };
    }
  }
}

function listRoute(sandbox: SandboxContext, type: ResourceType): Route {
  return {
    method: 'GET',
    path: `${API}/${type.route}`,
    auth: true,
    handle: ({ principal, query }) => {
      let rows = visibleRows(type, principal, rowsOf(sandbox.store.state, type.section));
      if (type.listActiveOnly) rows = rows.filter((row) => row.is_active !== false);
      const namespace = type.listParams.includes('namespace') ? query.get('namespace') : null;
      if (namespace !== null) rows = rows.filter((row) => row.namespace === namespace);
      // Without paging parameters the backend's mixin caps a list at 100 rows.
      const paged = type.listParams.includes('paging');
      const skip = paged ? intParam(query, 'skip', 0, 0) : 0;
      const limit = paged ? intParam(query, 'limit', 100, 1, 1000) : 100;
      return json(rows.slice(skip, skip + limit).map((row) => toResponse(row, type.listResponse ?? type.response)));
    },
  };
}

function findFor(state: Readonly<State>, type: ResourceType, principal: Principal, params: Record<string, string>, action: string): StoredRecord {
  const where = locator(type);
  const id = where.identity(params);
  const row = rowsOf(state, type.section).find((r) => identityOf(type, r) === id);
  // Webhooks and schedules are looked up with a `user_id == caller` filter, even for admins.
  if (!row || (type.identity !== 'namespaced' && type.section !== 'databaseTriggers' && row.user_id !== principal.userId)) {
    throw notFound(where.missing(id));
  }
  if (!canAccess(type, principal, row, action)) throw forbidden(where.denied(action));
  return row;
}

function updateRoute(sandbox: SandboxContext, type: ResourceType, path: string, lookup: (ctx: RequestContext, state: State) => StoredRecord): Route {
  const body: BodySchema = Object.fromEntries(Object.entries(type.updatable).map(([k, t]) => [k, { type: t, nullable: true }]));
  return {
    method: type.identity === 'namespaced' && type.section !== 'templates' ? 'PUT' : 'PATCH',
    path,
    auth: true,
    body,
    handle: async (ctx) => {
      const updated = await sandbox.store.transaction((draft) => {
        const row = lookup(ctx, draft);
        const changes = Object.fromEntries(Object.entries(ctx.body).filter(([k, v]) => k in type.updatable && v !== null));
        const renamed = { ...row, ...changes };
        const clash = rowsOf(draft, type.section).find((r) => r !== row && identityOf(type, r) === identityOf(type, renamed));
        if (clash) throw badRequest(`${type.model} '${identityOf(type, renamed)}' already exists`);
        if (typeof row.managed_by === 'string' && row.managed_by.startsWith('pkg:')) {
          Object.assign(row, { managed_by: null, config_name: null, config_checksum: null });
        }
        Object.assign(row, changes, { updated_at: new Date().toISOString() });
        return { ...row };
      });
      return json(toResponse(updated, type.response));
    },
  };
}

function typeRoutes(sandbox: SandboxContext, type: ResourceType): Route[] {
  const where = locator(type);
  const itemPath = `${API}/${type.route}/${where.suffix}`;
  const get = (path: string, lookup: (ctx: RequestContext) => StoredRecord): Route => ({
    method: 'GET',
    path,
    auth: true,
    handle: (ctx) => json(toResponse(lookup(ctx), type.response)),
  });
  if (type.section !== 'templates') {
    return [
      listRoute(sandbox, type),
      get(itemPath, (ctx) => findFor(sandbox.store.state, type, ctx.principal, ctx.params, 'read')),
      updateRoute(sandbox, type, itemPath, (ctx, state) => findFor(state, type, ctx.principal, ctx.params, 'update')),
    ];
  }
  // Templates are addressed by id, with a separate by-name lookup.
  const byId = (state: Readonly<State>, ctx: RequestContext, action: string): StoredRecord => {
    const row = rowsOf(state, 'templates').find((r) => r.id === ctx.params.template_id);
    if (!row) throw notFound('Template not found');
    if (!canAccess(type, ctx.principal, row, action)) throw forbidden(`Not authorized to ${action === 'read' ? 'get' : action} this template`);
    return row;
  };
  return [
    listRoute(sandbox, type),
    get(`${API}/templates/by-name/{namespace}/{name}`, (ctx) => findFor(sandbox.store.state, type, ctx.principal, ctx.params, 'read')),
    get(`${API}/templates/{template_id}`, (ctx) => byId(sandbox.store.state, ctx, 'read')),
    updateRoute(sandbox, type, `${API}/templates/{template_id}`, (ctx, state) => byId(state, ctx, 'update')),
  ];
}

export function resourceRoutes(sandbox: SandboxContext): Route[] {
  return RESOURCE_TYPES.flatMap((type) => typeRoutes(sandbox, type));
}
