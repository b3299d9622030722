/**
 * The instance snapshot: what exists on the active Sinas instance, as the client read it from the
 * list endpoints. The language server never talks to an instance; a client sends this with the
 * `sinas/instanceSnapshot` notification (VS Code does it for the active instance, the CLI passes
 * it to the core directly, other editors may send their own). Shared by the API client's builder,
 * the language client and the server, so it imports nothing.
 */

/** Client → server notification; `snapshot: null` forgets the snapshot (no instance, offline, Restricted Mode). */
export const INSTANCE_SNAPSHOT_NOTIFICATION = 'sinas/instanceSnapshot';

export interface InstanceSnapshotParams {
  snapshot: InstanceSnapshot | null;
}

/** The snapshot's lists, named after the `spec` sections (and infrastructure) they hold. */
export const SNAPSHOT_SECTIONS = [
  'functions',
  'agents',
  'skills',
  'collections',
  'stores',
  'queries',
  'templates',
  'components',
  'manifests',
  'connectors',
  'webhooks',
  'schedules',
  'databaseTriggers',
  'llmProviders',
  'databaseConnections',
  'secrets',
  'roles',
] as const;

export type SnapshotSection = (typeof SNAPSHOT_SECTIONS)[number];

export interface InstanceSnapshot {
  /** The instance's label ("staging"), named in messages. */
  instance: string;
  /** Opaque id of the connection it came from; echoed in the URIs of instance documents. */
  source?: string;
  /** ISO time of the fetch. */
  fetchedAt: string;
  /** Lists that could be read; a missing one is unknown (not allowed, or failed). */
  lists: Partial<Record<SnapshotSection, SnapshotList>>;
  /** Installed packages; absent when the key may not list them. */
  packages?: SnapshotPackage[];
}

export interface SnapshotList {
  /**
   * True when the list holds every row the install's reference check sees: the key reads them
   * all and nothing was cut off. Only then is a name missing from it missing on the instance.
   */
  complete: boolean;
  items: SnapshotItem[];
}

export interface SnapshotItem {
  /** The identity as packages write it: `ns/name`, a webhook's path, or a plain name. */
  name: string;
  description?: string;
  /** False for an inactive row (LLM providers, database connections); absent when active or unknown. */
  active?: boolean;
  /** `managed_by` where the list exposes it (templates): null when unmanaged. */
  managedBy?: string | null;
  /** Connectors: their operation names. */
  operations?: string[];
  /** LLM provider type or database connection type (`postgresql`, …). */
  type?: string;
}

export interface SnapshotPackage {
  name: string;
  version?: string;
  /** Identities per section declared by its last install; absent when its export could not be read. */
  resources?: Partial<Record<SnapshotSection, string[]>>;
}

// ---------------------------------------------------------------------------------------------
// Normalising what arrives over the wire: anything malformed is dropped, sizes are bounded.

const MAX_ITEMS = 100_000;
const MAX_NAME = 1_000;
const MAX_TEXT = 2_000;
const MAX_OPERATIONS = 1_000;
const MAX_PACKAGES = 10_000;

type Raw = Record<string, unknown>;

const record = (v: unknown): Raw | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : undefined);
const text = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length > 0 ? v.slice(0, max) : undefined);
const names = (v: unknown, max: number): string[] => (Array.isArray(v) ? v.slice(0, max).flatMap((n) => text(n, MAX_NAME) ?? []) : []);

function normalizeItem(raw: unknown): SnapshotItem | undefined {
  const r = record(raw);
  const name = text(r?.name, MAX_NAME);
  if (!r || !name) return undefined;
  const item: SnapshotItem = { name };
  const description = text(r.description, MAX_TEXT);
  if (description) item.description = description;
  if (r.active === false) item.active = false;
  if (r.managedBy === null || typeof r.managedBy === 'string') item.managedBy = r.managedBy === null ? null : (r.managedBy as string).slice(0, MAX_NAME);
  if (Array.isArray(r.operations)) item.operations = names(r.operations, MAX_OPERATIONS);
  const type = text(r.type, MAX_NAME);
  if (type) item.type = type;
  return item;
}

