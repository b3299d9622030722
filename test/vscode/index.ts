// Test entry inside the VS Code extension host (extensionTestsPath). VS Code calls run() and
// reports its outcome to the harness (code-server: window.codeAutomationExit; electron:
// the process exit code). Mocha comes from node_modules (mocha 11: 12 is ESM-only).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface TestResult {
  title: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

export async function run(): Promise<void> {
  const resultsDir = process.env.SINAS_TEST_RESULTS_DIR;
  const output: string[] = [];
  // The extension host makes console.* read-only; mocha's reporters print through this hook.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    output.push(format(...args));
  };

  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  if (process.env.SINAS_TEST_GREP) mocha.grep(process.env.SINAS_TEST_GREP);
  for (const file of testFiles(path.join(__dirname, 'suite'))) mocha.addFile(file);

  const tests: TestResult[] = [];
  const startedAt = new Date();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => tests.push(result(test, 'passed')));
    runner.on('pending', (test) => tests.push(result(test, 'pending')));
    // Also fires for failing hooks, which then count as one failed entry.
    runner.on('fail', (test, error: Error) => tests.push({ ...result(test, 'failed'), error: { message: error.message, stack: error.stack } }));
  }).catch((error: Error) => {
    output.push(`mocha crashed: ${error.stack ?? error.message}`);
    return 1;
  });

  if (resultsDir) {
    fs.mkdirSync(resultsDir, { recursive: true });
    const summary = {
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      vscodeVersion: vscode.version,
      passed: tests.filter((t) => t.state === 'passed').length,
      failed: Math.max(failures, tests.filter((t) => t.state === 'failed').length),
      pending: tests.filter((t) => t.state === 'pending').length,
      tests,
    };
    fs.writeFileSync(path.join(resultsDir, 'results.json'), `${JSON.stringify(summary, null, 2)}\n`);
    fs.writeFileSync(path.join(resultsDir, 'mocha.txt'), `${output.join('\n')}\n`);
  } else {
    process.stdout.write(`${output.join('\n')}\n`);
  }
  if (failures > 0) throw new Error(`${failures} test(s) failed`);
}

function result(test: Mocha.Runnable, state: TestResult['state']): TestResult {
  return { title: test.fullTitle(), file: test.file, state, durationMs: test.duration };
}

/** Every compiled *.test.js under dir (esbuild emits one per suite file; no glob dependency). */
function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  }).sort();
}
