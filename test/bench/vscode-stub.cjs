// The least of the VS Code API that the extension's activate() touches, for the activation
// measurement (activation-probe.cjs): registrations return disposables, events never fire, the
// window has no editors, the workspace no folders and settings their defaults. Bench only.
'use strict';

const disposable = () => ({ dispose() {} });
const event = () => () => disposable();

class EventEmitter {
  event = event();
  fire() {}
  dispose() {}
}
class Disposable {
  static from() {
    return disposable();
  }
  constructor(dispose) {
    this.dispose = dispose;
  }
}
class ThemeIcon {
  constructor(id, color) {
    Object.assign(this, { id, color });
  }
}
class ThemeColor {
  constructor(id) {
    this.id = id;
  }
}
class TreeItem {
  constructor(label, collapsibleState) {
    Object.assign(this, { label, collapsibleState });
  }
}
class Uri {
  static parse(value) {
    const url = new URL(value);
    return Object.assign(new Uri(), { scheme: url.protocol.slice(0, -1), path: url.pathname, toString: () => value });
  }
  static file(path) {
    return Object.assign(new Uri(), { scheme: 'file', path, fsPath: path, toString: () => `file://${path}` });
  }
  static joinPath(base, ...parts) {
    return Uri.file([base.path, ...parts].join('/'));
  }
}

const item = () => ({ show() {}, hide() {}, dispose() {} });
const configuration = () => ({ get: (_key, fallback) => fallback, has: () => false, inspect: () => undefined, update: async () => {} });

module.exports = {
  version: '1.91.0',
  EventEmitter,
  Disposable,
  ThemeIcon,
  ThemeColor,
  TreeItem,
  Uri,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  ViewColumn: { Active: -1, Beside: -2 },
  commands: { registerCommand: disposable, executeCommand: async () => undefined },
  window: {
    activeTextEditor: undefined,
    visibleTextEditors: [],
    state: { focused: true },
    onDidChangeActiveTextEditor: event(),
    onDidChangeVisibleTextEditors: event(),
    onDidChangeWindowState: event(),
    createOutputChannel: () => ({ ...item(), append() {}, appendLine() {}, info() {}, warn() {}, error() {}, debug() {}, trace() {} }),
    createStatusBarItem: item,
    createTreeView: () => ({ ...item(), onDidChangeVisibility: event(), onDidExpandElement: event(), onDidCollapseElement: event(), onDidChangeSelection: event(), reveal: async () => {} }),
    registerTreeDataProvider: disposable,
    registerWebviewPanelSerializer: disposable,
    setStatusBarMessage: disposable,
  },
  workspace: {
    isTrusted: true,
    workspaceFolders: undefined,
    textDocuments: [],
    getConfiguration: configuration,
    onDidChangeConfiguration: event(),
    onDidOpenTextDocument: event(),
    onDidChangeTextDocument: event(),
    onDidCloseTextDocument: event(),
    onDidSaveTextDocument: event(),
    onDidGrantWorkspaceTrust: event(),
    onDidChangeWorkspaceFolders: event(),
    registerTextDocumentContentProvider: disposable,
    createFileSystemWatcher: () => ({ dispose() {}, onDidCreate: event(), onDidChange: event(), onDidDelete: event() }),
    findFiles: async () => [],
  },
  languages: { registerCodeLensProvider: disposable, createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, dispose() {} }) },
  extensions: { getExtension: () => undefined, onDidChange: event() },
};
