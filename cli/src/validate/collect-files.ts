/**
 * What `validate` checks: files named on the command line are always checked (and reported when
 * they are not packages); directories are searched recursively and globs expanded, and of the
 * YAML files found that way only SinasPackages are checked — the others are counted as skipped.
 * `node_modules` and dot-folders are not searched, as linters do.
 */
import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../io';

export interface Target {
  file: string;
  /** Named explicitly: checked even when it is not a package (and that is reported). */
  explicit: boolean;
}

const YAML_FILE = /\.ya?ml$/i;
const IGNORED_DIRS = ['**/node_modules/**', '**/.*/**'];

export async function collectTargets(paths: readonly string[]): Promise<Target[]> {
  const seen = new Map<string, Target>();
  const add = (file: string, explicit: boolean) => {
    const known = seen.get(normalize(file));
    if (known) known.explicit ||= explicit;
    else seen.set(normalize(file), { file, explicit });
  };
  for (const path of paths) {
    if (isDirectory(path)) {
      for (const file of await yamlFilesUnder(path)) add(file, false);
    } else if (isDynamicPattern(path)) {
      const matches = (await glob(path, { ignore: IGNORED_DIRS, onlyFiles: true, expandDirectories: false })).filter((f) => YAML_FILE.test(f)).sort();
      if (!matches.length) throw new UsageError(`no YAML file matches ${path}`);
      for (const file of matches) add(file, false);
    } else {
      add(path, true);
    }
  }
  return [...seen.values()];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function yamlFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      files.push(...(await yamlFilesUnder(path)));
    } else if (entry.isFile() && YAML_FILE.test(entry.name)) {
      files.push(path);
    }
  }
  return files;
}
