/**
 * Runs the BUILT command (dist/cli.js) as a child process without a terminal, as CI would, and
 * collects exit code, stdout and stderr. Refuses to run a bundle older than its sources.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CLI = 'dist/cli.js';
const SOURCES = ['cli/src', 'server/src/core', 'api/src'];

function newestMtime(dir: string): number {
  return readdirSync(dir).reduce((newest, name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return Math.max(newest, stat.isDirectory() ? newestMtime(path) : stat.mtimeMs);
  }, 0);
}

/** Throws when dist/cli.js is missing or older than a source file it bundles. */
export function assertFreshBuild(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const built = statSync(CLI).mtimeMs;
  if (SOURCES.some((dir) => newestMtime(dir) > built)) throw new Error(`${CLI} is older than its sources: run \`npm run build\` first`);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed (stdin is never a terminal here). */
  input?: string;
  /** Working directory of the command (default: the repository). */
  cwd?: string;
  /**
   * `ulimit -f`: files the CLI writes cannot grow past this many blocks (512 bytes in dash, 1024 in
   * bash). A write past it fails with EFBIG, as one on a full disk fails with ENOSPC.
   */
  fileSizeLimit?: number;
  /** Node options before the script, e.g. `--require` of a test hook (worker threads inherit them). */
  nodeArgs?: string[];
}

export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  // A clean environment: no SINAS_* from the developer's shell leaks into a test.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SINAS_')));
  const env = Object.fromEntries(Object.entries({ ...base, ...options.env }).filter((e): e is [string, string] => e[1] !== undefined));
  return new Promise((done, reject) => {
    const command = [process.execPath, ...(options.nodeArgs ?? []), resolve(CLI), ...args];
    const child =
      options.fileSizeLimit === undefined
        ? spawn(command[0], command.slice(1), { env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] })
        : spawn('/bin/sh', ['-c', 'ulimit -f "$0" && exec "$@"', String(options.fileSizeLimit), ...command], { env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
