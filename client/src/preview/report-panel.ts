/**
 * The rendered report beside the file: one webview panel per package and instance, replaced by
 * the next preview or install of it. The page runs no script; its links are `command:` URIs for
 * two internal commands only (enableCommandUris): open the file at a resource's node, and open
 * the package as it will be installed (a read-only document, or its diff with the file).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { INTERNAL_COMMANDS } from '../commands/ids';
import type { VirtualDocuments } from '../documents/virtual-documents';
import type { Span } from '../packages/read-package';
import type { ReportModel } from './report';
import { renderReportHtml } from './report-html';

/** What a link to the file carries: offsets in the version the report was made from, and the text there. */
export interface NodeLink {
  uri: string;
  version: number;
  start: number;
  end: number;
  text: string;
}

export interface AsInstalledLink {
  /** The read-only document of the package as it will be installed. */
  uri: string;
  /** The file it was made from (the left side of Compare). */
  source: string;
  compare: boolean;
}

export interface ReportToShow {
  model: ReportModel;
  instanceName: string;
  packageName: string;
  /** The file as it was sent (the report's spans are offsets in this text). */
  file: { uri: vscode.Uri; version: number; text: string };
  /** That text with the values substituted as the install will. */
  asInstalled?: string;
}

export interface ShownReport {
  panel: vscode.WebviewPanel;
  model: ReportModel;
  html: string;
  asInstalledUri?: vscode.Uri;
}

export class ReportPanels implements vscode.Disposable {
  private readonly shown = new Map<string, ShownReport>();

  constructor(private readonly documents: VirtualDocuments) {}

  /** Shows (or replaces) the report of this package on this instance. */
  async show(report: ReportToShow, options: { beside?: boolean } = {}): Promise<ShownReport> {
    const key = `${report.instanceName}\n${report.packageName}`;
    const asInstalledUri = report.asInstalled === undefined ? undefined : await this.documents.putAsInstalled(report.instanceName, report.packageName, report.asInstalled);
    const { file } = report;
    const link = (span: Span) => commandUri(INTERNAL_COMMANDS.revealInFile, { uri: file.uri.toString(), version: file.version, start: span.start, end: span.end, text: file.text.slice(span.start, span.end) } satisfies NodeLink);
    const asInstalled = asInstalledUri && {
      view: commandUri(INTERNAL_COMMANDS.showAsInstalled, { uri: asInstalledUri.toString(), source: file.uri.toString(), compare: false } satisfies AsInstalledLink),
      compare: commandUri(INTERNAL_COMMANDS.showAsInstalled, { uri: asInstalledUri.toString(), source: file.uri.toString(), compare: true } satisfies AsInstalledLink),
    };
    const html = renderReportHtml(report.model, { nonce: randomBytes(16).toString('base64'), linkTo: link, asInstalled });

    let entry = this.shown.get(key);
    if (!entry) {
      const panel = vscode.window.createWebviewPanel(
        'sinas.report',
        report.model.title,
        { viewColumn: options.beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: !!options.beside },
        { enableScripts: false, enableCommandUris: [INTERNAL_COMMANDS.revealInFile, INTERNAL_COMMANDS.showAsInstalled], localResourceRoots: [], enableFindWidget: true },
      );
      panel.onDidDispose(() => this.shown.delete(key));
      entry = { panel, model: report.model, html, asInstalledUri };
      this.shown.set(key, entry);
    } else {
      entry.panel.reveal(options.beside ? undefined : vscode.ViewColumn.Active, !!options.beside);
    }
    Object.assign(entry, { model: report.model, html, asInstalledUri });
    entry.panel.title = report.model.title;
    entry.panel.webview.html = html;
    return entry;
  }

  /** The report last shown for a package on an instance, if its panel is still open. */
  find(instanceName: string, packageName: string): ShownReport | undefined {
    return this.shown.get(`${instanceName}\n${packageName}`);
  }

  dispose(): void {
    for (const entry of this.shown.values()) entry.panel.dispose();
    this.shown.clear();
  }
}

function commandUri(command: string, arg: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([arg]))}`;
}

/** Opens the file at a report link's node; after an edit, at the same text nearest to where it was. */
export async function revealInFile(link: NodeLink): Promise<vscode.TextEditor | undefined> {
  if (!link || typeof link.uri !== 'string') return undefined;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(link.uri));
  let { start, end } = link;
  const text = document.getText();
  if (document.version !== link.version || text.slice(start, end) !== link.text) {
    const found = nearestOccurrence(text, link.text, start);
    if (found === undefined) [start, end] = [Math.min(start, text.length), Math.min(start, text.length)];
    else [start, end] = [found, found + link.text.length];
  }
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const existing = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: existing?.viewColumn, selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

function nearestOccurrence(text: string, needle: string, near: number): number | undefined {
  if (!needle) return undefined;
  let best: number | undefined;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    if (best === undefined || Math.abs(i - near) < Math.abs(best - near)) best = i;
    if (i > near) break;
  }
  return best;
}

/** Opens the package as it will be installed, read-only, or as a diff against the file. */
export async function showAsInstalled(link: AsInstalledLink): Promise<void> {
  if (!link || typeof link.uri !== 'string') return;
  const uri = vscode.Uri.parse(link.uri);
  if (link.compare) {
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(link.source), uri, `${decodeURIComponent(uri.path.split('/').pop() ?? 'package')} ↔ file`, { preview: true });
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true });
}
