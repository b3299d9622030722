// `npm start`: build, then a real VS Code (code-server) with the extension loaded from this
// repo and examples/ open, plus the local Sinas sandbox when dist/sandbox.js exists.
// Open the printed URL in a browser. Ctrl-C stops everything it started.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from './build.mjs';
import { startCodeServer } from './code-server.mjs';
import { log } from './log.mjs';
import { fixturesDir, repoRoot } from './paths.mjs';
import { onTermination, stopAllGroups } from './processes.mjs';
import { provision } from './provision.mjs';
import { startSandbox } from './sandbox.mjs';

const state = { sandbox: undefined, server: undefined, workDir: undefined, stopping: false };

async function stop() {
  state.stopping = true;
  await state.server?.stop();
  await state.sandbox?.stop();
  await stopAllGroups();
  if (state.workDir) rmSync(state.workDir, { recursive: true, force: true });
}

async function main() {
  ensureBuilt({ always: true });
  const tools = await provision();
  onTermination(stop);

  const examples = join(repoRoot, 'examples');
  const workspace = existsSync(examples) ? examples : fixturesDir;
  if (workspace !== examples) log(`no examples/ yet; opening ${workspace} instead`);

  // Seeded with providers, connections and a few resources, so pickers and Create Package have data.
  state.sandbox = await startSandbox({ extraArgs: ['--seed', join(repoRoot, 'test', 'sandbox', 'seed')] });
  state.workDir = mkdtempSync(join(tmpdir(), 'sinas-start-'));
  const port = process.env.SINAS_VSCODE_PORT ? Number(process.env.SINAS_VSCODE_PORT) : undefined;
  state.server = await startCodeServer({
    tools,
    workDir: state.workDir,
    workspace,
    port,
    env: { ...state.sandbox?.env },
    logFile: join(state.workDir, 'code-server.log'),
  });

  const url = state.server.workbenchUrl({ extensionDevelopmentPath: repoRoot });
  process.stdout.write('\n');
  if (state.sandbox) {
    // A local development key, printed on purpose so you can call the sandbox yourself.
    log(`Sinas sandbox:  ${state.sandbox.url}`);
    log(`  admin API key: ${state.sandbox.apiKey}`);
  }
  log(`VS Code (code-server ${state.server.origin}) with the extension from ${repoRoot}:`);
  process.stdout.write(`\n    ${url}\n\n`);
  log(`code-server log: ${join(state.workDir, 'code-server.log')}`);
  log('after editing sources: `npm run build` in another terminal, then "Developer: Reload Window"');
  log('Ctrl-C stops everything');

  state.server.child.once('exit', async (code, signal) => {
    if (state.stopping) return;
    log(`code-server exited (code ${code}, signal ${signal}); stopping`);
    await stop();
    process.exit(1);
  });
}

main().catch(async (error) => {
  process.stderr.write(`[vscode-test] ${error.message.split('\n')[0]}\n`);
  await stop();
  process.exit(1);
});
