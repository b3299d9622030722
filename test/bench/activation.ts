/**
 * The extension-activation part of `npm run bench`: a production build (into a temp directory;
 * dist/ is left alone), then fresh Node processes that each `require` its dist/extension.js and
 * run activate() against a stubbed VS Code API (activation-probe.cjs, vscode-stub.cjs). Reports
 * the medians of wall and CPU time and the JavaScript evaluated by the end of activate():
 * extension.js and any bundle it required on the way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './measure';

const ROOT = join(__dirname, '../..');
const PROBE = join(__dirname, 'activation-probe.cjs');

export interface ActivationFigures {
  runs: number;
  ms: number;
  cpuMs: number;
  /** Bytes of every bundle file evaluated, and their names. */
  bytes: number;
  files: string[];
}

interface ProbeResult {
  ms: number;
  cpuMs: number;
  files: { file: string; bytes: number }[];
}

export function benchActivation(runs: number): ActivationFigures {
  const dir = mkdtempSync(join(tmpdir(), 'sinas-bench-activation-'));
  try {
    execFileSync(process.execPath, ['esbuild.mjs', '--production', '--outdir', dir], { cwd: ROOT, stdio: 'inherit' });
    const samples: ProbeResult[] = [];
    for (let i = 0; i < runs; i++) samples.push(JSON.parse(execFileSync(process.execPath, [PROBE, join(dir, 'extension.js')], { encoding: 'utf8' })));
    const files = samples[0].files;
    return { runs, ms: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs)), bytes: files.reduce((n, f) => n + f.bytes, 0), files: files.map((f) => f.file) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
