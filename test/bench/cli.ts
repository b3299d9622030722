/**
 * The CLI part of `npm run bench`: one `sinas-package validate` run over many generated files
 * (wall time and peak resident memory of the process, from GNU time).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePackage } from '../support/generate-package';

const CLI = join(__dirname, '../../dist/cli.js');

export interface CliFigures {
  files: number;
  linesPerFile: number;
  wallMs: number;
  peakRssMb: number;
}

export function benchCli(files: number, linesPerFile: number): CliFigures {
  const dir = mkdtempSync(join(tmpdir(), 'sinas-bench-cli-'));
  try {
    const text = generatePackage(linesPerFile);
    for (let i = 0; i < files; i++) writeFileSync(join(dir, `package-${i}.sinas.yaml`), text.replace(/name: generated-package/, `name: generated-package-${i}`));
    const started = performance.now();
    // GNU time prints the peak RSS (kB) last on stderr; the CLI's findings go to stdout.
    const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, 'validate', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const wallMs = performance.now() - started;
    if (run.error) throw run.error;
    const peakKb = Number(run.stderr.trim().split('\n').pop());
    return { files, linesPerFile, wallMs, peakRssMb: peakKb / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
