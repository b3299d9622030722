// `npm run test:vscode`: the mocha suite inside a real VS Code (code-server + headless
// chromium), then the UI scenarios (screenshots). See test/harness/README.md.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from './build.mjs';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';
import { elapsed, log, logsMuted, muteLogs } from './log.mjs';
import { fixturesDir, repoRoot, resultsDir, testsEntry } from './paths.mjs';
import { onTermination, stopAllGroups } from './processes.mjs';
import { provision } from './provision.mjs';
import { redact } from './redact.mjs';
import { copyLogTree } from './saved-logs.mjs';
import { runSuiteInWorkbench } from './run-suite.mjs';
import { startSandbox } from './sandbox.mjs';
import { scenarios as allScenarios } from './scenarios.mjs';
import { repoStatus, runStartChecks } from './start-checks.mjs';
import { runScenarios } from './ui-scenarios.mjs';
import { startUserWorkbench } from './user-workbench.mjs';

const timeoutSeconds = Number(process.env.SINAS_VSCODE_TIMEOUT_SECONDS || 900);
// `--with-red-hat-yaml` (npm run test:vscode:redhat): Red Hat YAML installed beside us, only the
// suite's "beside Red Hat YAML" block. Its VSIX cannot come from the npm or Debian registries.
const withRedHatYaml = process.argv.includes('--with-red-hat-yaml');
const keepRunning = process.env.SINAS_VSCODE_KEEP === '1';

const state = { browser: undefined, sandbox: undefined, server: undefined, workDir: undefined, user: undefined };

let cleaning;

/** Stops the test workbench (driver on) and its sandbox, keeping the extension host's logs. */
async function stopTestWorkbench() {
  const { server, sandbox } = state;
  state.server = state.sandbox = undefined;
  await server?.stop();
  await sandbox?.stop();
  // The remote extension host's logs (our language client's output among them).
  if (server) copyLogTree(join(server.userDataDir, 'logs'), join(resultsDir, 'logs', 'server'));
}

/** Stops everything this run started; safe to call from several paths at once. */
function cleanup() {
  cleaning ??= (async () => {
    await state.browser?.close();
    await stopTestWorkbench();
    await state.user?.stop();
    await stopAllGroups();
    if (state.workDir) rmSync(state.workDir, { recursive: true, force: true });
  })();
  return cleaning;
}

function redHatYamlVsix() {
  const vsix = process.env.SINAS_REDHAT_YAML_VSIX;
  if (!vsix || !existsSync(vsix)) {
    throw new Error(`--with-red-hat-yaml needs SINAS_REDHAT_YAML_VSIX=<path of a Red Hat YAML .vsix>${vsix ? ` (${vsix} does not exist)` : ''}; see test/harness/README.md`);
  }
  return vsix;
}

async function main() {
  const start = Date.now();
  const vsixFiles = withRedHatYaml ? [redHatYamlVsix()] : [];
  ensureBuilt();
  const tools = await provision();

  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  state.workDir = mkdtempSync(join(tmpdir(), 'sinas-vscode-'));
  onTermination(cleanup);
  const hardTimeout = setTimeout(async () => {
    log(`hard timeout: the run took longer than ${timeoutSeconds} s (SINAS_VSCODE_TIMEOUT_SECONDS); stopping everything`);
    muteLogs();
    await cleanup();
    process.stderr.write(`[vscode-test] FAILED: hard timeout after ${timeoutSeconds} s; everything it started is stopped\n`);
    process.exit(1);
  }, timeoutSeconds * 1000);

  // The suite's scratch folder (git-ignored) exists before the workbench starts: the file watcher
  // misses what is written into a folder created inside a folder that is itself brand new.
  mkdirSync(join(fixturesDir, '.scratch'), { recursive: true });
  // Seeded like `npm start`'s: the UI scenarios show the instance-aware features against it.
  state.sandbox = await startSandbox({ logFile: join(resultsDir, 'sandbox.log'), extraArgs: ['--seed', join(repoRoot, 'test', 'sandbox', 'seed')] });
  state.server = await startCodeServer({
    tools,
    workDir: state.workDir,
    workspace: fixturesDir,
    logFile: join(resultsDir, 'code-server.log'),
    // code-server's environment (ours, SINAS_TEST_GREP included, plus these) reaches the
    // extension host, and so the suite.
    env: {
      ...state.sandbox?.env,
      SINAS_VSCODE_TIER: 'code-server',
      SINAS_TEST_RESULTS_DIR: resultsDir,
      ...(withRedHatYaml ? { SINAS_REDHAT_YAML: '1', SINAS_TEST_GREP: 'beside Red Hat YAML' } : {}),
    },
    vsixFiles,
  });
  state.browser = await launchBrowser(tools.chromium);

  log('running the mocha suite in the extension host');
  const suiteStart = Date.now();
  const suiteUrl = state.server.workbenchUrl({ extensionDevelopmentPath: repoRoot, extensionTestsPath: testsEntry });
  const suite = await runSuiteInWorkbench({ browser: state.browser, url: suiteUrl, logsDir: join(resultsDir, 'logs') });
  const report = readSuiteReport(suite.code);
  log(`suite finished in ${elapsed(suiteStart)} (exit code ${suite.code})`);

  const devUrl = state.server.workbenchUrl({ extensionDevelopmentPath: repoRoot });
  const selected = withRedHatYaml ? [] : selectScenarios();
  const uiResults = await runScenarios({ browser: state.browser, url: devUrl, scenarios: selected.filter((s) => s.workbench !== 'user'), screenshotDir: resultsDir });
  const userScenarios = selected.filter((s) => s.workbench === 'user');
  if (userScenarios.length) {
    // Two cores: one workbench at a time (SINAS_VSCODE_KEEP keeps the test workbench for a look).
    if (!keepRunning) await stopTestWorkbench();
    uiResults.push(...(await runUserPhase(tools, userScenarios)));
  }
  writeFileSync(join(resultsDir, 'scenarios.json'), `${redact(JSON.stringify(uiResults, null, 2))}\n`);
  clearTimeout(hardTimeout);

  const uiFailed = uiResults.filter((r) => !r.ok).length;
  const failed = report.failed + uiFailed + (suite.code !== 0 && report.failed === 0 ? 1 : 0);
  const passed = report.passed + uiResults.length - uiFailed;
  const summary = `vscode: ${passed} passed, ${failed} failed, ${report.pending} skipped`;
  if (keepRunning) {
    log(summary);
    await waitForInterrupt(devUrl);
  }
  await cleanup();
  log(`done in ${elapsed(start)}; results in ${resultsDir}`);
  // The closing line CI reads: mocha tests plus UI scenarios.
  process.stdout.write(`${summary}\n`);
  return failed === 0 ? 0 : 1;
}

