/**
 * Sinas: New Package — asks for the package name (checked as the rules check `package.name`),
 * then where to save `<name>.sinas.yaml`, writes a commented skeleton there and opens it with
 * the description selected. Talks to no instance, so it also works in Restricted Mode.
 */
import * as vscode from 'vscode';
import { CODES } from '../../../server/src/core/diagnostics/codes';
import { conventionalPackageName, packageNameProblems } from '../../../server/src/core/model/package-name';
import { packageSkeleton } from '../packages/skeleton';
import type { Deps } from './deps';

/** Command arguments that replace the prompts (tests, automation). */
export interface NewPackageOptions {
  name?: string;
  uri?: vscode.Uri;
}

export interface NewPackageOutcome {
  outcome: 'created' | 'cancelled';
  uri?: vscode.Uri;
  editor?: vscode.TextEditor;
}

export async function newPackage(deps: Deps, _target?: unknown, options: NewPackageOptions = {}): Promise<NewPackageOutcome> {
  const typed =
    options.name ??
    (await deps.host.showInputBox({
      title: 'New package (1/2): name',
      prompt: 'Every resource the package installs is tagged with its name; uninstall removes by it.',
      placeHolder: 'support-desk',
      ignoreFocusOut: true,
      validateInput: validatePackageName,
    }));
  if (typed === undefined) return { outcome: 'cancelled' };
  const name = typed.trim();

  const uri =
    options.uri ??
    (await deps.host.showSaveDialog({
      title: 'New package (2/2): save as',
      defaultUri: vscode.Uri.joinPath(defaultFolder(), `${conventionalPackageName(name) || 'package'}.sinas.yaml`),
      filters: { 'Sinas packages': ['yaml', 'yml'] },
      saveLabel: 'Create Package',
    }));
  if (!uri) return { outcome: 'cancelled' };

  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(packageSkeleton(name)));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await deps.host.showTextDocument(document, { preview: false });
  // The first thing to change: what the package is for.
  const description = document.getText().match(/^ {2}description: (.*)$/m);
  if (description?.index !== undefined) {
    const start = document.positionAt(description.index + '  description: '.length);
    editor.selection = new vscode.Selection(start, start.translate(0, description[1].length));
  }
  deps.log.info(`New package ${name} written to ${uri.toString(true)}.`);
  return { outcome: 'created', uri, editor };
}

/**
 * What the rules would say about the name: what they flag as an error or a warning (a `/` installs
 * but can never be uninstalled; too long fails the install) is refused, the convention (info) is
 * only said.
 */
export function validatePackageName(value: string): vscode.InputBoxValidationMessage | undefined {
  const name = value.trim();
  if (!name) return { message: 'A package name is required.', severity: vscode.InputBoxValidationSeverity.Error };
  const problems = packageNameProblems(name);
  const blocking = (p: (typeof problems)[number]) => CODES[p.code].severity === 'error' || CODES[p.code].severity === 'warning';
  const problem = problems.find(blocking) ?? problems[0];
  if (!problem) return undefined;
  // An input box shows plain text: the diagnostics' `code` quotes become plain quotes.
  const message = problem.message.replace(/`([^`]*)`/g, '"$1"');
  if (blocking(problem)) return { message, severity: vscode.InputBoxValidationSeverity.Error };
  return { message: `${message} Enter keeps yours.`, severity: vscode.InputBoxValidationSeverity.Info };
}

/** The folder of the active file, else the first workspace folder, else the home folder. */
function defaultFolder(): vscode.Uri {
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  const active = vscode.window.activeTextEditor?.document.uri;
  // Not an installed copy, an output channel or an untitled editor: a file next to real files.
  if (active && (active.scheme === 'file' || active.scheme === workspace?.scheme)) return vscode.Uri.joinPath(active, '..');
  return workspace ?? vscode.Uri.file(process.env.HOME ?? '/');
}
