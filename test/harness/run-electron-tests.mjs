// `npm run test:electron`: the same suite in desktop VS Code via @vscode/test-electron, for
// machines with network access (it downloads VS Code from update.code.visualstudio.com) and
// a display (on Linux: `xvfb-run -a npm run test:electron`). Offline, use test:vscode.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { ensureBuilt } from './build.mjs';
import { log } from './log.mjs';
import { cacheDir, fixturesDir, repoRoot, testsEntry } from './paths.mjs';

const resultsDir = join(repoRoot, 'test-results', 'electron');
const needs = 'test:electron needs network access to update.code.visualstudio.com to download VS Code'
  + " (and a display: on Linux run `xvfb-run -a npm run test:electron`); offline, use `npm run test:vscode`";

async function main() {
  ensureBuilt();
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.SINAS_VSCODE_VERSION || 'stable',
      cachePath: join(cacheDir, 'electron'),
      timeout: 30_000,
    });
  } catch (error) {
    process.stderr.write(`[vscode-test] ${needs} (download failed: ${firstLine(error)})\n`);
    return 1;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    process.stderr.write('[vscode-test] no display: run `xvfb-run -a npm run test:electron`\n');
    return 1;
  }

  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  let code;
  try {
    code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsEntry,
      extensionTestsEnv: { SINAS_VSCODE_TIER: 'electron', SINAS_TEST_RESULTS_DIR: resultsDir },
      // A throwaway profile, and only our extension besides the built-in ones.
      launchArgs: [fixturesDir, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    log(`VS Code reported a failure: ${firstLine(error)}`);
    code = 1;
  }
  const mochaFile = join(resultsDir, 'mocha.txt');
  if (existsSync(mochaFile)) process.stdout.write(readFileSync(mochaFile, 'utf8'));
  log(`results in ${resultsDir}`);
  return code === 0 ? 0 : 1;
}

function firstLine(error) {
  return String(error?.message ?? error).split('\n')[0];
}

main().then((code) => process.exit(code));
