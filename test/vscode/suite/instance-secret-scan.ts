// Looks for secrets where they must never land: every file under the VS Code user-data dir
// (settings, global state, logs including the "Sinas" output channel) and the workspace, and the
// effective settings. Leaks are reported by file and secret index, never by value.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../../client/src/test-api';

export interface ScanResult {
  files: number;
  /** Request lines found in the Sinas log file (proves the log was flushed before the scan). */
  logLines: number;
  leaks: string[];
}

const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The VS Code user-data dir (globalStorageUri = <user-data>/User/globalStorage/<extension id>). */
function userDataDir(api: TestApi): string {
  const userData = path.resolve(api.deps.context.globalStorageUri.fsPath, '..', '..', '..');
  if (!fs.existsSync(path.join(userData, 'User'))) throw new Error(`${userData} does not look like a VS Code user-data dir`);
  return userData;
}

export async function secretScan(api: TestApi, secrets: readonly string[]): Promise<ScanResult> {
  const userData = userDataDir(api);
  const workspace = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const needles = secrets.filter(Boolean).flatMap((s, i) => [
    { label: `secret #${i}`, bytes: Buffer.from(s, 'utf8') },
    { label: `secret #${i} (utf-16)`, bytes: Buffer.from(s, 'utf16le') },
  ]);

  const logLines = (await sinasLog(api, /\] (GET|POST|DELETE) \/api\/v1\/packages/)).split('\n').filter((l) => /\] (GET|POST|DELETE) \/api\/v1\/packages/.test(l)).length;
  const leaks: string[] = [];
  let files = 0;
  for (const root of [userData, workspace]) {
    for (const file of walk(root)) {
      files++;
      const stat = fs.statSync(file);
      if (stat.size > MAX_FILE_BYTES) continue;
      const content = fs.readFileSync(file);
      for (const n of needles) if (content.includes(n.bytes)) leaks.push(`${path.relative(root, file)} holds ${n.label}`);
    }
  }
  const settings = JSON.stringify(vscode.workspace.getConfiguration());
  for (const [i, s] of secrets.entries()) if (s && settings.includes(s)) leaks.push(`the effective settings hold secret #${i}`);
  return { files, logLines, leaks };
}

function* walk(dir: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * The text of the "Sinas" output channel as written to disk, once a line matches `until` (it is
 * written asynchronously; waits with a deadline and returns what is there then).
 */
export async function sinasLog(api: TestApi, until: RegExp): Promise<string> {
  const logsDir = path.join(userDataDir(api), 'logs');
  const deadline = Date.now() + 15_000;
  for (;;) {
    let text = '';
    for (const file of walk(logsDir)) if (/Sinas\.log$/.test(file)) text += fs.readFileSync(file, 'utf8');
    if (until.test(text) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
