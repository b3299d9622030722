/**
 * Sinas: Uninstall Package — from the tree, the code lens or the palette. The modal states the
 * blast radius (resource counts from the installed export, data deleted with collections and
 * stores, what survives). A 500 means the server rolled back: nothing was removed.
 */
import { isSinasApiError } from '../../../api/src';
import { readPackage, type PackageFile } from '../packages/read-package';
import { blastRadius } from '../uninstall/blast-radius';
import { connect } from '../ui/connect';
import { showApiError } from '../ui/errors';
import { withProgress } from '../ui/progress';
import { requireTrust } from '../ui/trust';
import type { Deps } from './deps';
import { installedPackageRef } from './package-target';

export interface UninstallOutcome {
  outcome: 'uninstalled' | 'notInstalled' | 'cancelled' | 'refused' | 'failed';
  message?: string;
  /** What the confirmation said (tests check the blast radius). */
  confirmation?: { message: string; detail: string };
}

export async function uninstallPackage(deps: Deps, target?: unknown): Promise<UninstallOutcome> {
  if (!requireTrust(deps.host)) return { outcome: 'refused' };
  const ref = await installedPackageRef(deps, target, 'Uninstall');
  if (!ref) return { outcome: 'cancelled' };
  const connected = await connect(deps, ref.connectionId);
  if (!connected) return { outcome: 'refused' };
  const { connection, client } = connected;
  const refresh = () => {
    deps.documents.forgetInstalled(connection.id, ref.name);
    void deps.packages.refresh(connection.id);
    void deps.snapshots.refresh(connection.id);
  };

  // What is installed decides what the modal can promise; a failed read still allows the uninstall.
  let installed: PackageFile | undefined;
  let version = ref.version;
  try {
    const [pkg, source] = await withProgress(deps.host, `Sinas: reading ${ref.name} on ${connection.name}…`, (signal) =>
      Promise.all([client.getPackage(ref.name, { signal }), client.exportPackage(ref.name, { signal }).catch(() => undefined)]),
    );
    version = pkg.version;
    installed = source === undefined ? undefined : readPackage(source);
  } catch (error) {
    if (isSinasApiError(error, 'notFound')) {
      const message = `Sinas: ${ref.name} is not installed on ${connection.name}.`;
      void deps.host.showInformationMessage(message);
      refresh();
      return { outcome: 'notInstalled', message };
    }
    if (isSinasApiError(error, 'cancelled')) return { outcome: 'cancelled' };
    showApiError({ host: deps.host, log: deps.log, connection, what: `Uninstall of ${ref.name} stopped` }, error);
    return { outcome: 'failed', message: error instanceof Error ? error.message : String(error) };
  }

  const confirmation = blastRadius({ packageName: ref.name, version, instanceName: connection.name, installed });
  const choice = await deps.host.showWarningMessage(confirmation.message, { modal: true, detail: confirmation.detail }, 'Uninstall');
  if (choice !== 'Uninstall') return { outcome: 'cancelled', confirmation };

  try {
    await withProgress(deps.host, `Sinas: uninstalling ${ref.name} from ${connection.name}…`, (signal) => client.uninstallPackage(ref.name, { signal }));
  } catch (error) {
    refresh();
    if (isSinasApiError(error, 'notFound')) return { outcome: 'notInstalled', confirmation };
    // The client's sentence for a 500 already says that nothing was removed.
    showApiError({ host: deps.host, log: deps.log, connection, what: `Uninstall of ${ref.name} failed`, retry: () => uninstallPackage(deps, ref) }, error);
    return { outcome: isSinasApiError(error, 'cancelled') ? 'cancelled' : 'failed', message: error instanceof Error ? error.message : String(error), confirmation };
  }
  refresh();
  const message = `Sinas: uninstalled ${ref.name} from ${connection.name}.`;
  deps.log.info(message);
  void deps.host.showInformationMessage(message);
  return { outcome: 'uninstalled', message, confirmation };
}