/**
 * The user scenarios on a workbench started exactly as `npm start` starts one (on a copy of the
 * test fixtures), then the checks of what `npm start` promises about the repository, a dying
 * sandbox and its logs.
 */
async function runUserPhase(tools, scenarios) {
  log('starting a workbench as `npm start` does (no test driver, extension installed, seeded sandbox)');
  const statusBefore = repoStatus();
  let reportSandboxExit;
  const sandboxExit = new Promise((resolve) => (reportSandboxExit = resolve));
  state.user = await startUserWorkbench({ tools, workspaceSource: fixturesDir, logsDir: join(resultsDir, 'user'), onSandboxExit: reportSandboxExit });
  const results = await runScenarios({ browser: state.browser, url: state.user.url, scenarios, screenshotDir: resultsDir, driver: false });
  const session = state.user;
  state.user = undefined;
  return [...results, ...(await runStartChecks({ session, statusBefore, sandboxExit }))];
}

/** Prints mocha's output and returns its counts; a missing report means the host never ran it. */
function readSuiteReport(exitCode) {
  const mochaFile = join(resultsDir, 'mocha.txt');
  const resultsFile = join(resultsDir, 'results.json');
  if (!existsSync(resultsFile)) {
    log(`the suite wrote no ${resultsFile} (exit code ${exitCode}): the test entry did not load or crashed;`);
    log(`see ${join(resultsDir, 'logs')} (exthost logs) and ${join(resultsDir, 'code-server.log')}`);
    return { passed: 0, failed: 1, pending: 0 };
  }
  // Written by the extension host: scrub anything secret before anyone uploads these.
  for (const file of [mochaFile, resultsFile]) writeFileSync(file, redact(readFileSync(file, 'utf8')));
  process.stdout.write(readFileSync(mochaFile, 'utf8'));
  return JSON.parse(readFileSync(resultsFile, 'utf8'));
}

/** SINAS_VSCODE_SCENARIOS: unset = all, `none` = skip, else a comma list of names. */
function selectScenarios() {
  const wanted = process.env.SINAS_VSCODE_SCENARIOS;
  if (!wanted) return allScenarios;
  if (wanted === 'none') return [];
  const names = wanted.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !allScenarios.some((s) => s.name === name));
  if (unknown.length) throw new Error(`unknown UI scenario(s): ${unknown.join(', ')}`);
  return allScenarios.filter((s) => names.includes(s.name));
}

/** SINAS_VSCODE_KEEP=1: leave code-server up for a look in a browser until Ctrl-C. */
function waitForInterrupt(url) {
  log(`SINAS_VSCODE_KEEP=1: code-server stays up; open ${url}`);
  if (state.sandbox) log(`the Sinas sandbox stays up too: ${state.sandbox.url}`);
  log('press Ctrl-C to stop it');
  return new Promise(() => {}); // onTermination() cleans up and exits.
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    // First lines only: Playwright appends pages of browser logs to its errors.
    if (!logsMuted()) process.stderr.write(`[vscode-test] ${error.message.split('\n').slice(0, 3).join('\n')}\n`);
    await cleanup();
    process.exit(1);
  },
);
