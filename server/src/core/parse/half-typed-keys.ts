/**
 * A key being typed — a bare word on its own line (`  descr`), not yet followed by `:` — is one
 * mistake, but YAML reads it as part of a multi-line key with the next line (`descr name:`) or as
 * a key without a value, and everything below it changes meaning: the item loses its `name`,
 * `spec` disappears, every variable becomes undeclared. That is the cascade a half-typed key
 * caused (seven errors for one word).
 *
 * Here the parser's own verdict is used: the lines of a YAML error of that kind that hold nothing
 * but a bare word are blanked (same length, so every offset stays), the text is parsed again, and
 * each such word gets one finding. The document then reads as it will once the key is finished.
 *
 * The document parser is told exactly what each text it is given differs in (the blanked words
 * as same-length edits, and the words of the previous version as restored before this version's
 * edits), so it re-parses only the chunks they touch and an edit session ends with the findings
 * of a fresh open of the same text.
 */
import type { Finding } from '../diagnostics/finding';
import { append } from '../append';
import { isBlank, isYamlBreak } from '../text/chars';
import type { Span } from '../text/span';
import { textOf, textSlice, type DocumentText, type TextSource } from '../text/text-source';
import { afterYamlBreak, yamlLineEnd } from './line-breaks';
import { spanOrigin } from './nodes';
import { composeReplaced, type DocumentParser, type ParsedDocument } from './parse-document';
import { bareWordOfLine, blankSpans, halfTypedKeyFinding } from './stray-words';

/**
 * eemeli `yaml` codes for "a key with no `:`": a multi-line implicit key, a key without a value, or
 * words past the end of the collection a chunk holds (a section's name being typed at its column
 * below or inside an item, which the chunk planner keeps with that item: chunk-plan.ts,
 * startsNothing).
 */
