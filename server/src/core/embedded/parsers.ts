/**
 * The parsers of the languages inside a package (Python, PostgreSQL, Jinja2, the JSON Schema
 * meta-schemas) are large or slow to compile, and two are WebAssembly, so none is loaded before
 * a package needs it, and never inside an analysis: `embeddedParser(language)` answers
 * `undefined` until it has loaded, and the checks that need it stay silent for that version (as
 * for any fact not known yet). The language server (`loadEmbeddedParsersOnDemand`) then loads it
 * in the background: the generation moves on, memoised item findings are recomputed on the next
 * analysis, and `onEmbeddedParserLoaded` listeners re-validate open documents. The CLI loads only
 * what a file asked for and analyses it again (`loadRequestedEmbeddedParsers`); the tests load
 * everything first (`loadEmbeddedParsers`). Commands that need none (install, the sandbox) load none.
 */
import type { JinjaParser } from './jinja/parse-jinja';
import type { MetaSchemaChecker } from './json-schema/meta-schema';
import type { PythonParser } from './python/parse-python';
import type { SqlParser } from './sql/parse-sql';

export interface EmbeddedParsers {
  python: PythonParser;
  sql: SqlParser;
  jinja: JinjaParser;
  jsonSchema: MetaSchemaChecker;
}
export type EmbeddedLanguage = keyof EmbeddedParsers;

interface Slot<T> {
  value?: T;
  loading?: Promise<T | undefined>;
  error?: unknown;
}

// `require`, not `import()`: the bundles are CommonJS, and esbuild evaluates a required module
// only when it is first required, which is what keeps these out of the server's start.
/* eslint-disable @typescript-eslint/no-require-imports */
const LOADERS: { [L in EmbeddedLanguage]: () => Promise<EmbeddedParsers[L]> } = {
  python: async () => (require('./python/parse-python') as typeof import('./python/parse-python')).createPythonParser(),
  sql: async () => (require('./sql/parse-sql') as typeof import('./sql/parse-sql')).createSqlParser(),
  jinja: async () => (require('./jinja/parse-jinja') as typeof import('./jinja/parse-jinja')).createJinjaParser(),
  jsonSchema: async () => (require('./json-schema/meta-schema') as typeof import('./json-schema/meta-schema')).createMetaSchemaChecker(),
};
/* eslint-enable @typescript-eslint/no-require-imports */

const slots: { [L in EmbeddedLanguage]: Slot<EmbeddedParsers[L]> } = { python: {}, sql: {}, jinja: {}, jsonSchema: {} };
const listeners = new Set<(language: EmbeddedLanguage, error?: unknown) => void>();
const requested = new Set<EmbeddedLanguage>();
let onDemand = false;
let generation = 0;

/** The parser if it is loaded; otherwise notes the need (and, on demand, starts loading it) and returns undefined. */
export function embeddedParser<L extends EmbeddedLanguage>(language: L): EmbeddedParsers[L] | undefined {
  const slot = slots[language];
  if (slot.value === undefined && slot.error === undefined) {
    requested.add(language);
    if (onDemand && !slot.loading) void load(language);
  }
  return slot.value;
}

/** From now on a parser starts loading, in the background, as soon as an analysis needs it. */
export function loadEmbeddedParsersOnDemand(): void {
  onDemand = true;
  for (const language of requested) void load(language);
}

/** Loads the parsers analyses asked for and did not have; true when one was loaded (analyse again). */
export async function loadRequestedEmbeddedParsers(): Promise<boolean> {
  const missing = [...requested].filter((language) => slots[language].value === undefined && slots[language].error === undefined);
  requested.clear();
  if (missing.length === 0) return false;
  await loadEmbeddedParsers(missing);
  return missing.some((language) => slots[language].value !== undefined);
}

/** Loads the given parsers (all by default); a parser that cannot load stays absent (its checks silent). */
export async function loadEmbeddedParsers(languages: readonly EmbeddedLanguage[] = ['python', 'sql', 'jinja', 'jsonSchema']): Promise<void> {
  await Promise.all(languages.map((language) => load(language)));
}

/** Changes whenever a parser finishes loading: part of the key of memoised item findings. */
export function embeddedGeneration(): number {
  return generation;
}

/** Called after each parser has loaded (or failed to, with the error); returns an unsubscribe. */
export function onEmbeddedParserLoaded(listener: (language: EmbeddedLanguage, error?: unknown) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function load<L extends EmbeddedLanguage>(language: L): Promise<EmbeddedParsers[L] | undefined> {
  const slot = slots[language];
  if (slot.value !== undefined) return Promise.resolve(slot.value);
  slot.loading ??= (async () => {
    // Never inside the analysis that asked: the module is evaluated on a later turn.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      slot.value = await LOADERS[language]();
      generation++;
    } catch (error) {
      slot.error = error;
    }
    for (const listener of listeners) listener(language, slot.error);
    return slot.value;
  })();
  return slot.loading;
}
