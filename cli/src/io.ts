/**
 * What every command gets instead of touching `process`: the three streams, the environment, and
 * whether prompts are allowed. Keeps commands testable and the exit-code policy in one place.
 */
import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { decodeText } from './decode-text';

export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  env: NodeJS.ProcessEnv;
  /** Prompts are allowed: stdin and stderr are terminals and `--no-input` was not given. */
  interactive: boolean;
}

/** Documented in `--help`; tests assert them. */
export const EXIT = {
  ok: 0,
  /** Errors found (validate), a request failed, or the user declined. */
  failed: 1,
  /** Bad arguments or missing configuration. */
  usage: 2,
  /** Partly done: an install with apply errors, a create that skipped resources. */
  partial: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake in how the command was called; printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Something the command could not do (e.g. write its output); printed as one line, exit code 1. */
export class CommandFailed extends Error {}

export function line(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}

/**
 * One style for every problem the command reports: `error: …`, `warning: …` or `note: …`, in
 * lower case and without a closing period, like compilers and git print them. Messages shared
 * with the editor (API errors) are sentences; they are put in this form here.
 */
export function problem(stream: Writable, level: 'error' | 'warning' | 'note', message: string): void {
  line(stream, `${level}: ${asClause(message)}`);
}

/** "The key was rejected." → "the key was rejected"; an acronym or a name keeps its case. */
export function asClause(message: string): string {
  const [first, ...rest] = message.split('\n');
  const clause = first.replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
  return [clause, ...rest].join('\n');
}

/**
 * A file's text (UTF-8, or UTF-16 with a byte order mark), or a usage error naming the file and the
 * reason (`ENOENT`, `EISDIR`, where the bytes stop being text, …).
 */
export function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) throw new UsageError(`cannot read ${file}: ${decoded.error}`);
  return decoded.text;
}
