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
 * While the word is being typed, each keystroke would pay that twice (the broken text, where the
 * word swallows the next section into one large chunk, then the repaired one). So the words blanked
 * for the previous version are blanked again right away when the edit did not touch the lines
 * above them and they are still bare words: the parser then only sees repaired texts, and an
 * edit costs what any other edit costs.
 */
import type { Finding } from '../diagnostics/finding';
import type { Span } from '../text/span';
import { textOf, type DocumentText } from '../text/text-source';
import { changedRegion, type DocumentParser, type ParsedDocument } from './parse-document';

/** eemeli `yaml` codes for "a key with no `:`": a multi-line implicit key, or a key without a value. */
const KEY_ERRORS = new Set(['MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR']);
/** Indentation and `- ` indicators, then a plain scalar with no `:` in it, then maybe a comment. */
const BARE_WORD_LINE = /^([ \t]*(?:-[ \t]+)*)([^\s#'"{}[\],&*!|>%@`?:-][^:]*?)[ \t]*(?:[ \t]#.*)?$/;

/** Per document parser: the text of its last version and the words blanked in it. */
const lastRepair = new WeakMap<DocumentParser, { text: string; words: Span[] }>();

/** Parses `text` with half-typed keys blanked; their findings replace what YAML said about them. */
export function parseAsTyped(source: DocumentText, parser: DocumentParser): ParsedDocument {
  const last = lastRepair.get(parser);
  let first: ParsedDocument | undefined;
  if (typeof source !== 'string' && !last?.words.length) {
    // Nothing blanked before: parse the edit as it is, and read the whole text only if a key error shows up.
    first = parser.parse(source);
    if (!first.findings.some(isKeyError)) {
      lastRepair.delete(parser);
      return first;
    }
  }
  const text = textOf(source);
  const words = carriedWords(text, last);
  let parsed = first ?? parser.parse(blank(text, words));
  // At most twice: new half-typed keys show up as YAML errors of the text parsed so far.
  for (let round = 0; round < 2; round++) {
    const found = parsed.findings.flatMap((f) => newWords(text, f));
    if (!found.length) break;
    words.push(...found);
    parsed = parser.parse(blank(text, words));
  }
  lastRepair.set(parser, { text, words });
  if (!words.length) return parsed;
  return { ...parsed, findings: [...parsed.findings, ...words.map((w) => halfTypedKeyFinding(text, w))] };
}

/**
 * The previous version's blanked words, where they are now: kept when the edit lies within their
 * line or after it (what is above a line decides how YAML reads it) and the line is still a bare
 * word; the word is re-read from the line, since it may be what is being typed.
 */
function carriedWords(text: string, last: { text: string; words: Span[] } | undefined): Span[] {
  if (!last?.words.length) return [];
  const { prefix, delta } = changedRegion(last.text, text);
  const out: Span[] = [];
  for (const word of last.words) {
    const lineStart = last.text.lastIndexOf('\n', word.start - 1) + 1;
    if (prefix < lineStart) continue;
    const oldLineEnd = lineEndOf(last.text, lineStart);
    // Within the line: the line now ends `delta` later; after it: nothing moved.
    const lineEnd = prefix <= oldLineEnd ? lineEndOf(text, lineStart) : oldLineEnd;
    if (prefix <= oldLineEnd && lineEnd !== oldLineEnd + delta) continue; // a line break was typed or removed
    const found = bareWord(text, lineStart, lineEnd);
    if (found) out.push(found);
  }
  return out;
}

/** The bare words of a key error (the words blanked already never show up as errors). */
function newWords(text: string, finding: Finding): Span[] {
  if (!isKeyError(finding)) return [];
  const yamlCode = (finding.data as { yamlCode?: string }).yamlCode;
  return bareWordsOf(text, finding.span, yamlCode === 'MULTILINE_IMPLICIT_KEY') ?? [];
}

function isKeyError(finding: Finding): boolean {
  const yamlCode = (finding.data as { yamlCode?: string } | undefined)?.yamlCode;
  return finding.code === 'yaml-syntax' && !!yamlCode && KEY_ERRORS.has(yamlCode);
}

/**
 * The bare words of an error's lines: its first line for a key without a value; for a multi-line
 * key, every line but the last (which holds the real key and its `:`). Undefined if any such line
 * is not a bare word (then the error is something else, and stays as the parser said).
 */
function bareWordsOf(text: string, span: Span, multiline: boolean): Span[] | undefined {
  const words: Span[] = [];
  let lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  for (;;) {
    const lineEnd = lineEndOf(text, lineStart);
    if (multiline && lineEnd >= span.end) break;
    if (text.slice(lineStart, lineEnd).trim() !== '') {
      const word = bareWord(text, lineStart, lineEnd);
      if (!word) return undefined;
      words.push(word);
    }
    if (!multiline || lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return words.length ? words : undefined;
}

function bareWord(text: string, lineStart: number, lineEnd: number): Span | undefined {
  const match = BARE_WORD_LINE.exec(text.slice(lineStart, lineEnd));
  // `...` alone ends a YAML document; it is no key.
  if (!match || match[2] === '...') return undefined;
  const start = lineStart + match[1].length;
  return { start, end: start + match[2].length };
}

function lineEndOf(text: string, lineStart: number): number {
  const end = text.indexOf('\n', lineStart);
  return end === -1 ? text.length : end;
}

/** `text` with each word replaced by as many spaces. */
function blank(text: string, words: readonly Span[]): string {
  if (!words.length) return text;
  let out = '';
  let at = 0;
  for (const word of [...words].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, word.start) + ' '.repeat(word.end - word.start);
    at = word.end;
  }
  return out + text.slice(at);
}

function halfTypedKeyFinding(text: string, span: Span): Finding {
  const word = text.slice(span.start, span.end);
  return {
    code: 'yaml-syntax',
    message: `\`${word}\` is not a key yet: a key is followed by \`:\` (\`${word.split(/\s+/)[0]}: …\`). Sinas cannot read the file until it is; the rest is checked as if this line were not there.`,
    span,
    severity: 'error',
  };
}
