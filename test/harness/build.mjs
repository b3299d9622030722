// The harness runs what `npm run build` produced; build once if it never ran here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, testsEntry } from './paths.mjs';
import { log } from './log.mjs';

const outputs = [join(repoRoot, 'dist', 'extension.js'), join(repoRoot, 'dist', 'server.js'), testsEntry];

export function ensureBuilt({ always = false } = {}) {
  if (!always && outputs.every((file) => existsSync(file))) return;
  log('npm run build');
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}
