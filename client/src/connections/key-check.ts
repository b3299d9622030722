/**
 * Whether an API key works, with one cheap authenticated call: `POST /auth/check-permissions`
 * for the package permissions the extension uses (any valid key may call it; a wrong, revoked or
 * expired one gets 401). Used when an instance is added and by the status bar's health check.
 * No `vscode`, no UI.
 */
import { isSinasApiError, PACKAGE_PERMISSIONS, type SinasClient } from '../../../api/src';
import { joinWords } from '../util/text';

export type KeyCheck =
  /** The key is accepted; `missing` lists permissions for features it cannot use (create, uninstall). */
  | { kind: 'ok'; missing: string[] }
  /** Accepted, but without what listing or installing packages needs. */
  | { kind: 'noPermission'; missing: string[] }
  | { kind: 'rejected'; message: string }
  /** The call did not tell (unreachable, timeout, server error, an unexpected answer). */
  | { kind: 'unverified'; message: string };

/** What each permission is for, in the order they are checked; the first two are essential. */
const FEATURES: readonly [permission: string, feature: string][] = [
  [PACKAGE_PERMISSIONS.read, 'listing packages'],
  [PACKAGE_PERMISSIONS.install, 'preview and install'],
  [PACKAGE_PERMISSIONS.delete, 'uninstall'],
  [PACKAGE_PERMISSIONS.create, 'create from instance'],
];
const ESSENTIAL = new Set<string>([PACKAGE_PERMISSIONS.read, PACKAGE_PERMISSIONS.install]);

export async function checkKey(client: SinasClient, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<KeyCheck> {
  try {
    const answer = await client.checkPermissions(FEATURES.map(([permission]) => permission), 'AND', options);
    const checks = Array.isArray(answer?.checks) ? answer.checks : [];
    const held = new Set(checks.filter((c) => c.has_permission === true).map((c) => c.permission));
    const missing = FEATURES.map(([permission]) => permission).filter((p) => !held.has(p));
    return missing.some((p) => ESSENTIAL.has(p)) ? { kind: 'noPermission', missing } : { kind: 'ok', missing };
  } catch (error) {
    if (isSinasApiError(error, 'cancelled')) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return isSinasApiError(error, 'auth') ? { kind: 'rejected', message } : { kind: 'unverified', message };
  }
}

/** "preview and install (sinas.packages.install:all) and uninstall (sinas.packages.delete:all)". */
export function describeMissing(missing: readonly string[]): string {
  return joinWords(missing.map((permission) => `${FEATURES.find(([p]) => p === permission)?.[1] ?? permission} (${permission})`));
}
