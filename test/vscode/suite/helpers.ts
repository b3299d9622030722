// Shared helpers for the in-VS-Code suite. Everything waits on events or polls with a
// deadline; nothing sleeps a fixed time (that is how e2e suites get flaky).
import * as vscode from 'vscode';

export const extensionId = 'sinas-platform.sinas-package-tools';

/** Which harness runs us: 'code-server' (remote extension host) or 'electron' (desktop). */
export const tier = process.env.SINAS_VSCODE_TIER ?? 'unknown';

/** URI of a file in the workspace folder (test/fixtures/vscode). */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: the harness must open test/fixtures/vscode');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

export function sinasDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sinas');
}

/** A diagnostic's code, whether it came as a plain value or as { value, target }. */
export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const { code } = diagnostic;
  return typeof code === 'object' ? code.value : code;
}

/**
 * Resolves with the URI's diagnostics once `predicate` holds, checking now and on every
 * onDidChangeDiagnostics for that URI; rejects after timeoutMs with what it last saw.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (predicate(current)) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = formatDiagnostics(vscode.languages.getDiagnostics(uri));
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.path}; current: ${seen}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === key)) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

/** Polls `condition` until it is truthy (for state VS Code raises no event for). */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Range of the first `needle` in the document (e.g. the NAME inside `${{ vars.NAME }}`). */
export function rangeOf(document: vscode.TextDocument, needle: string, after = ''): vscode.Range {
  const text = document.getText();
  const anchor = text.indexOf(after + needle);
  if (anchor < 0) throw new Error(`"${after}${needle}" not found in ${document.uri.path}`);
  const start = anchor + after.length;
  return new vscode.Range(document.positionAt(start), document.positionAt(start + needle.length));
}

export function formatDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'none';
  return diagnostics
    .map((d) => {
      const { start, end } = d.range;
      const severity = vscode.DiagnosticSeverity[d.severity];
      return `${d.source}/${codeOf(d)} ${severity} ${start.line}:${start.character}-${end.line}:${end.character} "${d.message}"`;
    })
    .join('; ');
}
