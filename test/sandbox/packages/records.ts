/** The package row (one per `package.name`) and its two response schemas (§2.2). */
import { randomUUID } from 'node:crypto';
import { checkColumns } from '../resources/columns';
import type { PackageRecord, State } from '../state/types';
import type { PreparedPackage } from './prepare';

export function packageResponse(pkg: PackageRecord, withValues: boolean): Record<string, unknown> {
  const response: Record<string, unknown> = {
    id: pkg.id,
    name: pkg.name,
    version: pkg.version,
    description: pkg.description,
    author: pkg.author,
    source_url: pkg.source_url,
    installed_by: pkg.installed_by,
    installed_at: pkg.installed_at,
    updated_at: pkg.updated_at,
  };
  // Package.values is the seed's addition; an older backend has no such field.
  if (withValues) response.values = pkg.values;
  return response;
}

export function packageListItem(pkg: PackageRecord): Record<string, unknown> {
  const { id, name, version, description, author, installed_at } = pkg;
  return { id, name, version, description, author, installed_at };
}

/** Creates the row, or upgrades it in place (`installed_by` and `installed_at` stay). */
export function upsertPackage(state: State, prepared: PreparedPackage, source: string, userId: string): PackageRecord {
  const meta = prepared.document.package as Record<string, unknown>;
  const now = new Date().toISOString();
  const fields = {
    version: meta.version === undefined ? '1.0.0' : String(meta.version),
    description: typeof meta.description === 'string' ? meta.description : null,
    author: typeof meta.author === 'string' ? meta.author : null,
    source_url: typeof meta.url === 'string' ? meta.url : null,
    source_yaml: source,
    values: prepared.resolved.values,
  };
  checkColumns('packages', { name: prepared.name, ...fields });
  const existing = state.packages.find((p) => p.name === prepared.name);
  if (existing) {
    Object.assign(existing, fields, { updated_at: now });
    return existing;
  }
  const created: PackageRecord = {
    id: randomUUID(),
    name: prepared.name,
    installed_by: userId,
    installed_at: now,
    updated_at: null,
    ...fields,
  };
  state.packages.push(created);
  return created;
}
