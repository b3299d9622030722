/**
 * What every command gets instead of touching `process`: the three streams, the environment, and
 * whether prompts are allowed. Keeps commands testable and the exit-code policy in one place.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
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

/** Package files larger than this are not read (the language core's analysis limit, as in the editor). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A file over MAX_FILE_BYTES, found before reading it. */
export class FileTooLarge extends UsageError {
  constructor(
    readonly file: string,
    readonly size: number,
  ) {
    super(`${file} has ${size.toLocaleString('en')} bytes, more than the ${MAX_FILE_BYTES.toLocaleString('en')} a package file may have; not read`);
  }
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
 * A file's text (UTF-8, or UTF-16 with a byte order mark), or a usage error naming the file and
 * the reason (`ENOENT`, not a regular file, too large, where the bytes stop being text). Opened
 * without blocking and looked at before reading, so a FIFO, a device such as /dev/zero or a 1 GB
 * file is refused at once; the read itself never goes past the limit.
 */
export function readText(file: string): string {
  const decoded = decodeText(readBytes(file));
  if ('error' in decoded) throw new UsageError(`cannot read ${file}: ${decoded.error}`);
  return decoded.text;
}

function readBytes(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UsageError(`cannot read ${file}: not a regular file (${fileKind(stat)})`);
    if (stat.size > MAX_FILE_BYTES) throw new FileTooLarge(file, stat.size);
    // Read at most one byte past the limit: a file that grew since fstat is still caught.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_FILE_BYTES) throw new FileTooLarge(file, length);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

function fileKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
