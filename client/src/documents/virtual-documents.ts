/**
 * Read-only documents that exist only in memory (Helm "Preview Template" style):
 * - `sinas-report:/<instance>/<package> as installed.yaml` — the package as a preview or install
 *   sent it: the file with the values substituted (the report links to it);
 * - `sinas-installed:/<instance>/<package>.yaml?<connection id>` — the exact installed YAML
 *   (GET …/export), for "Open Installed Version" and the diff with the local file.
 * A TextDocumentContentProvider's documents cannot be edited or saved, which is the point.
 */
import * as vscode from 'vscode';
import type { SinasClient } from '../../../api/src';
import type { Connection } from '../connections/types';

export const REPORT_SCHEME = 'sinas-report';
export const INSTALLED_SCHEME = 'sinas-installed';

export class VirtualDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registrations: vscode.Disposable[];

  /** `fetchInstalled` serves installed documents that are not cached (e.g. restored after a reload). */
  constructor(private readonly fetchInstalled: (connectionId: string, packageName: string) => Promise<string>) {
    this.registrations = [
      vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this),
      vscode.workspace.registerTextDocumentContentProvider(INSTALLED_SCHEME, this),
    ];
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const cached = this.contents.get(uri.toString());
    if (cached !== undefined) return cached;
    if (uri.scheme === INSTALLED_SCHEME) {
      const name = decodeURIComponent(uri.path.split('/').pop()!.replace(/\.yaml$/, ''));
      const text = await this.fetchInstalled(uri.query, name);
      this.contents.set(uri.toString(), text);
      return text;
    }
    return '# This view is gone: it lives in memory only. Run the preview again.\n';
  }

  /** Stores the package as it will be installed (replacing the last one for this package and instance). */
  async putAsInstalled(instanceName: string, packageName: string, text: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${safe(instanceName)}/${safe(packageName)} as installed.yaml` });
    await this.set(uri, text);
    return uri;
  }

  private installedUri(connection: Connection, packageName: string): vscode.Uri {
    return vscode.Uri.from({ scheme: INSTALLED_SCHEME, path: `/${safe(connection.name)}/${encodeURIComponent(packageName)}.yaml`, query: connection.id });
  }

  /** Fetches the installed YAML now (so errors surface in the command), caches and returns its URI. */
  async loadInstalled(connection: Connection, client: SinasClient, packageName: string, signal?: AbortSignal): Promise<vscode.Uri> {
    const uri = this.installedUri(connection, packageName);
    await this.set(uri, await client.exportPackage(packageName, { signal }));
    return uri;
  }

  /** Stores an export already fetched (the tree read it) and returns its URI. */
  async putInstalled(connection: Connection, packageName: string, text: string): Promise<vscode.Uri> {
    const uri = this.installedUri(connection, packageName);
    await this.set(uri, text);
    return uri;
  }

  /** Drops cached exports (after an install or uninstall they are stale). */
  forgetInstalled(connectionId: string, packageName?: string): void {
    for (const key of [...this.contents.keys()]) {
      const uri = vscode.Uri.parse(key);
      if (uri.scheme !== INSTALLED_SCHEME || uri.query !== connectionId) continue;
      if (packageName && !uri.path.endsWith(`/${encodeURIComponent(packageName)}.yaml`)) continue;
      this.contents.delete(key);
      this.changed.fire(uri);
    }
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    this.changed.dispose();
    this.contents.clear();
  }

  /**
   * Stores new content; when the document is open, resolves once VS Code has pulled it (it does
   * so asynchronously after onDidChange), so callers never read or show the previous text.
   */
  private async set(uri: vscode.Uri, text: string): Promise<void> {
    const key = uri.toString();
    this.contents.set(key, text);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!open || open.getText() === text) {
      this.changed.fire(uri);
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      };
      const subscription = vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === key && e.document.getText() === text && done());
      const timer = setTimeout(done, 5_000);
      this.changed.fire(uri);
    });
  }
}

/** Instance and package names as one path segment. */
const safe = (s: string) => s.replace(/[/\\?#%]/g, '_');
