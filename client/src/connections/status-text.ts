/**
 * What the status bar item says for the active instance (pure, so every state is unit-tested):
 * its name, whether it answers, and whether its key is accepted and may list and install
 * packages; the click fixes what is wrong (set the key, confirm plain http) or switches instance.
 */
import { COMMANDS } from '../commands/ids';
import type { Reachability } from './health-monitor';
import { describeMissing } from './key-check';
import type { Connection } from './types';

export interface StatusView {
  text: string;
  tooltip: string;
  /** Which theme background the item takes, if any. */
  background?: 'warning' | 'error';
  command: { id: string; args?: unknown[] };
}

export function describeStatus(active: Connection | undefined, state: Reachability): StatusView {
  if (!active) return { text: '$(cloud) Sinas: no instance', tooltip: 'No Sinas instance configured. Click to add one.', command: { id: COMMANDS.addConnection } };
  const name = `Sinas: ${active.name}`;
  const where = `${active.name} — ${active.url}`;
  const view = (icon: string, suffix: string, status: string, extra: Partial<StatusView> = {}): StatusView => ({
    text: `$(${icon}) ${name}${suffix ? ` — ${suffix}` : ''}`,
    tooltip: `${where}\n${status}`,
    command: { id: COMMANDS.switchConnection },
    ...extra,
  });
  const setKey = active.source === 'stored' ? { id: COMMANDS.setApiKey, args: [active.id] } : { id: COMMANDS.switchConnection };
  // A result for another instance (just switched) is no result for this one yet.
  const current = state.kind === 'none' || ('connection' in state && state.connection.id === active.id) ? state : { kind: 'checking' as const };
  switch (current.kind) {
    case 'none':
      return view('cloud', '', 'Click to switch instance.');
    case 'checking':
      return view('sync~spin', '', 'Checking…\nClick to switch instance.');
    case 'unreachable':
      return view('cloud-offline', '', `Unreachable: ${current.message}\nClick to switch instance.`, { background: 'warning' });
  }
  const access = current.access;
  switch (access.kind) {
    case 'rejected':
      return view('key', 'key rejected', `Reachable, but the API key was rejected: ${access.message}\n${active.source === 'stored' ? 'Click to set a new key.' : 'Set SINAS_API_KEY and restart.'}`, { background: 'error', command: setKey });
    case 'noKey':
      return view('key', 'no key', `Reachable, but no API key is set.\n${active.source === 'stored' ? 'Click to set one.' : 'Set SINAS_API_KEY and restart.'}`, { background: 'warning', command: setKey });
    case 'noPermission':
      return view('lock', 'no permission', `Reachable and the key is accepted, but it lacks ${describeMissing(access.missing)}. Give the key these permissions in the Sinas console.\nClick to switch instance.`, { background: 'warning' });
    case 'insecure':
      return view('unlock', 'key not sent', 'Reachable over plain http; the key is not sent until you confirm.\nClick to confirm.', { command: { id: COMMANDS.refreshPackages, args: [active.id] } });
    case 'unverified':
      return view('cloud', '', `Reachable; the key could not be checked: ${access.message}\nClick to switch instance.`);
    case 'ok':
      return view('cloud', '', `Reachable; the key is accepted${access.missing.length ? `, but lacks ${describeMissing(access.missing)}` : ''}.\nClick to switch instance.`);
  }
}
