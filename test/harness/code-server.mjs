// Starts code-server (a real VS Code: web workbench + Node remote extension host) on loopback,
// with a throwaway config and a pre-seeded user-data dir, and builds workbench URLs for it.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log } from './log.mjs';
import { spawnGroup, stopGroup } from './processes.mjs';
import { exitAsError, freePort, httpOk, waitUntil } from './wait.mjs';

// Keep the workbench quiet and deterministic: no welcome page, no AI side bar, no update or
// telemetry traffic (the machine is offline), no git scanning of the fixtures, no animations
// half-way through a screenshot.
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.reduceMotion': 'on',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

/**
 * @param {object} options
 * @param {{node: string, codeServerEntry: string}} options.tools  from provision()
 * @param {string} options.workDir    scratch dir for config, user data and extensions
 * @param {string} options.workspace  folder the workbench opens
 * @param {Record<string,string>} [options.env]  extra environment; it reaches the extension host
 * @param {string} [options.logFile]  where code-server's own output goes
 * @param {boolean} [options.driver]  true (tests): the smoke-test driver, which lets the URL payload
 *   load the extension and the test entry, exposes window.driver, and suppresses toasts.
 *   false (`npm start`, the user scenarios): a workbench as a user gets it.
 * @param {string} [options.linkExtension]  an extension folder to install by linking it into the
 *   extensions dir, as a user's installed extension (code-server scans the dir and follows the
 *   link; a rebuild plus "Developer: Reload Window" picks up changes)
 * @param {string[]} [options.vsixFiles]  other extensions to install first (e.g. Red Hat YAML)
 */
export async function startCodeServer({ tools, workDir, workspace, env = {}, logFile, port, driver = true, linkExtension, vsixFiles = [] }) {
  port ??= await freePort();
  const configFile = join(workDir, 'config.yaml');
  const userDataDir = join(workDir, 'user-data');
  const extensionsDir = join(workDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(configFile, ''); // Without --config, code-server writes one into ~/.config.
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(userSettings, null, 2)}\n`);
  if (linkExtension) linkInto(extensionsDir, linkExtension);
  for (const vsix of vsixFiles) {
    log(`installing ${vsix} into the test's extensions dir`);
    execFileSync(tools.node, [tools.codeServerEntry, '--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], { stdio: 'pipe' });
  }

  const args = [
    tools.codeServerEntry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    // Lets the workbench honour extensionDevelopmentPath/extensionTestsPath from the URL payload
    // and exposes window.driver and window.codeAutomationExit (and hides notification toasts).
    ...(driver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    workspace,
  ];
  const child = spawnGroup(tools.node, args, {
    cwd: workDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (logFile) {
    const out = createWriteStream(logFile);
    child.stdout.pipe(out);
    child.stderr.pipe(out);
  } else {
    child.stdout.resume();
    child.stderr.resume();
  }

  const origin = `http://127.0.0.1:${port}`;
  const server = {
    port,
    workspace,
    logFile,
    userDataDir,
    origin,
    pid: child.pid,
    child,
    /** Workbench URL; `payload` maps payload keys to local paths (sent as vscode-remote URIs). */
    workbenchUrl(payload = {}) {
      // The host:port inside the payload must equal the page's.
      const entries = Object.entries(payload).map(([key, path]) => [key, `vscode-remote://127.0.0.1:${port}${path}`]);
      const query = new URLSearchParams({ folder: workspace });
      if (entries.length) query.set('payload', JSON.stringify(entries));
      return `${origin}/?${query}`;
    },
    stop: () => stopGroup(child.pid),
  };

  try {
    await Promise.race([
      waitUntil(() => httpOk(`${origin}/healthz`), { timeoutMs: 60_000, intervalMs: 250, what: `code-server on ${origin}/healthz` }),
      exitAsError(child, 'code-server'),
    ]);
  } catch (error) {
    await server.stop();
    throw new Error(`${error.message}${logFile ? `; see ${logFile}` : ''}`);
  }
  log(`code-server ${origin} is up (pid ${child.pid}, workspace ${workspace})`);
  return server;
}

/** `<publisher>.<name>-<version>` → the folder: what an installed extension looks like on disk. */
function linkInto(extensionsDir, folder) {
  const { publisher, name, version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  symlinkSync(folder, join(extensionsDir, `${publisher}.${name}-${version}`), 'dir');
}
