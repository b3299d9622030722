/**
 * The instance snapshot, indexed for the per-version checks: every lookup is one map access, so a
 * snapshot of thousands of resources costs nothing per keystroke. Built once per snapshot (not per
 * version); the analysis keeps the index it was computed with, so a new snapshot means a new
 * analysis while unchanged chunks are still reused.
 */
import type { InstanceSnapshot, SnapshotItem, SnapshotPackage, SnapshotSection } from '../../protocol/instance-snapshot';
import { SNAPSHOT_SECTIONS } from '../../protocol/instance-snapshot';
import type { ConnectionTypeLookup } from '../embedded/sql/dialect';
import type { SectionName } from '../model/sections';
import { closest } from '../text/suggest';

export type { InstanceSnapshot, SnapshotItem, SnapshotSection } from '../../protocol/instance-snapshot';

/** What the instance says about one identity. */
export type Presence =
  | { kind: 'found'; item: SnapshotItem }
  /** The list is complete and does not hold it. */
  | { kind: 'missing' }
  /** No list, or an incomplete one that does not hold it: nothing can be said. */
  | { kind: 'unknown' };

/** Who holds a resource of the instance, as far as the snapshot tells. */
export type Ownership =
  | { kind: 'package'; name: string }
  /** No package declares it (unmanaged, or managed by a SinasConfig). */
  | { kind: 'none'; managedBy?: string }
  | { kind: 'unknown' };

const UNKNOWN: Presence = { kind: 'unknown' };
/** At most this many names are compared for one did-you-mean (a few milliseconds at worst). */
const MAX_COMPARED = 300;
const MISSING: Presence = { kind: 'missing' };

export class InstanceIndex {
  /** The instance's label, for messages ("on staging"). */
  readonly instance: string;
  readonly snapshot: InstanceSnapshot;
  private readonly items = new Map<SnapshotSection, Map<string, SnapshotItem>>();
  private readonly owners = new Map<string, string>();
  private readonly packagesKnown: boolean;
  /** Database connection types (the SQL dialect of queries); the revision changes only with them. */
  readonly connectionTypes: ConnectionTypeLookup;
  /** Did-you-mean answers per section and word: a long list is scanned once per misspelling, not per keystroke. */
  private readonly suggestions = new Map<string, string | undefined>();

  constructor(snapshot: InstanceSnapshot) {
    this.snapshot = snapshot;
    this.instance = snapshot.instance;
    for (const section of SNAPSHOT_SECTIONS) {
      const list = snapshot.lists[section];
      if (list) this.items.set(section, new Map(list.items.map((item) => [item.name, item])));
    }
    const connections = this.items.get('databaseConnections');
    const signature = [...(connections?.values() ?? [])].map((c) => `${c.name}\u0000${c.type ?? ''}`).join('\u0001');
    this.connectionTypes = { revision: `db:${hash(signature)}`, typeOf: (name) => connections?.get(name)?.type };
    const packages: SnapshotPackage[] = snapshot.packages ?? [];
    this.packagesKnown = snapshot.packages !== undefined && packages.every((p) => p.resources !== undefined);
    for (const pkg of packages) {
      for (const [section, identities] of Object.entries(pkg.resources ?? {})) {
        for (const identity of identities ?? []) this.owners.set(`${section}\u0000${identity}`, pkg.name);
      }
    }
  }

  /** Whether the snapshot has a list for this section (complete or not). */
  has(section: SectionName): boolean {
    return this.items.has(section as SnapshotSection);
  }

  /** Every item of a section, in the order the instance listed them. */
  list(section: SectionName): readonly SnapshotItem[] {
    return this.snapshot.lists[section as SnapshotSection]?.items ?? [];
  }

  presence(section: SectionName, identity: string): Presence {
    const items = this.items.get(section as SnapshotSection);
    if (!items) return UNKNOWN;
    const item = items.get(identity);
    if (item) return { kind: 'found', item };
    return this.snapshot.lists[section as SnapshotSection]?.complete ? MISSING : UNKNOWN;
  }

  /** The package whose last install declared this identity, or none (when every package's resources are known). */
  ownership(section: SectionName, identity: string, item: SnapshotItem): Ownership {
    const owner = this.owners.get(`${section}\u0000${identity}`);
    // `managed_by` (templates only) is the instance's own word; a package export may be outdated.
    if (item.managedBy !== undefined) {
      const managed = item.managedBy;
      if (managed?.startsWith('pkg:')) return { kind: 'package', name: managed.slice(4) };
      return managed ? { kind: 'none', managedBy: managed } : { kind: 'none' };
    }
    if (owner !== undefined) return { kind: 'package', name: owner };
    return this.packagesKnown ? { kind: 'none' } : { kind: 'unknown' };
  }

  /**
   * The closest identity of that section on the instance (did-you-mean), memoised per word. Bounded
   * for long lists: only names of the word's namespace and of a reachable length are compared, and
   * when that still leaves more than a few hundred, no suggestion is made.
   */
  suggest(section: SectionName, word: string): string | undefined {
    const key = `${section}\u0000${word}`;
    if (this.suggestions.has(key)) return this.suggestions.get(key);
    const limit = Math.max(1, Math.floor(word.length / 3));
    const slash = word.lastIndexOf('/');
    const namespace = slash >= 0 ? word.slice(0, slash + 1) : undefined;
    const near: string[] = [];
    for (const name of this.items.get(section as SnapshotSection)?.keys() ?? []) {
      if (Math.abs(name.length - word.length) > limit) continue;
      if (namespace !== undefined && this.items.get(section as SnapshotSection)!.size > MAX_COMPARED && !name.startsWith(namespace)) continue;
      near.push(name);
    }
    const answer = near.length <= MAX_COMPARED ? closest(word, near, limit) : undefined;
    this.suggestions.set(key, answer);
    return answer;
  }

  /** The installed package of that name, if the snapshot lists packages. */
  installedPackage(name: string): SnapshotPackage | undefined {
    return this.snapshot.packages?.find((p) => p.name === name);
  }
}

/** A short string for a long one (FNV-1a), so memo keys stay small. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