function normalizeList(raw: unknown): SnapshotList | undefined {
  const r = record(raw);
  if (!r || !Array.isArray(r.items)) return undefined;
  return { complete: r.complete === true, items: r.items.slice(0, MAX_ITEMS).flatMap((i) => normalizeItem(i) ?? []) };
}

function normalizePackage(raw: unknown): SnapshotPackage | undefined {
  const r = record(raw);
  const name = text(r?.name, MAX_NAME);
  if (!r || !name) return undefined;
  const pkg: SnapshotPackage = { name };
  const version = text(r.version, MAX_NAME);
  if (version) pkg.version = version;
  const resources = record(r.resources);
  if (resources) {
    pkg.resources = {};
    for (const section of SNAPSHOT_SECTIONS) if (Array.isArray(resources[section])) pkg.resources[section] = names(resources[section], MAX_ITEMS);
  }
  return pkg;
}

/** A usable snapshot from whatever a client sent, or null when it is not one. */
export function normalizeSnapshot(raw: unknown): InstanceSnapshot | null {
  const r = record(raw);
  const instance = text(r?.instance, MAX_NAME);
  const lists = record(r?.lists);
  if (!r || !instance || !lists) return null;
  const snapshot: InstanceSnapshot = { instance, fetchedAt: text(r.fetchedAt, 100) ?? new Date(0).toISOString(), lists: {} };
  const source = text(r.source, MAX_NAME);
  if (source) snapshot.source = source;
  for (const section of SNAPSHOT_SECTIONS) {
    const list = normalizeList(lists[section]);
    if (list) snapshot.lists[section] = list;
  }
  if (Array.isArray(r.packages)) snapshot.packages = r.packages.slice(0, MAX_PACKAGES).flatMap((p) => normalizePackage(p) ?? []);
  return snapshot;
}

// ---------------------------------------------------------------------------------------------
// Read-only documents of instance resources (go to definition on a resource that lives on the
// instance). The server answers with this URI; the client serves its content: the one resource
// exported as package YAML, or the list's JSON record for what packages cannot hold.

export const INSTANCE_DOCUMENT_SCHEME = 'sinas-instance';

/** Sections `POST /packages/create` can export one resource of. */
const EXPORTABLE: ReadonlySet<SnapshotSection> = new Set(['functions', 'agents', 'skills', 'collections', 'stores', 'queries', 'templates', 'components', 'manifests', 'connectors', 'webhooks', 'schedules', 'databaseTriggers']);

export interface InstanceDocument {
  /** The snapshot's `source` (the connection it came from), or '' when it had none. */
  source: string;
  instance: string;
  section: SnapshotSection;
  identity: string;
  format: 'yaml' | 'json';
}

/** `sinas-instance:/<instance>/<section>/<identity>.<yaml|json>?<source>`, every part percent-encoded. */
export function instanceDocumentUri(snapshot: Pick<InstanceSnapshot, 'instance' | 'source'>, section: SnapshotSection, identity: string): string {
  const format = EXPORTABLE.has(section) ? 'yaml' : 'json';
  const query = snapshot.source ? `?${encodeURIComponent(snapshot.source)}` : '';
  return `${INSTANCE_DOCUMENT_SCHEME}:/${encodeURIComponent(snapshot.instance)}/${section}/${encodeURIComponent(identity)}.${format}${query}`;
}

/**
 * The parts of an instance document URI from its path and query, percent-encoded as in the URI
 * string (`encoded`), or already decoded as URI classes hand them over (an identity's `/` is then
 * a path separator, which is why the identity is everything between the section and the extension).
 */
export function parseInstanceDocumentUri(path: string, query: string, encoded = true): InstanceDocument | undefined {
  const match = /^\/([^/]+)\/([A-Za-z]+)\/(.+)\.(yaml|json)$/.exec(path);
  if (!match || !(SNAPSHOT_SECTIONS as readonly string[]).includes(match[2])) return undefined;
  const decode = (part: string) => (encoded ? decodeURIComponent(part) : part);
  try {
    return {
      source: decode(query),
      instance: decode(match[1]),
      section: match[2] as SnapshotSection,
      identity: decode(match[3]),
      format: match[4] as 'yaml' | 'json',
    };
  } catch {
    return undefined;
  }
}