const KEY_ERRORS = new Set(['MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'UNEXPECTED_TOKEN']);

/** A word blanked in a reading, with what it was. */
interface BlankedWord extends Span {
  text: string;
}

/** Per document parser: the words blanked in what it last parsed. */
const lastRepair = new WeakMap<DocumentParser, BlankedWord[]>();

/**
 * Parses `text` with half-typed keys blanked; their findings replace what YAML said about them.
 * Only the lines of the key errors are read, not the whole text: typing a key inside one item of
 * a large package stays an edit of that item.
 */
export function parseAsTyped(source: DocumentText, parser: DocumentParser): ParsedDocument {
  const last = lastRepair.get(parser);
  lastRepair.delete(parser);
  // The parser last read the previous version with these words blanked: they are back first.
  for (const word of last ?? []) parser.noteRestored(word.start, word.end, word.text);
  let parsed = parser.parse(source);
  if (!parsed.findings.some(isKeyError)) {
    parser.forgetDropped();
    return parsed;
  }
  const words: BlankedWord[] = [];
  // The text with the words blanked, built only if the parser needs it whole.
  const blanked: TextSource = { length: source.length, read: () => blankSpans(textOf(source), words) };
  // At most twice: new half-typed keys show up as YAML errors of the text parsed so far.
  for (let round = 0; round < 2; round++) {
    // Two errors over the same lines (`yaml` reports a multi-line key both as such and as a key
    // without its `:`) name the same words: each is blanked once.
    const first = firstErrors(parsed.findings);
    const found = distinctWords(parsed.findings.flatMap((f) => newWords(source, f, first)));
    if (!found.length) break;
    for (const word of found) parser.noteChange(word.start, word.end, ' '.repeat(word.end - word.start));
    append(words, found);
    const again = parser.parse(blanked, true);
    // An entry replaced by one reading and again by the next is not followed: the whole text is detected again.
    parsed = { ...again, replaced: composeReplaced(parsed.replaced, again.replaced), replacedEntry: undefined, parsedChunks: parsed.parsedChunks + again.parsedChunks, parsedLength: parsed.parsedLength + again.parsedLength };
  }
  parser.forgetDropped();
  if (!words.length) return parsed;
  lastRepair.set(parser, words);
  return { ...parsed, findings: [...parsed.findings, ...words.map((w) => halfTypedKeyFinding(w.text, { start: w.start, end: w.end }))] };
}

function distinctWords(words: BlankedWord[]): BlankedWord[] {
  const seen = new Set<number>();
  return words.filter((word) => !seen.has(word.start) && !!seen.add(word.start));
}

/**
 * The first YAML error of each chunk. A stray token is a half-typed key only when it is its chunk's
 * first error: after it, the rest of the chunk is read past the end of its collection, and every
 * line of a prompt below gives a stray token too, which the word blanked puts back in place.
 */
function firstErrors(findings: readonly Finding[]): Set<Finding> {
  const first = new Map<unknown, Finding>();
  for (const f of findings) {
    if (f.code !== 'yaml-syntax') continue;
    const origin = spanOrigin(f.span);
    const seen = first.get(origin);
    if (!seen || f.span.start < seen.span.start) first.set(origin, f);
  }
  return new Set(first.values());
}

/** The bare words of a key error (the words blanked already never show up as errors). */
function newWords(source: DocumentText, finding: Finding, firstOfChunk: ReadonlySet<Finding>): BlankedWord[] {
  if (!isKeyError(finding)) return [];
  const yamlCode = (finding.data as { yamlCode?: string }).yamlCode;
  // A stray token counts when it is its chunk's first error and begins its line, where a word can
  // stand alone (checked first: 150,000 stray tokens on one line stay cheap).
  if (yamlCode === 'UNEXPECTED_TOKEN' && (!firstOfChunk.has(finding) || !startsItsLine(source, finding.span.start))) return [];
  const view = around(source, finding.span);
  // A stray token's first line is the word: YAML reads the lines under it on into the same token.
  const words = bareWordsOf(view.text, { start: finding.span.start - view.from, end: finding.span.end - view.from }, yamlCode === 'MULTILINE_IMPLICIT_KEY') ?? [];
  return words.map((w) => ({ start: w.start + view.from, end: w.end + view.from, text: view.text.slice(w.start, w.end) }));
}

/**
 * The text around an error's span, starting at offset `from`. The span runs from the first word to
 * the end of the error's last word, so all the words lie inside it; past the margin a line can only
 * hold more indentation before them or more of a comment after them, which change no word.
 */
function around(source: DocumentText, span: Span): { text: string; from: number } {
  const from = Math.max(0, span.start - MARGIN);
  return { text: textSlice(source, from, Math.min(source.length, span.end + MARGIN)), from };
}
const MARGIN = 4096;

function isKeyError(finding: Finding): boolean {
  const yamlCode = (finding.data as { yamlCode?: string } | undefined)?.yamlCode;
  return finding.code === 'yaml-syntax' && !!yamlCode && KEY_ERRORS.has(yamlCode);
}

/** Whether only blanks stand between the start of its line and `at`. */
function startsItsLine(source: DocumentText, at: number): boolean {
  for (let end = at; end > 0; ) {
    const from = Math.max(0, end - 256);
    const before = textSlice(source, from, end);
    for (let i = before.length - 1; i >= 0; i--) {
      const c = before.charCodeAt(i);
      if (isYamlBreak(c)) return true;
      if (!isBlank(c)) return false;
    }
    end = from;
  }
  return true;
}

/**
 * The bare words of an error's lines: its first line for a key without a value; for a multi-line
 * key, every line but the last (which holds the real key and its `:`). Undefined if any such line
 * is not a bare word (then the error is something else, and stays as the parser said).
 */
function bareWordsOf(text: string, span: Span, multiline: boolean): Span[] | undefined {
  const words: Span[] = [];
  let lineStart = span.start;
  while (lineStart > 0 && !isYamlBreak(text.charCodeAt(lineStart - 1))) lineStart--;
  for (;;) {
    const lineEnd = yamlLineEnd(text, lineStart);
    if (multiline && lineEnd >= span.end) break;
    if (text.slice(lineStart, lineEnd).trim() !== '') {
      const word = bareWord(text, lineStart, lineEnd);
      if (!word) return undefined;
      words.push(word);
    }
    if (!multiline || lineEnd >= text.length) break;
    lineStart = afterYamlBreak(text, lineEnd);
  }
  return words.length ? words : undefined;
}

function bareWord(text: string, lineStart: number, lineEnd: number): Span | undefined {
  const word = bareWordOfLine(text.slice(lineStart, lineEnd));
  // `...` alone ends a YAML document; it is no key.
  if (!word || text.slice(lineStart + word.start, lineStart + word.end) === '...') return undefined;
  return { start: lineStart + word.start, end: lineStart + word.end };
}
