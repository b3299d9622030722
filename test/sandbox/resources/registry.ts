/**
 * One table entry per resource type a package can hold: its spec section, identity, how a YAML item
 * becomes stored columns (and the checksum input), how a row is exported back to YAML (§6), which
 * keys its REST responses carry, and how its list/get/update endpoints behave (§3, §7.3).
 */
import type { FieldType } from '../http/body';
import type { State, StoredRecord } from '../state/types';
import type { ConfigItem } from './read-config';
import { CODE_TYPES } from './types/code';
import { DATA_TYPES } from './types/data';
import { AGENT_TYPE } from './types/agents';
import { INTEGRATION_TYPES } from './types/integrations';

export interface Applied {
  /** Columns to write (snake_case); merged over the existing row on update. */
  fields: Record<string, unknown>;
  /** What `config_checksum` is computed from. */
  hash: Record<string, unknown>;
}

export interface ResourceType {
  /** Spec key, and `resourceType` in apply responses. */
  section: string;
  /** The `type` accepted by `POST /packages/create`. */
  kind: string;
  /** Model name used in `<Model> not found`. */
  model: string;
  /** Path segment under /api/v1. */
  route: string;
  /** `sinas.<table>` permission base. */
  permissionBase: string;
  identity: 'namespaced' | 'path' | 'name';
  /** Has an `is_active` column: inactive rows are reclaimed by any package (§7.2-1). */
  hasActive: boolean;
  /** Update re-tags the row with the installing package (connectors only, §7.2-4). */
  adoptOnUpdate?: boolean;
  /** Converts a YAML item; a string is a per-resource apply error (partial install). */
  fromConfig(item: ConfigItem, state: Readonly<State>, existing?: StoredRecord): Applied | string;
  /** Columns only a new row gets (component version, compile status, …). */
  onCreate?(fields: Record<string, unknown>): Record<string, unknown>;
  toExport(record: StoredRecord, state: Readonly<State>): Record<string, unknown>;
  /** Response schema keys, in the backend's order. */
  response: string[];
  /** List responses that use a slimmer schema (components). */
  listResponse?: string[];
  /** How the list endpoint filters (§3): the namespaced mixin, or read:all-else-own. */
  listMode: 'mixin' | 'owner';
  listActiveOnly?: boolean;
  /** List query parameters: a `namespace` filter and/or `skip`/`limit` paging. */
  listParams: ('namespace' | 'paging')[];
  /** Snake_case fields the REST update endpoint accepts; its use detaches the row (§7.3). */
  updatable: Record<string, FieldType>;
}

/** In the backend's apply order (§2.2), after secrets and dependencies. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  DATA_TYPES.connectors,
  CODE_TYPES.functions,
  CODE_TYPES.skills,
  CODE_TYPES.components,
  DATA_TYPES.queries,
  DATA_TYPES.collections,
  CODE_TYPES.templates,
  DATA_TYPES.stores,
  CODE_TYPES.manifests,
  AGENT_TYPE,
  ...INTEGRATION_TYPES,
];

export const TYPE_BY_SECTION = new Map(RESOURCE_TYPES.map((t) => [t.section, t]));
export const TYPE_BY_KIND = new Map(RESOURCE_TYPES.map((t) => [t.kind, t]));

/** The identity a row is looked up by, also its `resourceName` in apply responses. */
export function identityOf(type: ResourceType, record: Record<string, unknown>): string {
  switch (type.identity) {
    case 'namespaced':
      return `${record.namespace}/${record.name}`;
    case 'path':
      return String(record.path);
    case 'name':
      return String(record.name);
  }
}

export function rowsOf(state: Readonly<State>, section: string): StoredRecord[] {
  return state.resources[section] ?? [];
}

export function findRow(state: Readonly<State>, type: ResourceType, identity: string): StoredRecord | undefined {
  return rowsOf(state, type.section).find((r) => identityOf(type, r) === identity);
}

/** Picks the response keys, filling absent ones with null as pydantic would. */
export function toResponse(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = record[key] ?? null;
  return out;
}
