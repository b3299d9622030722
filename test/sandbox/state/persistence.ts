/**
 * `--data FILE`: the state as one JSON file, replaced atomically (write a temp file, fsync it,
 * rename over the target, fsync the directory). A crash at any point leaves either the old or the
 * new file, never a torn one; a stray temp file from a crash is ignored and overwritten later.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { emptyState, type State } from './types';

export async function loadState(file: string): Promise<State | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Never start over silently: that would wipe the user's sandbox on the next write.
    throw new Error(`Sandbox data file ${file} is not valid JSON (${(error as Error).message}); move it away to start fresh`);
  }
  if (!parsed || typeof parsed !== 'object' || (parsed as State).format !== 1) {
    throw new Error(`Sandbox data file ${file} has an unknown format`);
  }
  return { ...emptyState(), ...(parsed as State) };
}

export async function writeAtomic(file: string, contents: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(contents, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  // The rename itself must reach the disk too; some file systems refuse to fsync a directory.
  const dir = await open(dirname(file), 'r').catch(() => undefined);
  if (dir) await dir.sync().catch(() => undefined).finally(() => dir.close());
}

/**
 * Serialises writes and coalesces bursts: a save requested while a write is queued joins it, and a
 * write always serialises the state as it is when the write starts, so it covers every earlier save.
 */
export class StateWriter {
  private queued: Promise<void> | null = null;
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly snapshot: () => State,
  ) {}

  save(): Promise<void> {
    if (this.queued) return this.queued;
    const write = this.tail.then(() => {
      this.queued = null;
      return writeAtomic(this.file, JSON.stringify(this.snapshot()));
    });
    this.queued = write;
    this.tail = write.catch(() => undefined);
    return write;
  }

  /** Resolves once every requested write has finished. */
  idle(): Promise<void> {
    return this.tail;
  }
}
