/**
 * Which lenses sit on `package.name`, from what is known about the active instance (pure, so
 * every state is unit-tested): installed with the same version (Uninstall, Open installed
 * version), installed with another version (also Upgrade / Downgrade and Compare), not installed
 * (Preview, Install), or the list cannot be read (one lens that says so and retries).
 */
import type { PackageListItem } from '../../../api/src';
import { COMMANDS } from '../commands/ids';

export interface LensSpec {
  title: string;
  /** Empty: a label that does nothing when clicked. */
  command: string;
  tooltip?: string;
}

export interface LensInput {
  instanceName: string;
  packageName: string;
  fileVersion?: string;
  /** The installed package; null when not installed. */
  installed: PackageListItem | null;
}

export function packageLenses({ instanceName, packageName, fileVersion, installed }: LensInput): LensSpec[] {
  if (installed === null) {
    return [
      { title: `Not installed on ${instanceName}`, command: '' },
      { title: 'Preview', command: COMMANDS.previewPackage, tooltip: `Preview installing ${packageName} on ${instanceName}` },
      { title: 'Install', command: COMMANDS.installPackage, tooltip: `Install ${packageName} on ${instanceName}` },
    ];
  }
  const status = `$(package) Installed v${installed.version} on ${instanceName}`;
  const uninstall = { title: 'Uninstall', command: COMMANDS.uninstallPackage, tooltip: `Uninstall ${packageName} from ${instanceName}` };
  const open = { title: 'Open installed version', command: COMMANDS.exportPackage, tooltip: 'Open the exact YAML of the last install (read-only)' };
  if (!fileVersion || fileVersion === installed.version) {
    return [{ title: status, command: COMMANDS.comparePackage, tooltip: 'Compare the installed version with this file' }, uninstall, open];
  }
  // The file holds another version: installing it is the next step, comparing shows what changes.
  const order = compareVersions(fileVersion, installed.version);
  const verb = order === undefined ? `Install v${fileVersion}` : order > 0 ? `Upgrade to v${fileVersion}` : `Downgrade to v${fileVersion}`;
  return [
    { title: `${status} (this file: v${fileVersion})`, command: '' },
    { title: verb, command: COMMANDS.installPackage, tooltip: `Preview, then install ${packageName} ${fileVersion} over ${installed.version} on ${instanceName}` },
    { title: 'Compare', command: COMMANDS.comparePackage, tooltip: `Compare v${installed.version} on ${instanceName} with this file` },
    uninstall,
    open,
  ];
}

/**
 * `1.10.0` vs `1.9.2` by their numeric parts (a pre-release such as `1.0.0-beta` sorts before
 * `1.0.0`); undefined when either is not of that shape (versions are free-form labels in Sinas).
 */
export function compareVersions(a: string, b: string): number | undefined {
  const parse = (v: string) => /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?$/.exec(v.trim());
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return undefined;
  const na = pa[1].split('.').map(Number);
  const nb = pb[1].split('.').map(Number);
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const d = (na[i] ?? 0) - (nb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (pa[2] === pb[2]) return 0;
  if (pa[2] === undefined) return 1;
  if (pb[2] === undefined) return -1;
  return pa[2] < pb[2] ? -1 : 1;
}
