// What `npm start` runs, and what the harness's user scenarios run on, so both are the same thing:
// code-server WITHOUT the smoke-test driver (notifications pop up as toasts, dialogs are real),
// the extension installed from this repo as a linked folder, the seeded Sinas sandbox, and a
// temporary copy of the workspace (editing or saving files there never touches the repository).
// Logs go to `logsDir`, which outlives the session.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startCodeServer } from './code-server.mjs';
import { log } from './log.mjs';
import { repoRoot } from './paths.mjs';
import { startSandbox } from './sandbox.mjs';

export const seedDir = join(repoRoot, 'test', 'sandbox', 'seed');

/**
 * @param {object} options
 * @param {{node: string, codeServerEntry: string}} options.tools  from provision()
 * @param {string} options.workspaceSource  folder copied into a temporary workspace
 * @param {string} options.logsDir  code-server.log and sandbox.log (recreated)
 * @param {number} [options.port]
 * @param {(exit: {code: number|null, signal: string|null, message: string}) => void} [options.onSandboxExit]
 */
export async function startUserWorkbench({ tools, workspaceSource, logsDir, port, onSandboxExit }) {
  const session = { sandbox: undefined, server: undefined, workDir: mkdtempSync(join(tmpdir(), 'sinas-start-')) };
  rmSync(logsDir, { recursive: true, force: true });
  mkdirSync(logsDir, { recursive: true });
  const stop = async () => {
    await session.server?.stop();
    await session.sandbox?.stop();
    rmSync(session.workDir, { recursive: true, force: true });
  };
  try {
    const workspace = join(session.workDir, 'workspace', basename(workspaceSource));
    cpSync(workspaceSource, workspace, { recursive: true });

    // Seeded with providers, connections and a few resources, so pickers and Create Package have data.
    session.sandbox = await startSandbox({ logFile: join(logsDir, 'sandbox.log'), extraArgs: ['--seed', seedDir] });
    session.sandbox?.onUnexpectedExit((code, signal) => {
      const message = `the Sinas sandbox (${session.sandbox.url}) exited on its own (code ${code}, signal ${signal}); preview, install and the Installed Packages view fail until you restart \`npm start\`. Its log: ${session.sandbox.logFile}`;
      log(message);
      onSandboxExit?.({ code, signal, message });
    });
    session.server = await startCodeServer({
      tools,
      workDir: session.workDir,
      workspace,
      port,
      env: { ...session.sandbox?.env },
      logFile: join(logsDir, 'code-server.log'),
      driver: false,
      linkExtension: repoRoot,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: session.server.workbenchUrl(),
    workspace: session.server.workspace,
    sandbox: session.sandbox,
    server: session.server,
    logFiles: [join(logsDir, 'code-server.log'), ...(session.sandbox ? [session.sandbox.logFile] : [])],
    stop,
  };
}
