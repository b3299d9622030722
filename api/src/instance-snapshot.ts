/**
 * Builds the instance snapshot (what exists on an instance, for instance-aware checks) from the
 * list endpoints of §3. Shared by the extension and the CLI, so both give the same verdicts.
 * Only reads: the lists, one permission check (to know which lists are complete), the installed
 * packages and their exports (to know which package owns what). Never secret values (the API does
 * not return them) and nothing about the document being edited.
 */
import type { InstanceSnapshot, SnapshotItem, SnapshotList, SnapshotPackage, SnapshotSection } from '../../server/src/protocol/instance-snapshot';
import { isSinasApiError, type SinasErrorKind } from './errors';
import type { CallOptions } from './http';
import { RESOURCE_KINDS, type ResourceKind, type ResourceList, type ResourceSummary } from './resources';
import type { SinasClient } from './sinas-client';
import { PACKAGE_PERMISSIONS } from './sinas-client';

/** The lists a snapshot holds, by the section they answer for. */
export const SNAPSHOT_KINDS: Readonly<Record<SnapshotSection, ResourceKind>> = {
  functions: 'functions',
  agents: 'agents',
  skills: 'skills',
  collections: 'collections',
  stores: 'stores',
  queries: 'queries',
  templates: 'templates',
  components: 'components',
  manifests: 'manifests',
  connectors: 'connectors',
  webhooks: 'webhooks',
  schedules: 'schedules',
  databaseTriggers: 'database-triggers',
  llmProviders: 'llm-providers',
  databaseConnections: 'database-connections',
  secrets: 'secrets',
  roles: 'roles',
};

/** Where listing needs less than seeing every row: secrets list with `:own` but show others' private ones only with `:all`. */
const COMPLETE_PERMISSION: Partial<Record<SnapshotSection, string>> = { secrets: 'sinas.secrets.read:all' };

/** Failures that mean the instance cannot be read at all (rather than one list being unavailable). */
const FATAL: ReadonlySet<SinasErrorKind> = new Set(['auth', 'unreachable', 'timeout', 'tls', 'cancelled', 'unsupported']);

const CONCURRENCY = 4;
const DEFAULT_MAX_EXPORTS = 50;

export interface SnapshotOptions extends CallOptions {
  /** The label named in messages; defaults to the client's connection name. */
  instance?: string;
  /** Opaque id of the connection, echoed in instance document URIs. */
  source?: string;
  /**
   * Identities per section that a package's exported YAML declares (the language core's reading);
   * without it, which package owns what is left unknown.
   */
  resourcesOf?: (yaml: string) => Partial<Record<SnapshotSection, string[]>>;
  /** Called as calls complete, e.g. for a progress message. */
  onProgress?: (done: number, total: number) => void;
  /** At most this many package exports are read (default 50); the others' resources stay unknown. */
  maxPackageExports?: number;
}

/**
 * Reads the snapshot. Rejects only when the instance cannot be read at all (no key accepted,
 * unreachable, timeout, cancelled); a list the key may not read, or one that fails on its own,
 * is simply absent (unknown).
 */
export async function buildInstanceSnapshot(client: SinasClient, options: SnapshotOptions = {}): Promise<InstanceSnapshot> {
  const call: CallOptions = { signal: options.signal, timeoutMs: options.timeoutMs };
  const sections = Object.keys(SNAPSHOT_KINDS) as SnapshotSection[];
  let done = 0;
  let total = sections.length + 2;
  const progress = () => options.onProgress?.(++done, total);

  const granted = await permissions(client, sections, call);
  progress();
  const lists: InstanceSnapshot['lists'] = {};
  await pool(sections, async (section) => {
    const list = await optional(() => client.listResources(SNAPSHOT_KINDS[section], call));
    progress();
    if (list) lists[section] = toList(section, list, granted);
  });

  const installed = await optional(() => client.listPackages(call));
  const snapshot: InstanceSnapshot = { instance: options.instance ?? client.connection.name, fetchedAt: new Date().toISOString(), lists };
  if (options.source) snapshot.source = options.source;
  if (installed) {
    const max = options.maxPackageExports ?? DEFAULT_MAX_EXPORTS;
    const read = options.resourcesOf ? installed.slice(0, max) : [];
    total += read.length;
    progress();
    const packages: SnapshotPackage[] = installed.map((p) => ({ name: p.name, ...(p.version ? { version: p.version } : {}) }));
    await pool(read, async (p, i) => {
      const yaml = await optional(() => client.exportPackage(p.name, call));
      progress();
      if (yaml === undefined) return;
      try {
        packages[i].resources = options.resourcesOf!(yaml);
      } catch {
        // An export the core cannot read leaves that package's resources unknown.
      }
    });
    snapshot.packages = packages;
  }
  return snapshot;
}

/** Which list permissions the key holds; undefined when the check itself is not available. */
async function permissions(client: SinasClient, sections: SnapshotSection[], call: CallOptions): Promise<Set<string> | undefined> {
  const wanted = [...new Set(sections.map((s) => completePermission(s)).filter((p): p is string => !!p))];
  const answer = await optional(() => client.checkPermissions([...wanted, PACKAGE_PERMISSIONS.read], 'OR', call));
  if (!answer || !Array.isArray(answer.checks)) return undefined;
  return new Set(answer.checks.filter((c) => c.has_permission === true).map((c) => c.permission));
}

function completePermission(section: SnapshotSection): string | undefined {
  return COMPLETE_PERMISSION[section] ?? RESOURCE_KINDS[SNAPSHOT_KINDS[section]].permission;
}

/**
 * Complete when nothing was cut off and the key sees every row: most lists answer 200 with only
 * the caller's own rows without `read:all`; LLM providers and database connections refuse instead
 * (so a list that came back is all of them).
 */
function toList(section: SnapshotSection, list: ResourceList, granted: Set<string> | undefined): SnapshotList {
  const permission = completePermission(section);
  const refusesWithout = section === 'llmProviders' || section === 'databaseConnections';
  const seesAll = refusesWithout || !permission || granted?.has(permission) === true;
  return { complete: seesAll && !list.truncated, items: list.items.map((summary) => toItem(section, summary)) };
}

function toItem(section: SnapshotSection, summary: ResourceSummary): SnapshotItem {
  const raw = summary.raw as Record<string, unknown>;
  const item: SnapshotItem = { name: summary.namespace !== null ? `${summary.namespace}/${summary.name}` : summary.name };
  if (summary.description) item.description = summary.description;
  if (raw.is_active === false) item.active = false;
  if ('managed_by' in raw) item.managedBy = typeof raw.managed_by === 'string' && raw.managed_by ? raw.managed_by : null;
  if (section === 'connectors' && Array.isArray(raw.operations)) {
    item.operations = raw.operations.flatMap((op) => (op && typeof op === 'object' && typeof (op as { name?: unknown }).name === 'string' ? [(op as { name: string }).name] : []));
  }
  const type = section === 'llmProviders' ? raw.provider_type : section === 'databaseConnections' ? raw.connection_type : undefined;
  if (typeof type === 'string' && type) item.type = type;
  return item;
}

/** The call's result, or undefined when it failed in a way that leaves only this part unknown. */
async function optional<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (isSinasApiError(error) && FATAL.has(error.kind)) throw error;
    if (!isSinasApiError(error)) throw error;
    return undefined;
  }
}

/** Runs `task` over `items`, at most CONCURRENCY at a time; the first failure rejects. */
async function pool<T>(items: readonly T[], task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}
