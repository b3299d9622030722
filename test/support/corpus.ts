/** The two real published packages (test/fixtures/corpus): every tier checks them for false errors. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = join(__dirname, '../fixtures/corpus');

export const CORPUS_FILES: readonly string[] = readdirSync(CORPUS_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => join(CORPUS_DIR, name));
