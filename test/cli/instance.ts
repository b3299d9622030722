/** The built CLI against an in-process sandbox: a fresh one per suite, a temp folder for files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '../sandbox/sandbox';
import { assertFreshBuild, runCli, type CliResult, type RunOptions } from './run-cli';

/** Host, times and ids vary per run. */
export function normalise(text: string, sandbox: RunningSandbox): string {
  return text
    .split(new URL(sandbox.url).host)
    .join('<host>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/ {2,}(?=\S)/g, '  ');
}

export function useInstance(variables = true) {
  const state: { sandbox?: RunningSandbox; dir?: string } = {};
  before(async () => {
    assertFreshBuild();
    state.sandbox = await startSandbox({ port: 0, seedDir: 'test/sandbox/seed', variables });
    state.dir = mkdtempSync(join(tmpdir(), 'sinas-cli-'));
  });
  after(async () => {
    await state.sandbox?.close();
    if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  });
  return {
    get sandbox() {
      return state.sandbox!;
    },
    get dir() {
      return state.dir!;
    },
    file(name: string, text: string): string {
      const path = join(state.dir!, name);
      writeFileSync(path, text);
      return path;
    },
    run(args: string[], options: RunOptions = {}): Promise<CliResult> {
      return runCli(args, { ...options, env: { SINAS_URL: state.sandbox!.url, SINAS_API_KEY: state.sandbox!.adminKey, ...options.env } });
    },
  };
}

