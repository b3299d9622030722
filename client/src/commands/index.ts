/** Registers every command; each lives in its own file and takes `(target?, options?)`. */
import * as vscode from 'vscode';
import { addConnection } from './add-connection';
import { comparePackage } from './compare-package';
import { createPackage } from './create-package';
import type { Deps } from './deps';
import { editConnection } from './edit-connection';
import { exportPackage } from './export-package';
import { COMMANDS, INTERNAL_COMMANDS } from './ids';
import { revealInFile, showAsInstalled } from '../preview/report-panel';
import { installPackage } from './install-package';
import { newPackage } from './new-package';
import { openInstalledResource } from './open-installed-resource';
import { previewPackage } from './preview-package';
import { refreshInstanceResources } from './refresh-instance-resources';
import { refreshPackages } from './refresh-packages';
import { removeConnection } from './remove-connection';
import { setApiKey } from './set-api-key';
import { showLog } from './show-log';
import { switchConnection } from './switch-connection';
import { uninstallPackage } from './uninstall-package';

type Handler = (deps: Deps, ...args: never[]) => unknown;

const HANDLERS: Record<(typeof COMMANDS)[keyof typeof COMMANDS], Handler> = {
  [COMMANDS.addConnection]: addConnection,
  [COMMANDS.editConnection]: editConnection,
  [COMMANDS.removeConnection]: removeConnection,
  [COMMANDS.switchConnection]: switchConnection,
  [COMMANDS.setApiKey]: setApiKey,
  [COMMANDS.previewPackage]: previewPackage,
  [COMMANDS.installPackage]: installPackage,
  [COMMANDS.uninstallPackage]: uninstallPackage,
  [COMMANDS.createPackage]: createPackage,
  [COMMANDS.newPackage]: newPackage,
  [COMMANDS.exportPackage]: exportPackage,
  [COMMANDS.comparePackage]: comparePackage,
  [COMMANDS.refreshPackages]: refreshPackages,
  [COMMANDS.refreshInstanceResources]: refreshInstanceResources,
  [COMMANDS.showLog]: showLog,
};

const INTERNAL: Record<(typeof INTERNAL_COMMANDS)[keyof typeof INTERNAL_COMMANDS], Handler> = {
  [INTERNAL_COMMANDS.revealInFile]: (_deps, link: never) => revealInFile(link),
  [INTERNAL_COMMANDS.showAsInstalled]: (_deps, link: never) => showAsInstalled(link),
  [INTERNAL_COMMANDS.openInstalledResource]: openInstalledResource,
};

export function registerCommands(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries({ ...HANDLERS, ...INTERNAL }).map(([id, handler]) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await (handler as (deps: Deps, ...rest: unknown[]) => unknown)(deps, ...args);
        } catch (error) {
          // A bug, not an API failure (those are handled inside): say so once, with the log.
          deps.log.error(`${id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          void deps.host.showErrorMessage(`Sinas: ${id} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, 'Show Log').then((c) => c && deps.log.show(true));
          return undefined;
        }
      }),
    ),
  );
}
