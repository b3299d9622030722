// Runs the mocha suite inside code-server's extension host: the workbench loads our extension
// and test entry from the URL payload and, when run() settles, calls
// window.codeAutomationExit(code, logs) (0 = passed, 1 = run() rejected).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from './redact.mjs';
import { saveWorkbenchLogs } from './saved-logs.mjs';

/**
 * @returns {Promise<{code: number, logFiles: string[]}>}
 */
export async function runSuiteInWorkbench({ browser, url, logsDir }) {
  const page = await browser.newPage();
  let settle;
  const exited = new Promise((resolve) => (settle = resolve));
  await page.exposeFunction('codeAutomationExit', (code, logs) => settle({ code, logs }));
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));

  // The exit callback decides; a cold server on a busy machine can take long to 'load'.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  const { code, logs } = await exited;
  await page.context().close().catch(() => {});

  mkdirSync(logsDir, { recursive: true });
  const logFiles = saveWorkbenchLogs(logs, logsDir);
  const consoleFile = join(logsDir, 'workbench-console.log');
  writeFileSync(consoleFile, redact(consoleLines.join('\n')));
  return { code, logFiles: [...logFiles, consoleFile] };
}
