/**
 * The two real published packages (test/fixtures/corpus): every tier checks them for false errors.
 * They are named here, so a missing one fails the tests that read it instead of silently leaving
 * them with nothing to check.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = join(__dirname, '../fixtures/corpus');

export const CORPUS_NAMES = ['ddf-powerpoint', 'sinas-package-author'] as const;

export const CORPUS_FILES: readonly string[] = CORPUS_NAMES.map((name) => join(CORPUS_DIR, `${name}.yaml`));

/** Throws naming the missing files (call it where a suite starts). */
export function assertCorpusPresent(): void {
  const missing = CORPUS_FILES.filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`the corpus is incomplete; missing: ${missing.join(', ')}`);
}
