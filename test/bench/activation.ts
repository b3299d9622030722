/**
 * The extension-activation part of `npm run bench` (which builds for production first): fresh
 * Node processes that each `require` dist/extension.js and run activate() against a stubbed VS
 * Code API (activation-probe.cjs, vscode-stub.cjs). Reports the medians of wall and CPU time and
 * the JavaScript evaluated by the end of activate(): extension.js and any bundle it required.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './measure';

const EXTENSION = join(__dirname, '../../dist/extension.js');
const PROBE = join(__dirname, 'activation-probe.cjs');

export interface ActivationFigures {
  runs: number;
  ms: number;
  cpuMs: number;
  /** Bytes of the bundle files evaluated, and their names. */
  bytes: number;
  files: string[];
}

interface ProbeResult {
  ms: number;
  cpuMs: number;
  files: { file: string; bytes: number }[];
}

export function benchActivation(runs: number): ActivationFigures {
  const samples: ProbeResult[] = [];
  for (let i = 0; i < runs; i++) samples.push(JSON.parse(execFileSync(process.execPath, [PROBE, EXTENSION], { encoding: 'utf8' })));
  const files = samples[0].files;
  return { runs, ms: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs)), bytes: files.reduce((n, f) => n + f.bytes, 0), files: files.map((f) => f.file) };
}
