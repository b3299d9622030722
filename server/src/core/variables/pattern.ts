/**
 * The one reading of a text variable's `pattern`, used by the rules, the VS Code install prompt,
 * the CLI and the sandbox alike: a Python `re` pattern (the backend is Python), and a value fits
 * when it CONTAINS a match (`re.search`, as JSON Schema's `pattern`); write `^…$` to constrain the
 * whole value. Matching runs on RE2 (re2js, loaded on first use), so it takes time linear in the
 * value whatever the pattern: no input can hang an editor, a prompt or the sandbox. What RE2
 * cannot run (backreferences, lookaround, …) is reported as "cannot be checked here", never as a
 * mismatch.
 */
import type { RE2JS } from 're2js';
import { parsePythonPattern, PatternSyntaxError, UnsupportedFlag, UnsupportedName } from './python-regex/parse';
import { NotTranslatable, toRe2, type Re2Translation } from './python-regex/to-re2';

/** Longer patterns are not checked here (they are still sent to the server as written). */
export const MAX_PATTERN_LENGTH = 10_000;

export type PatternReading =
  | { kind: 'invalid'; reason: string }
  | { kind: 'uncheckable'; reason: string }
  | { kind: 'checkable'; translation: Re2Translation };

export type PatternVerdict =
  | { kind: 'match' }
  | { kind: 'mismatch' }
  /** The pattern is fine but this value (or this pattern) cannot be judged here; the server decides. */
  | { kind: 'unchecked'; reason: string }
  | { kind: 'invalid'; reason: string };

const readings = new Map<string, PatternReading>();
const compiled = new Map<string, RE2JS | Error>();
const CACHE_LIMIT = 256;

/** What this tool can say about `pattern` (memoised). */
export function readPattern(pattern: string): PatternReading {
  let reading = readings.get(pattern);
  if (!reading) {
    reading = read(pattern);
    remember(readings, pattern, reading);
  }
  return reading;
}

function read(pattern: string): PatternReading {
  if (pattern.length > MAX_PATTERN_LENGTH) return { kind: 'uncheckable', reason: `it is longer than ${MAX_PATTERN_LENGTH.toLocaleString('en')} characters` };
  let translation: Re2Translation;
  try {
    translation = toRe2(parsePythonPattern(pattern));
  } catch (error) {
    if (error instanceof PatternSyntaxError) return { kind: 'invalid', reason: error.message };
    if (error instanceof NotTranslatable) return { kind: 'uncheckable', reason: `it uses ${error.construct}` };
    if (error instanceof UnsupportedName) return { kind: 'uncheckable', reason: 'it uses a named character `\\N{…}`' };
    if (error instanceof UnsupportedFlag) return { kind: 'uncheckable', reason: 'it uses the template flag `t`' };
    throw error;
  }
  for (const source of [translation.source, translation.sourceMultilineEnd]) {
    if (source === undefined) continue;
    const program = compile(source);
    if (program instanceof Error) return { kind: 'uncheckable', reason: `the linear-time engine cannot run it (${program.message.replace(/^error parsing regexp: /, '')})` };
  }
  return { kind: 'checkable', translation };
}

/** Does `value` contain a match for `pattern`? */
export function testPattern(pattern: string, value: string): PatternVerdict {
  const reading = readPattern(pattern);
  if (reading.kind === 'invalid') return reading;
  if (reading.kind === 'uncheckable') return { kind: 'unchecked', reason: `the pattern cannot be checked here: ${reading.reason}` };
  const { translation } = reading;
  // Python's `\b` follows Unicode letters, RE2's only ASCII ones; Python's `\B` never matches in ''.
  if ((translation.unicodeBoundary && /[^\x00-\x7f]/.test(value)) || (translation.nonBoundary && value === '')) {
    return { kind: 'unchecked', reason: 'the pattern cannot be checked here: `\\b` or `\\B` with this value' };
  }
  let source = translation.source;
  // Python's `$` also matches just before a final line break.
  if (translation.sourceMultilineEnd !== undefined && value.endsWith('\n')) {
    if (value.indexOf('\n') !== value.length - 1) return { kind: 'unchecked', reason: 'the pattern cannot be checked here: `$` with a multi-line value' };
    source = translation.sourceMultilineEnd;
  }
  return (compile(source) as RE2JS).test(value) ? { kind: 'match' } : { kind: 'mismatch' };
}

/** The sentence shown when a value does not fit: what the pattern means, and how to anchor it. */
export function mismatchMessage(pattern: string): string {
  return `must contain a match for the pattern ${pattern}`;
}

function compile(source: string): RE2JS | Error {
  let program = compiled.get(source);
  if (!program) {
    try {
      program = loadRe2().compile(source);
    } catch (error) {
      program = error instanceof Error ? error : new Error(String(error));
    }
    remember(compiled, source, program);
  }
  return program;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

let re2: typeof RE2JS | undefined;
/** re2js loads on the first pattern: most documents have none, and it is a sizeable module. */
function loadRe2(): typeof RE2JS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (re2 ??= (require('re2js') as typeof import('re2js')).RE2JS);
}
