// Installs what the real-VS-Code tier needs into the cache dir: Node 24 (code-server's engine;
// the project itself stays on Node 20) and code-server, both from npm, plus Debian's chromium
// and libkrb5-dev (to build code-server's kerberos module) via apt when we may.
// Idempotent: a marker file records what is installed, so a warm call costs a few stat()s.
// Run directly (`node test/harness/provision.mjs`) to provision ahead of time.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheDir } from './paths.mjs';
import { log, elapsed } from './log.mjs';
import { isRunning } from './processes.mjs';
import { waitUntil } from './wait.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = 24;
const MARKER_FORMAT = 1;

const nodePrefix = join(cacheDir, `node-${NODE_MAJOR}`);
const codeServerPrefix = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const markerFile = join(cacheDir, 'provisioned.json');
const lockDir = join(cacheDir, '.provision.lock');

/** Paths the runners need. Throws one-line errors that say what to install. */
export async function provision() {
  const start = Date.now();
  const chromium = await ensureSystemPackages({ needBuildTools: !readMarker() });
  const cached = readMarker();
  if (cached) return { ...cached.paths, chromium };

  mkdirSync(cacheDir, { recursive: true });
  await withLock(async () => {
    if (readMarker()) return; // Another worktree finished it while we waited.
    log(`provisioning into ${cacheDir} (cold: about 1.5 to 3 minutes)`);
    const node = await installNode();
    const entry = await installCodeServer(node);
    const nodeVersion = run(node, ['--version']).trim();
    const paths = { node, codeServerEntry: entry };
    const marker = { format: MARKER_FORMAT, codeServer: CODE_SERVER_VERSION, node: nodeVersion, platform: process.platform, arch: process.arch, paths };
    writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
    log(`provisioned Node ${nodeVersion} and code-server ${CODE_SERVER_VERSION} in ${elapsed(start)}`);
  });
  return { ...readMarker().paths, chromium };
}

function readMarker() {
  try {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8'));
    const current = marker.format === MARKER_FORMAT && marker.codeServer === CODE_SERVER_VERSION
      && marker.platform === process.platform && marker.arch === process.arch;
    return current && existsSync(marker.paths.node) && existsSync(marker.paths.codeServerEntry) ? marker : undefined;
  } catch {
    return undefined;
  }
}

// --- system packages --------------------------------------------------------------------

export function findChromium() {
  const candidates = [process.env.SINAS_CHROMIUM, '/usr/bin/chromium', onPath('chromium'), onPath('chromium-browser')];
  return candidates.find((path) => path && existsSync(path));
}

