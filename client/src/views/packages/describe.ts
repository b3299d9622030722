/**
 * What the tree shows under an instance for each model state: its packages, or one placeholder
 * that says what is wrong and what a click does about it (set the key, retry, confirm http).
 * Pure, so every state is unit-tested without VS Code.
 */
import type { PackageListItem } from '../../../../api/src';
import { COMMANDS } from '../../commands/ids';
import type { Connection } from '../../connections/types';
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
