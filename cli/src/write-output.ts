/**
 * `-o FILE` for `export` and `create`, written so that no file is ever lost: a symbolic link is
 * refused (writing through it would overwrite its target), an existing file is replaced only after
 * a yes or with `--force`, and the new text goes to a temp file in the same folder, is flushed to
 * disk and renamed over the target. A failure at any point (a full disk, a quota, a read-only
 * folder) leaves the old file as it was and no temp file behind, and is reported in one line.
 */
import { closeSync, fsyncSync, lstatSync, openSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CommandFailed, UsageError, type Io } from './io';
import { confirm } from './prompt';

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is larger than allowed here',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EIO: 'an input/output error',
};

const reason = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${REASONS[code] ?? 'the system refused'} (${code})` : (error as Error).message;
};

function existing(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CommandFailed(`cannot write ${file}: ${reason(error)}`);
  }
}

/**
 * Whether `file` may be written: refuses links and non-files, and asks (or needs `force`) before
 * replacing a file. Call it before the request, so nothing is fetched for a file that will not be
 * written. False when the user said no.
 */
export async function mayWrite(io: Io, file: string, force: boolean): Promise<boolean> {
  const stats = existing(file);
  if (!stats) return true;
  if (stats.isSymbolicLink()) throw new UsageError(`${file} is a symbolic link; not writing through it (name the file it points to, or another one)`);
  if (!stats.isFile()) throw new UsageError(`${file} exists and is not a regular file`);
  if (force) return true;
  if (!io.interactive) throw new UsageError(`${file} exists; pass --force to replace it`);
  return confirm(io, `${file} exists. Replace it?`);
}

/** Writes `text` to `file` atomically (temp file in the same folder, fsync, rename). */
export function writeOutput(file: string, text: string): void {
  const before = existing(file);
  if (before?.isSymbolicLink()) throw new UsageError(`${file} is a symbolic link; not writing through it`);
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // `wx`: created new, never opened through an existing file or link of that name.
    fd = openSync(temp, 'wx', before ? before.mode & 0o777 : 0o666);
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw new CommandFailed(`cannot write ${file}: ${reason(error)}; ${before ? 'the existing file was left as it was' : 'nothing was written'}`);
  }
}
