// What `npm start` promises besides the workbench itself, checked on the session the harness
// started exactly as `npm start` does (user-workbench.mjs), after the user scenarios used it:
// the repository is left as it was, a sandbox that dies is reported, and the logs stay where
// they were announced. Each check gives a result like a UI scenario's.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { log } from './log.mjs';
import { repoRoot } from './paths.mjs';

/** `git status` of the repository (untracked files included, ignored ones not). */
export function repoStatus() {
  const result = spawnSync('git', ['status', '--porcelain=v1', '--untracked-files=all'], { cwd: repoRoot, encoding: 'utf8' });
  return result.status === 0 ? result.stdout : `git status failed: ${result.stderr}`;
}

async function check(name, body) {
  const start = Date.now();
  try {
    await body();
    log(`start check "${name}" passed`);
    return { name, ok: true, durationMs: Date.now() - start };
  } catch (error) {
    log(`start check "${name}" FAILED: ${error.message}`);
    return { name, ok: false, error: error.message, durationMs: Date.now() - start };
  }
}

/**
 * @param {object} session  from startUserWorkbench
 * @param {string} statusBefore  repoStatus() before the session started
 * @param {Promise<{message: string}>} sandboxExit  settles when the session reported a dead sandbox
 */
export async function runStartChecks({ session, statusBefore, sandboxExit }) {
  const results = [];
  results.push(
    await check('npm start leaves the repository as it was', async () => {
      if (!relative(repoRoot, session.workspace).startsWith('..')) throw new Error(`the workspace ${session.workspace} is inside the repository`);
      const after = repoStatus();
      if (after !== statusBefore) throw new Error(`git status changed:\n${after}`);
    }),
  );
  results.push(
    await check('npm start reports a sandbox that dies', async () => {
      if (!session.sandbox) throw new Error('no sandbox was started (dist/sandbox.js missing)');
      process.kill(-session.sandbox.pid, 'SIGKILL');
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no report within 10 s of killing the sandbox')), 10_000).unref());
      const { message } = await Promise.race([sandboxExit, timeout]);
      if (!message.includes(session.sandbox.logFile)) throw new Error(`the report does not say where the sandbox's log is: ${message}`);
    }),
  );
  await session.stop();
  results.push(
    await check('npm start keeps its logs where it says, after it stops', async () => {
      for (const file of session.logFiles) {
        if (!existsSync(file)) throw new Error(`${file} is gone`);
      }
      if (statSync(session.logFiles[0]).size === 0) throw new Error(`${session.logFiles[0]} is empty`);
      if (existsSync(session.workspace)) throw new Error(`the temporary workspace ${session.workspace} was not removed`);
    }),
  );
  return results;
}