function onPath(command) {
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

async function ensureSystemPackages({ needBuildTools }) {
  const missing = [];
  if (!findChromium()) missing.push('chromium');
  if (needBuildTools) {
    if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
    for (const [command, pkg] of [['python3', 'python3'], ['make', 'make'], ['g++', 'g++']]) {
      if (!onPath(command)) missing.push(pkg);
    }
  }
  if (missing.length === 0) return findChromium();

  const canApt = process.getuid?.() === 0 && onPath('apt-get');
  if (!canApt) throw new Error(`missing system packages; install them with: sudo apt-get install -y ${missing.join(' ')}`);
  log(`apt-get install -y ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptLog = join(cacheDir, 'apt.log');
  mkdirSync(cacheDir, { recursive: true });
  await runLogged('apt-get', ['update', '-q'], { env, logFile: aptLog });
  await runLogged('apt-get', ['install', '-y', '-q', ...missing], { env, logFile: aptLog, append: true });
  const chromium = findChromium();
  if (!chromium) throw new Error('chromium is still missing after apt-get install; see ' + aptLog);
  return chromium;
}

// --- Node 24 and code-server from npm --------------------------------------------------

/**
 * npm 11 blocks dependency install scripts unless package.json's `allowScripts` lists them;
 * npm 10 ignores the field and runs them anyway, so one prefix package.json serves both.
 * (`--allow-scripts` on the command line is an error for a project-scoped install.)
 */
function writePrefixPackage(prefix, name, allowScripts) {
  mkdirSync(prefix, { recursive: true });
  const file = join(prefix, 'package.json');
  if (!existsSync(file)) writeFileSync(file, `${JSON.stringify({ name, private: true, allowScripts }, null, 2)}\n`);
}

const nodeBinary = join(nodePrefix, 'node_modules', 'node', 'bin', 'node');
const nodeHeaders = join(nodePrefix, 'headers');

async function installNode() {
  if (nodeVersionOk() && existsSync(join(nodeHeaders, 'include', 'node', 'common.gypi'))) return nodeBinary;
  log(`installing Node ${NODE_MAJOR} from npm`);
  // Start clean: a second `npm install` here prunes the tarball the `node` package unpacked.
  rmSync(nodePrefix, { recursive: true, force: true });
  writePrefixPackage(nodePrefix, 'sinas-vscode-test-node', { node: true });
  await npmInstall(nodePrefix, `node@${NODE_MAJOR}`, { env: npmEnv(), logFile: join(cacheDir, 'node-install.log') });
  if (!nodeVersionOk()) throw new Error(`expected Node ${NODE_MAJOR} at ${nodeBinary}`);
  copyNodeHeaders();
  return nodeBinary;
}

function nodeVersionOk() {
  try {
    return run(nodeBinary, ['--version']).startsWith(`v${NODE_MAJOR}.`);
  } catch {
    return false;
  }
}

/**
 * The `node` package unpacks the official tarball (headers included) into its own
 * node_modules; keep a copy of the headers where no later npm run can prune them.
 */
function copyNodeHeaders() {
  const dir = join(nodePrefix, 'node_modules', 'node', 'node_modules');
  const found = readdirSync(dir).find((name) => name.startsWith('node-') && existsSync(join(dir, name, 'include', 'node', 'common.gypi')));
  if (!found) throw new Error(`no Node ${NODE_MAJOR} headers under ${dir}; delete ${cacheDir} and retry`);
  cpSync(join(dir, found, 'include'), join(nodeHeaders, 'include'), { recursive: true });
}

async function installCodeServer(node) {
  log(`building code-server ${CODE_SERVER_VERSION} with Node ${NODE_MAJOR} (native modules; the slow step)`);
  writePrefixPackage(codeServerPrefix, 'sinas-vscode-test-code-server', { 'code-server': true, argon2: true });
  const env = {
    ...npmEnv(),
    // code-server's postinstall checks the Node major of the npm that runs it.
    PATH: `${join(node, '..')}${delimiter}${process.env.PATH}`,
    // This machine's npmrc points node-gyp at Node 20's headers; the modules must match Node 24.
    npm_config_nodedir: nodeHeaders,
  };
  const logFile = join(cacheDir, 'code-server-install.log');
  // Always from scratch: after a failed or interrupted build npm would call the tree
  // "up to date" and skip code-server's postinstall (which builds VS Code's dependencies).
  rmSync(join(codeServerPrefix, 'node_modules'), { recursive: true, force: true });
  await npmInstall(codeServerPrefix, `code-server@${CODE_SERVER_VERSION}`, { env, logFile });
  const entry = join(codeServerPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  checkNativeModules(node, join(codeServerPrefix, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'));
  // An explicit empty --config, or code-server writes a default one into ~/.config.
  const emptyConfig = join(cacheDir, 'empty-config.yaml');
  writeFileSync(emptyConfig, '');
  const version = run(node, [entry, '--config', emptyConfig, '--version']);
  if (!version.startsWith(CODE_SERVER_VERSION)) throw new Error(`code-server --version printed: ${version.trim()}`);
  return entry;
}

/** Loads VS Code's native modules with Node 24: a build against the wrong headers fails here, not mid-test. */
function checkNativeModules(node, modulesDir) {
  const names = ['@vscode/spdlog', 'node-pty', '@parcel/watcher', 'kerberos', '@vscode/sqlite3', '@vscode/native-watchdog'];
  const script = `for (const name of ${JSON.stringify(names)}) require(${JSON.stringify(modulesDir)} + '/' + name);`;
  try {
    run(node, ['-e', script]);
  } catch (error) {
    throw new Error(`code-server's native modules do not load with Node ${NODE_MAJOR}: ${error.message.split('\n').slice(0, 3).join(' ')}`);
  }
}

/** The outer `npm test` exports its own config (prefix, nodedir, user agent...); drop it. */
function npmEnv() {
  const keep = /^npm_config_(cache|registry|userconfig|globalconfig|cafile|proxy|https_proxy|noproxy)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || keep.test(key)));
}

function npmInstall(prefix, spec, { env, logFile }) {
  const args = ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts=false', spec];
  return runLogged('npm', args, { env, logFile });
}

// --- small process helpers --------------------------------------------------------------

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return result.stdout;
}

/**
 * Runs a command with its output in a log file; on failure, shows the log's tail. A line every
 * 30 s says it is still working, so a quiet cold build does not look hung.
 */
function runLogged(command, args, { env, logFile, append = false }) {
  const fd = openSync(logFile, append ? 'a' : 'w');
  const start = Date.now();
  const heartbeat = setInterval(() => log(`  ... ${command} ${args[0]} still running (${elapsed(start)}; log: ${logFile})`), 30_000);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', fd, fd] });
    child.on('error', (error) => {
      clearInterval(heartbeat);
      reject(error);
    });
    child.on('exit', (code) => {
      clearInterval(heartbeat);
      closeSync(fd);
      if (code === 0) return resolve();
      const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-25).join('\n');
      process.stderr.write(`${tail}\n`);
      reject(new Error(`\`${command} ${args.join(' ')}\` failed (exit ${code}); full log: ${logFile}`));
    });
  });
}

/** A directory lock, so worktrees sharing one cache do not install into it at the same time. */
async function withLock(body) {
  await waitUntil(() => tryLock(), { timeoutMs: 20 * 60_000, intervalMs: 1000, what: `the provisioning lock ${lockDir}` });
  try {
    return await body();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

let reportedWait = false;

function tryLock() {
  try {
    mkdirSync(lockDir);
    writeFileSync(join(lockDir, 'pid'), String(process.pid));
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const owner = Number(readFileSafe(join(lockDir, 'pid')));
    if (owner && !isRunning(owner)) rmSync(lockDir, { recursive: true, force: true }); // stale
    else if (!reportedWait) {
      reportedWait = true;
      log(`waiting: another process (pid ${owner || '?'}) is provisioning ${cacheDir}`);
    }
    return false;
  }
}

function readFileSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  provision().then(
    (paths) => log(`ready: ${JSON.stringify(paths)}`),
    (error) => {
      process.stderr.write(`[vscode-test] provisioning failed: ${error.message}\n`);
      process.exit(1);
    },
  );
}
