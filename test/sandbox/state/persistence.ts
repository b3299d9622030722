/**
 * `--data FILE`: the state as one JSON file, replaced atomically (write a temp file, fsync it,
 * rename over the target, fsync the directory). A crash at any point leaves either the old or the
 * new file, never a torn one; the temp files of crashed processes are removed on the next start.
 */
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
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

const tempName = (file: string, pid: number) => `.${basename(file)}.${pid}.tmp`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes `.FILE.<pid>.tmp` files left by sandboxes that died mid-write (never a live one's). */
export async function removeStaleTempFiles(file: string): Promise<string[]> {
  const prefix = `.${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    const middle = name.startsWith(prefix) && name.endsWith('.tmp') ? name.slice(prefix.length, -'.tmp'.length) : '';
    const pid = /^\d+$/.test(middle) ? Number(middle) : 0;
    return pid > 0 && pid !== process.pid && !isRunning(pid);
  });
  await Promise.all(stale.map((name) => unlink(join(dirname(file), name)).catch(() => undefined)));
  return stale;
}

export async function writeAtomic(file: string, contents: string): Promise<void> {
  const temp = join(dirname(file), tempName(file, process.pid));
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
