/**
 * What the tree shows under an instance for each model state: its packages, or one placeholder
 * that says what is wrong and what a click does about it (set the key, retry, confirm http); and
 * under a package, its resources by type with what the instance tells about each.
 * Pure, so every state is unit-tested without VS Code.
 */
import type { PackageListItem } from '../../../../api/src';
import { KIND_NAME, type SectionName } from '../../../../server/src/core/model/sections';
import { COMMANDS } from '../../commands/ids';
import type { Connection } from '../../connections/types';
import { OWNERSHIP_TOLD, type ContentsState, type InstalledResource } from './contents';
import type { PackagesState } from './model';

export type MessageIcon = 'loading' | 'info' | 'warning' | 'error' | 'key';

export interface MessageItem {
  kind: 'message';
  icon: MessageIcon;
  label: string;
  tooltip?: string;
  command?: { id: string; title: string; args: unknown[] };
}

export interface PackageItem {
  kind: 'package';
  pkg: PackageListItem;
}

export type ChildItem = MessageItem | PackageItem;

export interface GroupItem {
  kind: 'group';
  section: SectionName;
  /** "Functions", "Database triggers". */
  label: string;
  resources: InstalledResource[];
  tooltip: string;
}

export function describeChildren(state: PackagesState, connection: Connection): ChildItem[] {
  const retry = { id: COMMANDS.refreshPackages, title: 'Retry', args: [connection.id] };
  const setKey = { id: COMMANDS.setApiKey, title: 'Set API Key', args: [connection.id] };
  switch (state.kind) {
    case 'idle':
      return [{ kind: 'message', icon: 'loading', label: 'Loading installed packages…' }];
    case 'loading':
      return state.previous ? packageItems(state.previous) : [{ kind: 'message', icon: 'loading', label: 'Loading installed packages…' }];
    case 'noKey':
      return connection.source === 'environment'
        ? [{ kind: 'message', icon: 'key', label: 'No API key: SINAS_API_KEY is not set', tooltip: 'The environment gives SINAS_URL but no SINAS_API_KEY. Set it and restart, or add the instance with "Sinas: Add Instance".' }]
        : [{ kind: 'message', icon: 'key', label: 'No API key — click to set one', tooltip: `${connection.name} has no API key stored.`, command: setKey }];
    case 'insecure':
      return [{ kind: 'message', icon: 'warning', label: 'Plain http — click to confirm sending the API key', tooltip: state.warning, command: { ...retry, title: 'Connect' } }];
    case 'loaded':
      return packageItems(state.packages);
    case 'error':
      switch (state.errorKind) {
        case 'auth':
          return [{ kind: 'message', icon: 'error', label: 'API key rejected — click to set a new one', tooltip: state.message, command: connection.source === 'stored' ? setKey : undefined }];
        case 'forbidden':
          return [{ kind: 'message', icon: 'error', label: `Not allowed to list packages${state.permission ? ` (needs ${state.permission})` : ''}`, tooltip: state.message }];
        case 'unreachable':
        case 'timeout':
        case 'tls':
          return [{ kind: 'message', icon: 'error', label: 'Unreachable — click to retry', tooltip: state.message, command: retry }];
        default:
          return [{ kind: 'message', icon: 'error', label: `${state.message.split('\n')[0]} — click to retry`, tooltip: state.message, command: retry }];
      }
  }
}

function packageItems(packages: readonly PackageListItem[]): ChildItem[] {
  if (packages.length === 0) return [{ kind: 'message', icon: 'info', label: 'No packages installed', tooltip: 'Open a SinasPackage YAML file and run "Sinas: Install Package".' }];
  return [...packages].sort((a, b) => a.name.localeCompare(b.name)).map((pkg) => ({ kind: 'package', pkg }));
}

/** Under a package: its resources by type, or why they cannot be shown. */
export function describeContents(state: ContentsState | undefined, connection: Connection): (GroupItem | MessageItem)[] {
  if (!state || (state.kind === 'loading' && !state.previous)) return [{ kind: 'message', icon: 'loading', label: 'Reading the installed version…' }];
  if (state.kind === 'error') {
    return [{ kind: 'message', icon: 'error', label: `${state.message.split('\n')[0]} — click to retry`, tooltip: state.message, command: { id: COMMANDS.refreshPackages, title: 'Retry', args: [connection.id] } }];
  }
  const contents = state.kind === 'loading' ? state.previous! : state.contents;
  if (contents.groups.length === 0) return [{ kind: 'message', icon: 'info', label: 'No resources' }];
  return contents.groups.map(({ section, resources }) => ({
    kind: 'group',
    section,
    label: sectionTitle(section),
    resources,
    tooltip: OWNERSHIP_TOLD.has(section)
      ? `${resources.length} ${sectionTitle(section).toLowerCase()} in the installed version; each says whether the instance still manages it.`
      : `${resources.length} ${sectionTitle(section).toLowerCase()} in the installed version. Sinas does not tell whether these were edited on the instance since the install (only templates do).`,
  }));
}

/** A resource's row: its identity, and what the instance tells about it. */
export function describeResource(resource: InstalledResource, packageName: string): { label: string; description?: string; tooltip: string; warning: boolean } {
  const kind = KIND_NAME[resource.section];
  const head = `${kind.charAt(0).toUpperCase()}${kind.slice(1)} \`${resource.identity}\``;
  switch (resource.ownership) {
    case 'detached':
      return { label: resource.identity, description: 'detached', warning: true, tooltip: `${head} is no longer managed by ${packageName}: it was edited on the instance since the install (or existed before and was overwritten). Uninstalling leaves it; the next install overwrites it.` };
    case 'managedElsewhere':
      return { label: resource.identity, description: `managed by ${resource.managedBy}`, warning: true, tooltip: `${head} is managed by ${resource.managedBy}, not by ${packageName}: installs of ${packageName} skip it.` };
    case 'missing':
      return { label: resource.identity, description: 'not on the instance', warning: true, tooltip: `${head} is in the installed version but not on the instance: deleted since, or it failed to install.` };
    case 'managed':
      return { label: resource.identity, tooltip: `${head}, managed by ${packageName}. Click to open it in the installed version.`, warning: false };
    default:
      return { label: resource.identity, tooltip: `${head}. Click to open it in the installed version.`, warning: false };
  }
}

/** "Functions", "Database triggers", "Queries". */
export function sectionTitle(section: SectionName): string {
  const kind = KIND_NAME[section];
  const plural = kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
  return `${plural.charAt(0).toUpperCase()}${plural.slice(1)}`;
}
