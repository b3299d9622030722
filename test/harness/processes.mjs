// Child processes in their own process groups. code-server forks a file watcher, an agent
// host, the extension host and language servers that outlive its main pid, so we always end
// the whole group (kill(-pid)), never just the pid.
import { spawn } from 'node:child_process';
import { log, muteLogs } from './log.mjs';
import { waitUntil } from './wait.mjs';

const groups = new Set();

/** Spawns `command` as the leader of a new process group and remembers it for cleanup. */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  groups.add(child.pid);
  return child;
}

/** Whether a process (pid) or a whole process group (-pid) still exists. */
export function isRunning(id) {
  try {
    process.kill(id, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM the group, wait (bounded) for it to go, then SIGKILL whatever is left. */
export async function stopGroup(pid, graceMs = 5000) {
  if (!pid || !groups.has(pid)) return;
  signalGroup(pid, 'SIGTERM');
  try {
    await waitUntil(() => !isRunning(-pid), { timeoutMs: graceMs, intervalMs: 100, what: `process group ${pid} to exit` });
  } catch {
    signalGroup(pid, 'SIGKILL');
  }
  groups.delete(pid);
}

export async function stopAllGroups() {
  await Promise.all([...groups].map((pid) => stopGroup(pid)));
}

// Last resort if the process exits without running the async cleanup (uncaught error, exit()).
process.on('exit', () => {
  for (const pid of groups) signalGroup(pid, 'SIGKILL');
});

/**
 * Runs `cleanup` once on SIGINT/SIGTERM/SIGHUP, then exits with the conventional code.
 * Returns a function that removes the handlers.
 */
export function onTermination(cleanup) {
  let running = false;
  const handler = async (signal) => {
    if (running) return;
    running = true;
    log(`${signal}: stopping everything this run started`);
    muteLogs();
    try {
      await cleanup();
    } finally {
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, handler);
  return () => signals.forEach((signal) => process.off(signal, handler));
}
