/**
 * The idempotent apply of §7: per resource, create / update / unchanged, with the ownership rules
 * of §7.2 (inactive rows are reclaimed, rows owned by someone else are skipped with a warning,
 * equal checksums are unchanged, anything else is overwritten — unmanaged rows stay unmanaged).
 * A dry run (preview) reads the state and writes nothing. Per-resource failures are collected as
 * `errors` (a partial install); only an unexpected exception makes `success` false.
 */
import { randomUUID } from 'node:crypto';
import { DatabaseError } from '../errors';
import { checksum } from '../resources/checksum';
import { checkColumns } from '../resources/columns';
import { findRow, RESOURCE_TYPES, type ResourceType } from '../resources/registry';
import { itemsOf, type ConfigItem } from '../resources/read-config';
import type { State, StoredRecord } from '../state/types';
import { ApplyLog, pythonTitle, type ApplyResponse } from './apply-result';
import { applyDependencies, applySecrets, type SecretInput } from './apply-secrets';

export interface ApplyOptions {
  /** `pkg:<name>` for packages; null when seeding unmanaged example resources. */
  managedBy: string | null;
  configName: string | null;
  ownerId: string;
  dryRun: boolean;
  /** Secrets created from `secret` variables, applied before `spec.secrets`. */
  variableSecrets?: SecretInput[];
}

export interface ApplyContext extends ApplyOptions {
  state: State;
  log: ApplyLog;
  now: string;
}

const items = (spec: Record<string, unknown>, section: string): ConfigItem[] => itemsOf(spec[section]);

/** The field(s) an item cannot be applied without; a row without its identity is never written. */
function missingIdentity(type: ResourceType, item: ConfigItem): string | undefined {
  const field = type.identity === 'path' ? 'path' : 'name';
  if (typeof item[field] !== 'string') return field;
  if (type.identity === 'namespaced' && item.namespace !== undefined && typeof item.namespace !== 'string') return 'namespace';
  return undefined;
}

/** Python's `str()` of a field, so messages about broken items read as the backend's would ("None"). */
const pyStr = (value: unknown): string => (value === undefined || value === null ? 'None' : String(value));

function configIdentity(type: ResourceType, item: ConfigItem): string {
  if (type.identity === 'namespaced') return `${item.namespace ?? 'default'}/${pyStr(item.name)}`;
  return pyStr(type.identity === 'path' ? item.path : item.name);
}

function applyResource(ctx: ApplyContext, type: ResourceType, item: ConfigItem): void {
  const { state, log, managedBy, configName, dryRun, now } = ctx;
  const identity = configIdentity(type, item);
  const missing = missingIdentity(type, item);
  if (missing) {
    log.error(`Error applying ${type.kind} '${identity}': '${missing}' must be a string`);
    return;
  }
  const existing = findRow(state, type, identity);
  const applied = type.fromConfig(item, state, existing);
  if (typeof applied === 'string') {
    log.error(applied);
    return;
  }
  const hash = checksum(applied.hash);

  if (!existing) {
    if (!dryRun) {
      checkColumns(type.section, applied.fields);
      const row: StoredRecord = {
        id: randomUUID(),
        user_id: ctx.ownerId,
        managed_by: managedBy,
        config_name: configName,
        config_checksum: hash,
        created_at: now,
        updated_at: now,
      };
      Object.assign(row, type.onCreate?.(row), applied.fields);
      (state.resources[type.section] ??= []).push(row);
      if (row.is_default === true) clearOtherDefaults(state, row);
    }
    log.track('create', type.section, identity);
    return;
  }

  const inactive = type.hasActive && existing.is_active === false;
  if (inactive) {
    // Reclaimed by whoever applies next, regardless of its current owner.
    if (!dryRun) Object.assign(existing, { managed_by: managedBy, config_name: configName });
  } else if (existing.managed_by && existing.managed_by !== managedBy) {
    log.warn(`${pythonTitle(type.section)} '${identity}' exists but is managed by '${existing.managed_by}'. Skipping.`);
    log.track('unchanged', type.section, identity);
    return;
  }
  if (!inactive && existing.config_checksum === hash) {
    log.track('unchanged', type.section, identity);
    return;
  }
  if (!dryRun) {
    checkColumns(type.section, applied.fields);
    Object.assign(existing, applied.fields, { config_checksum: hash, updated_at: now });
    if (type.adoptOnUpdate) Object.assign(existing, { managed_by: managedBy, config_name: configName });
    if (existing.is_default === true) clearOtherDefaults(state, existing);
  }
  log.track('update', type.section, identity);
}

/** `isDefault: true` on an agent clears the flag on every other agent of the instance. */
function clearOtherDefaults(state: State, keep: StoredRecord): void {
  for (const agent of state.resources.agents ?? []) if (agent !== keep) agent.is_default = false;
}

/** Applies `spec` to `state` (mutating it unless dry-run) in the backend's order (§2.2). */
export function applySpec(state: State, spec: Record<string, unknown>, options: ApplyOptions): ApplyResponse {
  const log = new ApplyLog();
  const ctx: ApplyContext = { ...options, state, log, now: new Date().toISOString() };
  try {
    applySecrets(ctx, [...(options.variableSecrets ?? []), ...items(spec, 'secrets')]);
    applyDependencies(ctx, items(spec, 'dependencies'));
    for (const type of RESOURCE_TYPES) {
      for (const item of items(spec, type.section)) {
        try {
          applyResource(ctx, type, item);
        } catch (error) {
          if (error instanceof DatabaseError) throw error;
          log.error(`Error applying ${type.kind} '${configIdentity(type, item)}': ${(error as Error).message}`);
        }
      }
    }
  } catch (error) {
    // A database failure poisons the whole transaction: nothing to report, the request fails.
    if (error instanceof DatabaseError) throw error;
    log.result.success = false;
    log.error(`Fatal error: ${(error as Error).message}`);
  }
  return log.result;
}
