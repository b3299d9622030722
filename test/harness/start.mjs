// `npm start`: build, then a real VS Code (code-server) as a user gets it — the extension from
// this repo installed (linked), no test driver, so notifications pop up — on a temporary copy of
// examples/, plus the seeded local Sinas sandbox when dist/sandbox.js exists. Open the printed URL
// in a browser. Ctrl-C stops everything it started; the logs stay in test-results/start/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from './build.mjs';
import { log } from './log.mjs';
import { fixturesDir, repoRoot } from './paths.mjs';
import { onTermination, stopAllGroups } from './processes.mjs';
import { provision } from './provision.mjs';
import { startUserWorkbench } from './user-workbench.mjs';

const logsDir = join(repoRoot, 'test-results', 'start');
const state = { session: undefined, stopping: false };

async function stop() {
  state.stopping = true;
  await state.session?.stop();
  await stopAllGroups();
}

async function main() {
  ensureBuilt({ always: true });
  const tools = await provision();
  onTermination(stop);

  const examples = join(repoRoot, 'examples');
  const source = existsSync(examples) ? examples : fixturesDir;
  if (source !== examples) log(`no examples/ yet; opening a copy of ${source} instead`);

  const port = process.env.SINAS_VSCODE_PORT ? Number(process.env.SINAS_VSCODE_PORT) : undefined;
  state.session = await startUserWorkbench({ tools, workspaceSource: source, logsDir, port });
  const { sandbox, server } = state.session;

  process.stdout.write('\n');
  if (sandbox) {
    // A local development key, printed on purpose so you can call the sandbox yourself (see the
    // README's command-line example).
    log(`Sinas sandbox:  ${sandbox.url}`);
    log(`  admin API key: ${sandbox.apiKey}`);
  }
  log(`VS Code (code-server ${server.origin}) with the extension installed from ${repoRoot}:`);
  process.stdout.write(`\n    ${state.session.url}\n\n`);
  log(`workspace: ${state.session.workspace} (a copy of ${source}; deleted when npm start stops)`);
  log(`logs (kept after npm start stops): ${state.session.logFiles.join(', ')}`);
  log('after editing sources: `npm run build` in another terminal, then "Developer: Reload Window"');
  log('Ctrl-C stops everything');

  server.child.once('exit', async (code, signal) => {
    if (state.stopping) return;
    log(`code-server exited (code ${code}, signal ${signal}); stopping. Its log: ${server.logFile}`);
    await stop();
    process.exit(1);
  });
}

main().catch(async (error) => {
  process.stderr.write(`[vscode-test] ${error.message.split('\n')[0]}\n`);
  await stop();
  process.exit(1);
});
