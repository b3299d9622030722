// Where the harness reads and writes. One place, so every entry point agrees.
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** Shared install cache (Node 24, code-server); several worktrees may point at one. */
export const cacheDir = resolve(process.env.SINAS_VSCODE_TEST_DIR || join(repoRoot, '.vscode-test'));

export const resultsDir = join(repoRoot, 'test-results', 'vscode');
export const fixturesDir = join(repoRoot, 'test', 'fixtures', 'vscode');
export const testsEntry = join(repoRoot, 'out', 'test', 'vscode', 'index.js');
export const sandboxEntry = join(repoRoot, 'dist', 'sandbox.js');
