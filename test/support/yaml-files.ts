import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.yaml` file under a directory, recursively, in a stable order. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return name.endsWith('.yaml') ? [path] : [];
    });
}
