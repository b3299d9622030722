/**
 * The sandbox's whole state: one JSON-serialisable object, so persistence is a single atomic write
 * and a transaction is "work on a copy, then swap". Stored records use the backend's column names
 * (snake_case), which are also the keys of its response schemas.
 */
import type { PackageResponse } from '../../../api/src/types';
import type { Permissions } from '../permissions';

/** Columns every package-manageable row has (§7.1). */
export interface ManagedColumns {
  id: string;
  user_id: string;
  managed_by: string | null;
  config_name: string | null;
  config_checksum: string | null;
  created_at: string;
  updated_at: string;
}

/** A stored row: the common columns plus the type's own snake_case fields. */
export type StoredRecord = ManagedColumns & Record<string, unknown>;

export interface UserRecord {
  id: string;
  email: string;
  roles: string[];
  created_at?: string;
}

export interface ApiKeyRecord {
  id: string;
  user_id: string;
  name: string;
  /** sha256 of the key, as the backend stores it; the key itself is shown once. */
  key_hash: string;
  key_prefix: string;
  permissions: Permissions;
  is_active: boolean;
  last_used_at: string | null;
  expires_at: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** What the sandbox stores per package: the wire shape (shared with our client) plus the source. */
export interface PackageRecord extends Omit<PackageResponse, 'values'> {
  /** The exact `source` of the last successful install (placeholders kept). */
  source_yaml: string;
  /** Variable values of the last install; secrets as "***" (seed: Package.values). */
  values: Record<string, unknown>;
}

/** Infrastructure a package cannot create but can reference (seeded, listed). */
export interface InfraRecord extends Record<string, unknown> {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface State {
  format: 1;
  users: UserRecord[];
  apiKeys: ApiKeyRecord[];
  /** Package-manageable rows by spec section (`functions`, `agents`, …, `secrets`, `dependencies`). */
  resources: Record<string, StoredRecord[]>;
  llmProviders: InfraRecord[];
  databaseConnections: InfraRecord[];
  roles: InfraRecord[];
  packages: PackageRecord[];
}

export function emptyState(): State {
  return {
    format: 1,
    users: [],
    apiKeys: [],
    resources: {},
    llmProviders: [],
    databaseConnections: [],
    roles: [],
    packages: [],
  };
}
