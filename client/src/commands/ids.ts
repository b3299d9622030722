/** Command and view ids, shared by package.json contributions, the tree, lenses and tests. */
export const COMMANDS = {
  addConnection: 'sinas.connection.add',
  editConnection: 'sinas.connection.edit',
  removeConnection: 'sinas.connection.remove',
  switchConnection: 'sinas.connection.switch',
  setApiKey: 'sinas.connection.setApiKey',
  previewPackage: 'sinas.package.preview',
  installPackage: 'sinas.package.install',
  uninstallPackage: 'sinas.package.uninstall',
  createPackage: 'sinas.package.createFromInstance',
  newPackage: 'sinas.package.new',
  exportPackage: 'sinas.package.export',
  comparePackage: 'sinas.package.compare',
  refreshPackages: 'sinas.packages.refresh',
  refreshInstanceResources: 'sinas.instance.refreshResources',
  showLog: 'sinas.log.show',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Registered but not contributed (no palette entry): the targets of report links and tree rows. */
export const INTERNAL_COMMANDS = {
  revealInFile: 'sinas.report.revealInFile',
  showAsInstalled: 'sinas.report.showAsInstalled',
  openInstalledResource: 'sinas.packages.openInstalledResource',
} as const;

export const VIEW_CONTAINER = 'sinas';
export const PACKAGES_VIEW = 'sinas.packages';

/** Context keys for `when` clauses. */
export const CONTEXT = {
  hasConnections: 'sinas.hasConnections',
  isPackageEditor: 'sinas.isPackageEditor',
} as const;
