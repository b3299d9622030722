/**
 * The CLI part of `npm run bench`: one `sinas-package validate` run over many generated files on
 * one thread (`--jobs 1`) and on two (`--jobs 2`): wall time, CPU time (user + system, all
 * threads) and peak resident memory of the process, from GNU time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePackage } from '../support/generate-package';

const CLI = join(__dirname, '../../dist/cli.js');

export interface CliRun {
  jobs: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
}

export interface CliFigures {
  files: number;
  linesPerFile: number;
  runs: CliRun[];
}

export function benchCli(files: number, linesPerFile: number, jobs: readonly number[] = [1, 2]): CliFigures {
  const dir = mkdtempSync(join(tmpdir(), 'sinas-bench-cli-'));
  try {
    const text = generatePackage(linesPerFile);
    for (let i = 0; i < files; i++) writeFileSync(join(dir, `package-${i}.sinas.yaml`), text.replace(/name: generated-package/, `name: generated-package-${i}`));
    return { files, linesPerFile, runs: jobs.map((n) => run(dir, n)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(dir: string, jobs: number): CliRun {
  const started = performance.now();
  // GNU time prints user s, system s and peak RSS (kB) last on stderr; the findings go to stdout.
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, CLI, 'validate', dir, '--format', 'json', '--jobs', String(jobs)], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - started;
  if (result.error) throw result.error;
  const [user, system, peakKb] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { jobs, wallMs, cpuMs: (user + system) * 1000, peakRssMb: peakKb / 1024 };
}
