/**
 * Secrets and dependencies, which follow their own rules (§4): a secret's checksum covers only its
 * name and description, a given value rewrites it on every install (always `update`), a missing
 * value is fine only if the secret exists. Dependencies are global, untagged and never removed.
 */
import { randomUUID } from 'node:crypto';
import { checksum } from '../resources/checksum';
import { str, type ConfigItem } from '../resources/read-config';
import type { StoredRecord } from '../state/types';
import type { ApplyContext } from './apply';

export interface SecretInput {
  name: string;
  value?: string | null;
  description?: string | null;
}

export function applySecrets(ctx: ApplyContext, secrets: readonly (SecretInput | ConfigItem)[]): void {
  const { state, log, managedBy, configName, dryRun, now } = ctx;
  const rows = state.resources.secrets ?? [];
  for (const item of secrets as ConfigItem[]) {
    if (typeof item.name !== 'string') {
      log.error(`Failed to apply secret '${item.name ?? 'None'}': 'name' must be a string`);
      continue;
    }
    const name = item.name;
    const value = str(item, 'value');
    const description = str(item, 'description');
    const hash = checksum({ name, description });
    const existing = rows.find((s) => s.name === name);

    if (!existing) {
      if (value === null) {
        log.error(`Secret '${name}' does not exist and no value provided — cannot create.`);
        continue;
      }
      if (!dryRun) {
        (state.resources.secrets ??= []).push({
          id: randomUUID(),
          user_id: ctx.ownerId,
          name,
          description,
          visibility: 'shared',
          value,
          managed_by: managedBy,
          config_name: configName,
          config_checksum: hash,
          created_at: now,
          updated_at: now,
        });
      }
      log.track('create', 'secrets', name);
      continue;
    }
    if (existing.managed_by && existing.managed_by !== managedBy) {
      log.warn(`Secret '${name}' exists but is managed by '${existing.managed_by}'. Skipping.`);
      log.track('unchanged', 'secrets', name);
      continue;
    }
    if (existing.config_checksum === hash && value === null) {
      log.track('unchanged', 'secrets', name);
      continue;
    }
    if (!dryRun) {
      if (value !== null) existing.value = value;
      if (description !== null) existing.description = description;
      Object.assign(existing, { managed_by: managedBy, config_name: configName, config_checksum: hash, updated_at: now });
    }
    log.track('update', 'secrets', name);
  }
}

export function applyDependencies(ctx: ApplyContext, dependencies: readonly ConfigItem[]): void {
  const { state, log, dryRun, now } = ctx;
  const rows = state.resources.dependencies ?? [];
  for (const item of dependencies) {
    if (typeof item.packageName !== 'string') {
      log.error(`Error applying dependency '${item.packageName ?? 'None'}': 'packageName' must be a string`);
      continue;
    }
    const packageName = item.packageName;
    const version = str(item, 'version');
    const existing = rows.find((d) => d.package_name === packageName);
    if (!existing) {
      if (!dryRun) {
        const row: StoredRecord = {
          id: randomUUID(),
          user_id: ctx.ownerId,
          package_name: packageName,
          version,
          installed_at: now,
          installed_by: ctx.ownerId,
          // Never tagged: uninstall leaves dependencies in place.
          managed_by: null,
          config_name: null,
          config_checksum: null,
          created_at: now,
          updated_at: now,
        };
        (state.resources.dependencies ??= []).push(row);
      }
      log.track('create', 'dependencies', packageName);
    } else if (version !== null && version !== existing.version) {
      if (!dryRun) Object.assign(existing, { version, updated_at: now });
      log.track('update', 'dependencies', packageName);
    } else {
      log.track('unchanged', 'dependencies', packageName);
    }
  }
}
