// Copies VS Code's logs into test-results (redacted) so a failed CI run can be diagnosed
// without rerunning: the window/web-worker logs come from codeAutomationExit, the remote
// extension host's (our language client's output channel among them) from the user-data dir.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { redact } from './redact.mjs';

/** `logs` as passed to window.codeAutomationExit: [{ relativePath, contents }]. */
export function saveWorkbenchLogs(logs, logsDir) {
  const files = [];
  for (const entry of Array.isArray(logs) ? logs : []) {
    // relativePath comes from the page: keep it inside logsDir.
    const relative = normalize(String(entry.relativePath ?? 'unnamed.log')).replace(/^(\.\.(\/|$))+/, '');
    const file = join(logsDir, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, redact(entry.contents ?? ''));
    files.push(file);
  }
  return files;
}

export function copyLogTree(sourceDir, targetDir) {
  let entries;
  try {
    entries = readdirSync(sourceDir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const source = join(sourceDir, entry.name);
    const target = join(targetDir, entry.name);
    if (entry.isDirectory()) copyLogTree(source, target);
    else if (entry.isFile() && entry.name.endsWith('.log')) {
      mkdirSync(targetDir, { recursive: true });
      writeFileSync(target, redact(readFileSync(source, 'utf8')));
    }
  }
}
