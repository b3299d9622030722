/**
 * Sinas: Add Instance — URL, name and API key (masked). The key goes to SecretStorage only; a
 * plain-http URL to another machine needs consent before the key is ever sent. The new instance
 * becomes active.
 */
import type { Connection } from '../connections/types';
import { checkName, checkUrl, normaliseUrl } from '../connections/validate';
import { ENVIRONMENT_NAME } from '../connections/environment';
import { plainHttpWarning } from '../../../api/src';
import { requireTrust } from '../ui/trust';
import type { Deps } from './deps';

export interface NewConnectionInput {
  name?: string;
  url?: string;
  apiKey?: string;
}

export async function addConnection(deps: Deps, input: NewConnectionInput = {}): Promise<Connection | undefined> {
  if (!requireTrust(deps.host)) return undefined;
  const url = input.url ?? (await deps.host.showInputBox({ title: 'Add Sinas instance (1/3): URL', placeHolder: 'https://sinas.example.com', ignoreFocusOut: true, validateInput: checkUrl }));
  if (url === undefined) return undefined;
  const taken = deps.connections.takenNames();
  const name = input.name ?? (await deps.host.showInputBox({ title: 'Add Sinas instance (2/3): name', value: suggestName(url, taken), ignoreFocusOut: true, validateInput: (v) => checkName(v, taken, [ENVIRONMENT_NAME]) }));
  if (name === undefined) return undefined;
  const apiKey = input.apiKey ?? (await deps.host.showInputBox({ title: `Add Sinas instance (3/3): API key for ${name}`, prompt: 'Stored in VS Code\'s secret storage only. Create one in the Sinas console (API keys).', password: true, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'An API key is required') }));
  if (apiKey === undefined) return undefined;

  const warning = await plainHttpWarning(url);
  if (warning) {
    const send = 'Send Key over HTTP';
    const choice = await deps.host.showWarningMessage(`Sinas: ${warning}`, { modal: true, detail: `Instance "${name}" (${normaliseUrl(url)}). Choose Cancel and use https:// to keep the key private.` }, send);
    if (choice !== send) return undefined;
  }
  let connection: Connection;
  try {
    connection = await deps.connections.add({ name, url, apiKey: apiKey.trim() });
  } catch (error) {
    void deps.host.showErrorMessage(`Sinas: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (warning) await deps.connections.acceptInsecure(connection);
  deps.log.info(`Added instance ${connection.name} (${connection.url}); it is now active.`);
  void deps.host.showInformationMessage(`Sinas: ${connection.name} added and active.`);
  return connection;
}

/** `sinas.example.com` -> `sinas.example.com`, or with a number when taken. */
function suggestName(url: string, taken: readonly string[]): string {
  let base = 'sinas';
  try {
    base = new URL(url).hostname || base;
  } catch {
    // keep the default
  }
  let name = base;
  for (let n = 2; taken.some((t) => t.toLowerCase() === name.toLowerCase()) || name.toLowerCase() === ENVIRONMENT_NAME.toLowerCase(); n++) name = `${base}-${n}`;
  return name;
}
