/**
 * Restricted Mode: the language features run, but nothing talks to a Sinas instance until the
 * workspace is trusted (package.json hides the commands with `isWorkspaceTrusted`; this covers
 * invocations that bypass menus, e.g. keybindings or other extensions).
 */
import * as vscode from 'vscode';
import type { Host } from './host';

export const RESTRICTED_MESSAGE = 'Sinas: commands that talk to a Sinas instance are disabled in Restricted Mode. Editing support still works; trust this workspace to preview, install or manage packages.';

/** True when the workspace is trusted; otherwise explains and returns false. */
export function requireTrust(host: Host): boolean {
  if (host.isTrusted) return true;
  void host.showWarningMessage(RESTRICTED_MESSAGE, {}, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}
