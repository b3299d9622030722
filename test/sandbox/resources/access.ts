/**
 * Who sees which rows (§3): the namespaced types use the backend mixin's rules (a wildcard
 * `read:all` on every namespace and name sees all, `:own` sees own rows plus non-private components, namespace grants add namespaces,
 * anything else is an empty list — never 403); webhooks, schedules and triggers use
 * `read:all`-else-own.
 */
import type { Principal } from '../http/router';
import { grantedNamespaces, hasPermission } from '../permissions';
import type { StoredRecord } from '../state/types';
import type { ResourceType } from './registry';

const isShared = (row: StoredRecord): boolean => row.visibility !== undefined && row.visibility !== 'private';

export function visibleRows(type: ResourceType, principal: Principal, rows: readonly StoredRecord[], action = 'read'): StoredRecord[] {
  const { permissions, userId } = principal;
  const base = type.permissionBase;
  const own = (row: StoredRecord) => row.user_id === userId;
  if (type.listMode === 'owner') return hasPermission(permissions, `${base}.${action}:all`) ? [...rows] : rows.filter(own);

  if (hasPermission(permissions, `${base}/*/*.${action}:all`)) return [...rows];
  if (hasPermission(permissions, `${base}/*/*.${action}:own`)) return rows.filter((row) => own(row) || isShared(row));
  const namespaces = grantedNamespaces(permissions, base, action);
  if (!namespaces.size) return [];
  return rows.filter((row) => own(row) || (namespaces.has(String(row.namespace)) && (row.visibility === undefined || isShared(row))));
}

/** The per-row check of `get_with_permissions` (`sinas.<t>/<ns>/<name>.<action>:all|own`). */
export function canAccess(type: ResourceType, principal: Principal, row: StoredRecord, action: string): boolean {
  const { permissions, userId } = principal;
  if (type.listMode === 'owner') {
    return hasPermission(permissions, `${type.permissionBase}.${action}:all`) || (row.user_id === userId && hasPermission(permissions, `${type.permissionBase}.${action}:own`));
  }
  const concrete = `${type.permissionBase}/${row.namespace}/${row.name}.${action}`;
  if (hasPermission(permissions, `${concrete}:all`)) return true;
  return hasPermission(permissions, `${concrete}:own`) && (row.user_id === userId || isShared(row));
}
