/**
 * The window functions the commands use, behind one interface (K8S `Host`), so a command can be
 * driven by a fake. The default host looks each `vscode.window` function up at call time, which
 * also lets in-VS-Code tests stub `vscode.window.showInputBox` and friends.
 */
import * as vscode from 'vscode';

export interface Host {
  showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined>;
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showErrorMessage(message: string, ...items: string[]): Thenable<string | undefined>;
  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions & { canPickMany: true }): Thenable<T[] | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options?: vscode.QuickPickOptions): Thenable<T | undefined>;
  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
  showTextDocument(document: vscode.TextDocument, options?: vscode.TextDocumentShowOptions): Thenable<vscode.TextEditor>;
  showSaveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined>;
  readonly activeTextEditor: vscode.TextEditor | undefined;
  /** Whether the workspace is trusted (API commands are off in Restricted Mode). */
  readonly isTrusted: boolean;
}

export const vscodeHost: Host = {
  showInformationMessage: (message, ...items) => vscode.window.showInformationMessage(message, ...items),
  showWarningMessage: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
  showErrorMessage: (message, ...items) => vscode.window.showErrorMessage(message, ...items),
  showInputBox: (options) => vscode.window.showInputBox(options),
  showQuickPick: ((items: never, options: never) => vscode.window.showQuickPick(items, options)) as Host['showQuickPick'],
  withProgress: (options, task) => vscode.window.withProgress(options, task),
  showTextDocument: (document, options) => vscode.window.showTextDocument(document, options),
  showSaveDialog: (options) => vscode.window.showSaveDialog(options),
  get activeTextEditor() {
    return vscode.window.activeTextEditor;
  },
  get isTrusted() {
    return vscode.workspace.isTrusted;
  },
};
