/**
 * What an installed package consists of, read from the instance: its exact installed YAML
 * (`GET …/export`, placeholders kept) read by the language core, with `${{ vars.X }}` in
 * identities replaced by the values of that install (`Package.values`), grouped by resource type.
 * Whether a resource was edited on the instance since the install (and so detached from the
 * package) is only told by the templates list, the one list that exposes `managed_by` (§3); for
 * the other types the API cannot tell and nothing is claimed. Cached per package; no `vscode`.
 */
import type { ResourceList, TemplateDto } from '../../../../api/src';
import { SKIPPED_SECTIONS, type SectionName } from '../../../../server/src/core/model/sections';
import { substituteVariables, substitutionTexts } from '../../../../server/src/core/variables/substitution';
import type { Connection } from '../../connections/types';
import { readPackage, type Span } from '../../packages/read-package';
import { Emitter, type Disposable, type Event } from '../../util/emitter';
import type { ModelClients, ModelConnections } from './model';

/**
 * - `managed`: the instance says this package manages it;
 * - `detached`: it exists but nobody manages it (edited since the install, or an unmanaged
 *   resource the first install overwrote): it survives uninstall, the next install overwrites it;
 * - `managedElsewhere`: another package (or config) manages it;
 * - `missing`: not on the instance (deleted, or it failed to install).
 */
export type Ownership = 'managed' | 'detached' | 'managedElsewhere' | 'missing';

export interface InstalledResource {
  section: SectionName;
  /** As installed: `${{ vars.X }}` replaced by the install's values. */
  identity: string;
  /** The resource's identity node in the export text. */
  span: Span;
  /** Undefined where the API does not tell (every type but templates). */
  ownership?: Ownership;
  managedBy?: string | null;
}

export interface InstalledContents {
  /** The export, exactly as installed. */
  text: string;
  groups: { section: SectionName; resources: InstalledResource[] }[];
}

/** Sections whose ownership a list endpoint exposes. */
export const OWNERSHIP_TOLD: ReadonlySet<SectionName> = new Set(['templates']);

/**
 * Reads the export; `values` are `Package.values` of the install (secrets as "***"), `templates`
 * the instance's templates list when the package has templates.
 */
export function readInstalledContents(packageName: string, text: string, values: Record<string, unknown> | null | undefined, templates?: ResourceList<TemplateDto>): InstalledContents {
  const file = readPackage(text);
  const texts = substitutionTexts(file.declarations, values ?? {});
  const rows = new Map((templates?.items ?? []).map((t) => [`${t.namespace}/${t.name}`, t.raw]));
  const groups = new Map<SectionName, InstalledResource[]>();
  for (const r of file.structure.model.resources) {
    if (r.identity === undefined || SKIPPED_SECTIONS.includes(r.section)) continue;
    const identity = r.dynamic ? substituteVariables(r.identity, texts) : r.identity;
    const resource: InstalledResource = { section: r.section, identity, span: { start: r.identityNode.start, end: r.identityNode.end } };
    if (templates && OWNERSHIP_TOLD.has(r.section)) {
      const row = rows.get(identity);
      if (row) {
        resource.managedBy = row.managed_by ?? null;
        resource.ownership = row.managed_by === `pkg:${packageName}` ? 'managed' : row.managed_by ? 'managedElsewhere' : 'detached';
      } else if (!templates.truncated) {
        resource.ownership = 'missing';
      }
    }
    const list = groups.get(r.section);
    if (list) list.push(resource);
    else groups.set(r.section, [resource]);
  }
  return { text, groups: [...groups].map(([section, resources]) => ({ section, resources })) };
}

export type ContentsState =
  /** `previous`: what was shown before this reload, still shown (no flicker, expanded rows stay expanded). */
  | { kind: 'loading'; previous?: InstalledContents }
  | { kind: 'loaded'; contents: InstalledContents }
  | { kind: 'error'; message: string };

/**
 * The contents of installed packages, loaded when a package is expanded, read again (in the
 * background, the old rows still shown) after its instance's list reloads.
 */
export class PackageContents implements Disposable {
  private readonly states = new Map<string, ContentsState>();
  /** Loaded entries that a reloaded list made stale. */
  private readonly stale = new Set<string>();
  private readonly loads = new Map<string, Promise<ContentsState>>();
  private readonly changed = new Emitter<{ connectionId: string; name: string }>();
  readonly onDidChange: Event<{ connectionId: string; name: string }> = this.changed.event;

  constructor(
    private readonly connections: Pick<ModelConnections, 'get'>,
    private readonly clients: ModelClients,
  ) {}

  state(connectionId: string, name: string): ContentsState | undefined {
    return this.states.get(key(connectionId, name));
  }

  /** Loads unless loaded or loading; resolves with the resulting state. */
  ensureLoaded(connectionId: string, name: string): Promise<ContentsState> {
    const k = key(connectionId, name);
    const running = this.loads.get(k);
    if (running) return running;
    const known = this.states.get(k);
    if (known && known.kind !== 'error' && !this.stale.has(k)) return Promise.resolve(known);
    const promise = this.fetch(connectionId, name).finally(() => this.loads.delete(k));
    this.loads.set(k, promise);
    return promise;
  }

  /** One instance's list was reloaded: what was read of its packages is read again when next asked for. */
  markStale(connectionId: string): void {
    for (const k of this.states.keys()) if (k.startsWith(`${connectionId}\n`)) this.stale.add(k);
  }

  /** Whether a package's contents should be read again (the tree then starts that). */
  isStale(connectionId: string, name: string): boolean {
    return this.stale.has(key(connectionId, name));
  }

  dispose(): void {
    this.states.clear();
    this.stale.clear();
    this.changed.dispose();
  }

  private async fetch(connectionId: string, name: string): Promise<ContentsState> {
    const k = key(connectionId, name);
    const connection: Connection | undefined = this.connections.get(connectionId);
    if (!connection) return { kind: 'error', message: 'The instance is gone.' };
    const before = this.states.get(k);
    this.stale.delete(k);
    this.set(k, connectionId, name, { kind: 'loading', previous: before?.kind === 'loaded' ? before.contents : before?.kind === 'loading' ? before.previous : undefined });
    let next: ContentsState;
    try {
      const result = await this.clients.client(connection);
      if (result.kind !== 'ready') throw new Error(result.kind === 'noKey' ? 'No API key.' : 'Plain http not confirmed yet.');
      const [text, pkg] = await Promise.all([result.client.exportPackage(name), result.client.getPackage(name)]);
      let contents = readInstalledContents(name, text, pkg.values);
      // Only templates tell ownership; their list is read only when the package has some.
      if (contents.groups.some((g) => OWNERSHIP_TOLD.has(g.section))) {
        const templates = await result.client.listResources('templates').catch(() => undefined);
        if (templates) contents = readInstalledContents(name, text, pkg.values, templates);
      }
      next = { kind: 'loaded', contents };
    } catch (error) {
      next = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    this.set(k, connectionId, name, next);
    return next;
  }

  private set(k: string, connectionId: string, name: string, state: ContentsState): void {
    this.states.set(k, state);
    this.changed.fire({ connectionId, name });
  }
}

const key = (connectionId: string, name: string) => `${connectionId}\n${name}`;
