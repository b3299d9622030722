/**
 * The YAML files of the workspace folders, for workspace diagnostics: a breadth-first walk that
 * never enters `node_modules` or `.git`, skips what the editor's `files.exclude` hides, stops at
 * `maxFiles`, and yields to the event loop between directories so open documents are never kept
 * waiting.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';

export const YAML_FILE = /\.ya?ml$/i;
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface FoundFiles {
  files: string[];
  /** More YAML files exist than `maxFiles`. */
  truncated: boolean;
}

/** `files.exclude` as VS Code writes it: glob → true, or `{ when }` (sibling conditions: treated as excluded). */
export function excludeMatcher(filesExclude: unknown): (relativePath: string) => boolean {
  const globs = Object.entries(typeof filesExclude === 'object' && filesExclude !== null ? filesExclude : {})
    .filter(([, on]) => on === true || (typeof on === 'object' && on !== null))
    .map(([glob]) => glob);
  if (!globs.length) return () => false;
  const match = picomatch(globs, { dot: true });
  return (path) => match(path) || match(`${path}/`);
}

export interface Folder {
  path: string;
  /** Whether a path relative to the folder (with `/`) is hidden by `files.exclude`. */
  isExcluded: (relativePath: string) => boolean;
}

export async function findYamlFiles(folders: readonly Folder[], maxFiles: number): Promise<FoundFiles> {
  const files: string[] = [];
  for (const { path: folder, isExcluded } of folders) {
    const queue = [folder];
    while (queue.length) {
      const dir = queue.shift()!;
      let entries: Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        continue; // vanished or unreadable: not ours to report
      }
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(dir, entry.name);
        const rel = relative(folder, path).split(sep).join('/');
        if (entry.isDirectory()) {
          if (!ALWAYS_SKIPPED.has(entry.name) && !isExcluded(rel)) queue.push(path);
        } else if (entry.isFile() && YAML_FILE.test(entry.name) && !isExcluded(rel)) {
          if (files.length === maxFiles) return { files, truncated: true };
          files.push(path);
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { files, truncated: false };
}
