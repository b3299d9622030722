/**
 * `sinas-package`: the headless command (bundled to dist/cli.js). Dispatches to one module per
 * command group and turns every failure into one `error:` line on stderr and an exit code:
 * 0 ok, 1 failed, 2 usage or configuration, 3 partial (see help.ts).
 */
import { SinasApiError } from '../../api/src';
import { runCreate } from './create';
import { HELP } from './help';
import { runInstall, runPreview } from './install';
import { CommandFailed, EXIT, line, problem, UsageError, type ExitCode, type Io } from './io';
import { runExport, runGet, runList, runUninstall } from './packages';
import { PromptCancelled } from './prompt';
import { isValidateWorker, runValidateWorker } from './validate/check-worker';
import { runValidate } from './validate/command';

declare const __VERSION__: string | undefined;
const version = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

type Command = (io: Io, args: string[]) => ExitCode | Promise<ExitCode>;

const COMMANDS: Record<string, Command> = {
  validate: runValidate,
  preview: runPreview,
  install: runInstall,
  uninstall: runUninstall,
  list: runList,
  get: runGet,
  export: runExport,
  create: runCreate,
};

export async function main(argv: string[], io: Io): Promise<ExitCode> {
  const [command, ...args] = argv;
  if (command === '--version' || command === '-v') {
    line(io.stdout, version);
    return EXIT.ok;
  }
  if (command === '--help' || command === '-h' || command === 'help' || (command && args.includes('--help'))) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    problem(io.stderr, 'error', command ? `unknown command "${command}"; see sinas-package --help` : 'a command is needed; see sinas-package --help');
    return EXIT.usage;
  }
  try {
    return await run(io, args);
  } catch (error) {
    if (error instanceof UsageError) {
      problem(io.stderr, 'error', error.message);
      return EXIT.usage;
    }
    if (error instanceof SinasApiError) {
      problem(io.stderr, 'error', error.describe());
      return EXIT.failed;
    }
    if (error instanceof CommandFailed) {
      problem(io.stderr, 'error', error.message);
      return EXIT.failed;
    }
    if (error instanceof PromptCancelled) {
      problem(io.stderr, 'error', 'cancelled; nothing was changed');
      return EXIT.failed;
    }
    problem(io.stderr, 'error', internalError(error, args.includes('--verbose')));
    return EXIT.failed;
  }
}

/** A bug of ours, for users: one line; where it happened only when asked for. */
export function internalError(error: unknown, verbose: boolean): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (!verbose) return `internal error: ${message} (please report it; --verbose shows where it happened)`;
  const stack = error instanceof Error && error.stack ? error.stack.split('\n').slice(1).join('\n') : '';
  return `internal error: ${message}\n${stack}`;
}

// `validate --jobs N` starts this same file as its worker threads.
if (isValidateWorker()) {
  runValidateWorker();
} else if (require.main === module) {
  const argv = process.argv.slice(2);
  const io: Io = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    interactive: !!process.stdin.isTTY && !!process.stderr.isTTY && !argv.includes('--no-input'),
  };
  // Output piped into a command that stopped reading (`| head`) just ends the run.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  });
  // Whatever escapes `main` (an event handler's error) is still one line, not Node's crash report.
  process.on('uncaughtException', (error) => {
    problem(process.stderr, 'error', internalError(error, argv.includes('--verbose')));
    process.exit(EXIT.failed);
  });
  void main(argv, io).then((code) => {
    process.exitCode = code;
  });
}
