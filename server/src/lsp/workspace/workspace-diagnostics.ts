/**
 * Diagnostics for every SinasPackage in the workspace, open or not (pushed, so every LSP client
 * shows them without pull-diagnostics support). Files are found once at start (find-yaml-files.ts),
 * then kept current from file-watcher events and document closes; each is read from disk,
 * analysed and published, one at a time with a yield in between, so the open editor's diagnostics
 * (published by DiagnosticsPublisher, which owns open documents) never wait behind the workspace.
 * Closed files keep no analysis in memory: only which ones have published diagnostics.
 */
import { readFile, stat } from 'node:fs/promises';
import { FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { analyze } from '../../core/analyze';
import type { InstanceIndex } from '../../core/instance/instance-index';
import { toDiagnostics } from '../convert';
import { linesOfText, type PositionEncoder } from '../position-encoding';
import type { ServerSettings } from '../settings';
import { excludeMatcher, findYamlFiles, YAML_FILE, type Folder } from './find-yaml-files';

export class WorkspaceDiagnostics {
  private folderUris: string[] = [];
  private folders: Folder[] = [];
  /** Files (paths) waiting to be checked, in arrival order. */
  private readonly pending = new Set<string>();
  /** Closed files we published diagnostics for (URI strings, as VS Code spells them). */
  private readonly published = new Set<string>();
  private draining = false;
  private scanned = false;

  constructor(
    private readonly connection: Connection,
    private readonly isOpen: (uri: string) => boolean,
    private readonly settings: () => ServerSettings,
    /** The instance snapshot open documents are checked against; closed files get the same verdicts. */
    private readonly instance: () => InstanceIndex | undefined = () => undefined,
    private readonly positions?: PositionEncoder,
  ) {}

  /** From `initialize`: the folders to search (file: URIs only). */
  setFolders(uris: readonly string[]): void {
    this.folderUris = uris.filter((u) => u.startsWith('file:'));
  }

  changeFolders(added: readonly string[], removed: readonly string[]): void {
    this.folderUris = [...this.folderUris.filter((u) => !removed.includes(u)), ...added.filter((u) => u.startsWith('file:'))];
  }

  /**
   * Finds the workspace's YAML files and checks them all; again after settings change.
   * `filesExclude(folderUri)` is the editor's files.exclude for that folder.
   */
  async scan(filesExclude: (folderUri: string) => Promise<unknown>): Promise<void> {
    const settings = this.settings();
    if (!settings.workspaceDiagnostics || !this.folderUris.length) return this.clearAll();
    this.folders = await Promise.all(this.folderUris.map(async (uri) => ({ path: URI.parse(uri).fsPath, isExcluded: excludeMatcher(await filesExclude(uri)) })));
    const { files, truncated } = await findYamlFiles(this.folders, settings.maxWorkspaceFiles);
    if (truncated) {
      this.connection.console.warn(`Workspace diagnostics: more than ${settings.maxWorkspaceFiles} YAML files; only the first ${settings.maxWorkspaceFiles} are checked (sinas.workspaceDiagnostics.maxFiles).`);
    }
    const found = new Set(files.map((f) => uriOf(f)));
    for (const uri of this.published) if (!found.has(uri) && !this.isOpen(uri)) this.unpublish(uri);
    this.scanned = true;
    this.enqueue(files);
  }

  /** `workspace/didChangeWatchedFiles`: created and changed files are checked again, deleted ones cleared. */
  onWatchedFiles(changes: readonly FileEvent[]): void {
    if (!this.scanned) return;
    const paths: string[] = [];
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      const path = URI.parse(change.uri).fsPath;
      if (change.type === FileChangeType.Deleted) {
        this.pending.delete(path);
        this.unpublish(uriOf(path));
      } else if (YAML_FILE.test(path) && this.inWorkspace(path)) {
        paths.push(path);
      }
    }
    this.enqueue(paths);
  }

  /** Whether a closed document's diagnostics are ours to keep current (a workspace YAML file on disk). */
  owns(uri: string): boolean {
    if (!this.scanned || !uri.startsWith('file:')) return false;
    const path = URI.parse(uri).fsPath;
    return YAML_FILE.test(path) && this.inWorkspace(path);
  }

  /** A document was closed: what is on disk counts again; `showing` = the editor still shows its diagnostics. */
  takeOver(uri: string, showing: boolean): void {
    const path = URI.parse(uri).fsPath;
    if (showing) this.published.add(uriOf(path));
    this.enqueue([path]);
  }

  private inWorkspace(path: string): boolean {
    return this.folders.some(({ path: folder, isExcluded }) => {
      if (!path.startsWith(folder + '/') && !path.startsWith(folder + '\\')) return false;
      const rel = path.slice(folder.length + 1).replace(/\\/g, '/');
      return !rel.split('/').some((part) => part === 'node_modules' || part === '.git') && !isExcluded(rel);
    });
  }

  private enqueue(paths: readonly string[]): void {
    for (const path of paths) this.pending.add(path);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (const path of this.pending) {
        this.pending.delete(path);
        await this.check(path);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.draining = false;
    }
  }

  private async check(path: string): Promise<void> {
    const uri = uriOf(path);
    if (this.isOpen(uri)) return; // DiagnosticsPublisher has it
    const settings = this.settings();
    let text: string;
    try {
      if ((await stat(path)).size > settings.maxLength) return this.unpublish(uri);
      text = await readFile(path, 'utf8');
    } catch {
      return this.unpublish(uri);
    }
    if (this.isOpen(uri)) return; // opened while we read
    const analysis = analyze(text, { maxLength: settings.maxLength, maxFindings: settings.maxFindings, instance: this.instance() });
    const found = analysis.isSinasPackage ? toDiagnostics(analysis.findings, analysis.lines, uri, settings.severity) : [];
    if (!found.length) return this.unpublish(uri);
    // Columns counted against the text read from disk, the one analysed.
    const diagnostics = this.positions ? this.positions.outgoing(found, uri, linesOfText(text, analysis.lines)) : found;
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private unpublish(uri: string): void {
    if (this.published.delete(uri) && !this.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private clearAll(): void {
    this.pending.clear();
    for (const uri of [...this.published]) this.unpublish(uri);
    this.scanned = false;
  }

  /** An open document took over this URI: forget that we published for it. */
  forget(uri: string): void {
    this.published.delete(uri);
  }
}

/** The URI VS Code uses for a path (vscode-uri encodes exactly as the editor does). */
export function uriOf(path: string): string {
  return URI.file(path).toString();
}
