/**
 * `--seed DIR`: example instance data (LLM providers, database connections incl. `built-in`,
 * secrets, roles, and a few unmanaged resources in SinasPackage `spec` form) so that
 * create-from-instance and `resource_ref` pickers have something real to show. Applied once,
 * to a fresh state; resources go through the same apply code as packages, untagged.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeLoad } from '../../server/src/core/parse/safe-load';
import { applySpec } from './packages/apply';
import type { InfraRecord, State } from './state/types';

type Item = Record<string, unknown>;

interface SeedFile {
  llmProviders?: Item[];
  databaseConnections?: Item[];
  roles?: Item[];
  secrets?: Item[];
  spec?: Item;
}

function infra(fields: Item, now: string): InfraRecord {
  return { id: randomUUID(), name: String(fields.name), ...fields, created_at: now, updated_at: now };
}

function addByName(list: InfraRecord[], record: InfraRecord): void {
  if (!list.some((r) => r.name === record.name)) list.push(record);
}

export function applySeed(state: State, dir: string, ownerId: string): void {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  for (const file of files) {
    const { value, error } = safeLoad(readFileSync(join(dir, file), 'utf8'));
    if (error) throw new Error(`Seed ${file}: ${error}`);
    const seed = (value ?? {}) as SeedFile;
    const now = new Date().toISOString();
    for (const p of seed.llmProviders ?? []) {
      addByName(state.llmProviders, infra({ provider_type: 'openai', api_endpoint: null, default_model: null, config: {}, is_default: false, is_active: true, ...p }, now));
    }
    for (const c of seed.databaseConnections ?? []) {
      addByName(state.databaseConnections, infra({ ssl_mode: null, config: {}, is_active: true, read_only: false, ...c }, now));
    }
    for (const r of seed.roles ?? []) addByName(state.roles, infra({ description: null, email_domain: null, ...r }, now));
    const result = applySpec(state, { ...(seed.spec ?? {}), secrets: seed.secrets ?? [] }, { managedBy: null, configName: null, ownerId, dryRun: false });
    if (result.errors.length) throw new Error(`Seed ${file}: ${result.errors.join('; ')}`);
    // Rows made by hand through REST carry no checksum; a package install then overwrites them.
    for (const rows of Object.values(state.resources)) for (const row of rows) if (row.managed_by === null) row.config_checksum = null;
  }
}
