/**
 * Sinas: Add Instance — URL, name and API key (masked). The key goes to SecretStorage only; a
 * plain-http URL to another machine needs consent before the key is ever sent. The key is then
 * verified with one cheap authenticated call (a rejected one can be entered again), and when
 * another instance is active the user chooses which one stays active; the message says which is.
 */
import type { Connection } from '../connections/types';
import { checkKey, describeMissing, type KeyCheck } from '../connections/key-check';
import { checkName, checkUrl, normaliseUrl } from '../connections/validate';
import { ENVIRONMENT_NAME } from '../connections/environment';
import { isSinasApiError, plainHttpWarning } from '../../../api/src';
import { withProgress } from '../ui/progress';
import { requireTrust } from '../ui/trust';
import type { Deps } from './deps';

/** Command arguments that replace prompts (tests, automation). */
export interface NewConnectionInput {
  name?: string;
  url?: string;
  apiKey?: string;
  /** Make it the active instance (true) or keep the current one (false); asked when omitted and another is active. */
  activate?: boolean;
  /** False skips the key check (adding an instance that is not reachable yet). */
  verify?: boolean;
}

export async function addConnection(deps: Deps, input: NewConnectionInput = {}): Promise<Connection | undefined> {
  if (!requireTrust(deps.host)) return undefined;
  const url = input.url ?? (await deps.host.showInputBox({ title: 'Add Sinas instance (1/3): URL', placeHolder: 'https://sinas.example.com', ignoreFocusOut: true, validateInput: checkUrl }));
  if (url === undefined) return undefined;
  const taken = deps.connections.takenNames();
  const name = input.name ?? (await deps.host.showInputBox({ title: 'Add Sinas instance (2/3): name', value: suggestName(url, taken), ignoreFocusOut: true, validateInput: (v) => checkName(v, taken, [ENVIRONMENT_NAME]) }));
  if (name === undefined) return undefined;
  let apiKey = input.apiKey ?? (await askKey(deps, name));
  if (apiKey === undefined) return undefined;

  const warning = await plainHttpWarning(url);
  if (warning) {
    const send = 'Send Key over HTTP';
    const choice = await deps.host.showWarningMessage(`Sinas: ${warning}`, { modal: true, detail: `Instance "${name}" (${normaliseUrl(url)}). Choose Cancel and use https:// to keep the key private.` }, send);
    if (choice !== send) return undefined;
  }

  let check: KeyCheck | undefined;
  if (input.verify !== false) {
    for (;;) {
      check = await verifyKey(deps, name, url, apiKey.trim(), warning !== undefined);
      if (!check) return undefined;
      if (check.kind !== 'rejected' && check.kind !== 'unverified') break;
      const again = 'Enter Key Again';
      const anyway = 'Add Anyway';
      const rejected = check.kind === 'rejected';
      const choice = await deps.host.showWarningMessage(
        rejected ? `Sinas: ${normaliseUrl(url)} rejected this API key.` : `Sinas: the key for ${name} could not be checked.`,
        { modal: true, detail: `${check.message}\n${rejected ? 'Check the key in the Sinas console (API keys), or add the instance anyway and set the key later.' : 'Add the instance anyway and check it later with "Sinas: Refresh Instances".'}` },
        ...(rejected ? [again, anyway] : [anyway]),
      );
      if (choice === anyway) break;
      if (choice !== again) return undefined;
      apiKey = await askKey(deps, name);
      if (apiKey === undefined) return undefined;
    }
  }

  const current = deps.connections.active();
  let activate = input.activate ?? true;
  if (input.activate === undefined && current) {
    const picked = await deps.host.showQuickPick(
      [
        { label: `Make ${name} active`, description: 'preview, install, the code lens and the status bar use it', activate: true },
        { label: `Keep ${current.name} active`, description: current.url, activate: false },
      ],
      { title: `Add Sinas instance: which one is active?`, placeHolder: `${current.name} is active now`, ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    activate = picked.activate;
  }

  let connection: Connection;
  try {
    connection = await deps.connections.add({ name, url, apiKey: apiKey.trim() }, { activate });
  } catch (error) {
    void deps.host.showErrorMessage(`Sinas: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (warning) await deps.connections.acceptInsecure(connection);
  const active = deps.connections.active();
  const which = active?.id === connection.id ? `${connection.name} added and active.` : `${connection.name} added; ${active?.name ?? 'the other instance'} stays active ("Sinas: Switch Instance" changes it).`;
  const key = describeCheck(check);
  deps.log.info(`Added instance ${connection.name} (${connection.url}); active: ${active?.name}.${key.text ? ` ${key.text}` : ''}`);
  const message = `Sinas: ${which}${key.text ? ` ${key.text}` : ''}`;
  if (key.warn) void deps.host.showWarningMessage(message, {});
  else void deps.host.showInformationMessage(message);
  return connection;
}

function askKey(deps: Deps, name: string): Thenable<string | undefined> {
  return deps.host.showInputBox({ title: `Add Sinas instance (3/3): API key for ${name}`, prompt: 'Stored in VS Code\'s secret storage only. Create one in the Sinas console (API keys).', password: true, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'An API key is required') });
}

/** One authenticated call with a client that is thrown away; undefined when the user cancelled. */
async function verifyKey(deps: Deps, name: string, url: string, apiKey: string, plainHttpAccepted: boolean): Promise<KeyCheck | undefined> {
  const client = deps.clients.unstoredClient({ name, url: normaliseUrl(url) }, apiKey, plainHttpAccepted);
  try {
    return await withProgress(deps.host, `Sinas: checking the API key with ${normaliseUrl(url)}…`, (signal) => checkKey(client, { signal }));
  } catch (error) {
    if (isSinasApiError(error, 'cancelled')) return undefined;
    throw error;
  } finally {
    void client.close();
  }
}

function describeCheck(check: KeyCheck | undefined): { text: string; warn: boolean } {
  switch (check?.kind) {
    case undefined:
      return { text: '', warn: false };
    case 'ok':
      return { text: check.missing.length ? `Its key is accepted but lacks ${describeMissing(check.missing)}.` : 'Its key is accepted.', warn: false };
    case 'noPermission':
      return { text: `Its key is accepted but lacks ${describeMissing(check.missing)}.`, warn: true };
    case 'rejected':
      return { text: 'Its key was rejected; set a new one with "Sinas: Set API Key".', warn: true };
    case 'unverified':
      return { text: 'Its key could not be checked.', warn: false };
  }
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
