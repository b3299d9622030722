/** Registers every command; each lives in its own file and takes `(target?, options?)`. */
import * as vscode from 'vscode';
import { addConnection } from './add-connection';
import { comparePackage } from './compare-package';
import { createPackage } from './create-package';
import type { Deps } from './deps';
import { editConnection } from './edit-connection';
import { exportPackage } from './export-package';
import { COMMANDS } from './ids';
import { installPackage } from './install-package';
import { newPackage } from './new-package';
import { previewPackage } from './preview-package';
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
  [COMMANDS.showLog]: showLog,
};

export function registerCommands(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(HANDLERS).map(([id, handler]) =>
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
