// Optional local Sinas sandbox (dist/sandbox.js, built by another part of the project).
// When it exists we start it before code-server so the extension under test can reach it
// through SINAS_URL / SINAS_API_KEY; when it does not, nothing happens.
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { sandboxEntry } from './paths.mjs';
import { log } from './log.mjs';
import { addSecret, redactingLines } from './redact.mjs';
import { spawnGroup, stopGroup } from './processes.mjs';
import { exitAsError, freePort, tcpOpen, waitUntil } from './wait.mjs';

/**
 * @returns {Promise<undefined | {url: string, apiKey: string, env: Record<string,string>, logFile?: string,
 *   onUnexpectedExit(listener: (code: number|null, signal: string|null) => void): void, stop(): Promise<void>}>}
 */
export async function startSandbox({ logFile, extraArgs = [] } = {}) {
  if (!existsSync(sandboxEntry)) return undefined;
  const port = await freePort();
  const apiKey = `sandbox-${randomBytes(18).toString('hex')}`;
  const url = `http://127.0.0.1:${port}`;
  // The project's Node 20 runs it, like the CLI; it is our code, not code-server's.
  const child = spawnGroup(process.execPath, [sandboxEntry, '--port', String(port), '--api-key', apiKey, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Its start banner prints the admin key; keep it out of files under test-results.
  addSecret(apiKey);
  const out = logFile ? redactingLines(createWriteStream(logFile)) : undefined;
  for (const stream of [child.stdout, child.stderr]) {
    if (out) stream.on('data', (chunk) => out.write(chunk));
    else stream.resume();
  }

  try {
    await Promise.race([
      waitUntil(() => tcpOpen(port), { timeoutMs: 30_000, intervalMs: 100, what: `the Sinas sandbox on ${url}` }),
      exitAsError(child, 'dist/sandbox.js'),
    ]);
  } catch (error) {
    await stopGroup(child.pid);
    throw error;
  }
  log(`Sinas sandbox ${url} is up (pid ${child.pid})`);
  let stopping = false;
  return {
    url,
    apiKey,
    pid: child.pid,
    env: { SINAS_URL: url, SINAS_SANDBOX_URL: url, SINAS_API_KEY: apiKey },
    logFile,
    /** Calls `listener(code, signal)` if the sandbox exits before stop() (it crashed or was killed). */
    onUnexpectedExit(listener) {
      child.once('exit', (code, signal) => {
        if (!stopping) listener(code, signal);
      });
    },
    stop: () => {
      stopping = true;
      return stopGroup(child.pid);
    },
  };
}
