/**
 * A word alone at column 0 (`spe` being typed before `spec:`, or a line that lost its indentation)
 * can never be part of a package's block structure: PyYAML rejects the file, and YAML reads the
 * word together with the next line, so everything below it changes meaning. Such a line is read
 * as if it were blank: the chunk planner sees a blank line (line-table.ts), the region is parsed
 * with the word blanked (parse-region.ts), and the word gets one finding. Being decided by the
 * text alone, a fresh open and an edit session read it the same way, and the rest of the document
 * keeps its chunks. Indented half-typed words are found from YAML's own errors (half-typed-keys.ts).
 */
import type { Finding } from '../diagnostics/finding';
import { clip } from '../diagnostics/shown-text';
import { isBlank, isIndicator, isSpace, trailingCommentStart } from '../text/chars';
import type { Span } from '../text/span';

/** Characters a column-0 word cannot hold: a `:` may make it a key, quotes and brackets may open a node across lines. */
const NOT_INSIDE = new Set(Array.from(':\'"{}[],', (c) => c.charCodeAt(0)));

/**
 * Characters that make a line starting with them at column 0 unreadable: `@` and `` ` `` start no
 * YAML token ("found character '@' that cannot start any token"), in a flow collection too. Such a
 * line is read like a word, `:` allowed (content only inside a quoted scalar; like a word, it holds
 * no quote or bracket that could end a node the chunk planner follows across lines). `]`, `}` and
 * `,` are not among them: at column 0 they may close or continue a flow collection.
 */
const NO_TOKEN = new Set(Array.from('@`', (c) => c.charCodeAt(0)));
/** Characters the loop of columnZeroWordEnd takes into the word as they come: none of the above, no blank, break or control. */
const WORD_RUN = /[^\n\r \t:'"{}[\],\x00-\x1f\x7f-\x9f\ufffe\uffff]+/y;

/**
 * The end of the word alone on the line beginning at `start` (which must be a line start), or of
 * the line when it begins with a character that starts no token (NO_TOKEN); -1 when that line is
 * something else. Linear in the line's length.
 */
export function columnZeroWordEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  const noToken = NO_TOKEN.has(first);
  // Not an indicator (quotes, brackets, comments among them), a blank or a line break.
  if (!noToken && (Number.isNaN(first) || isIndicator(first) || isBlank(first) || first === 10 || first === 13)) return -1;
  // `...` ends a YAML document.
  if (first === 46 && text.startsWith('...', start) && /^(?:[ \t\r\n]|$)/.test(text.charAt(start + 3))) return -1;
  let wordEnd = start;
  for (let i = start; i < text.length; i++) {
    // A run of characters that only extend the word is skipped in one native search (a line can be megabytes).
    WORD_RUN.lastIndex = i;
    if (WORD_RUN.test(text)) {
      i = WORD_RUN.lastIndex;
      wordEnd = i;
      if (i >= text.length) break;
    }
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    if (isBlank(c)) {
      if (text.charCodeAt(i + 1) === 35 /* # */) break;
      continue;
    }
    if ((NOT_INSIDE.has(c) && !(noToken && c === 58)) || c < 32 || (c >= 0x7f && c <= 0x9f) || c === 0xfffe || c === 0xffff) return -1;
    wordEnd = i + 1;
  }
  return wordEnd;
}

/** Every column-0 word of `text`, in order. */
export function columnZeroWords(text: string): Span[] {
  const words: Span[] = [];
  for (let start = 0; start < text.length; ) {
    const end = columnZeroWordEnd(text, start);
    if (end > start) words.push({ start, end });
    const newline = text.indexOf('\n', start);
    if (newline === -1) break;
    start = newline + 1;
  }
  return words;
}

/**
 * The bare word of one line (no line break in it): after the indentation and any `- `
 * indicators, a plain word with no `:` in it, then maybe blanks and a comment (` # …`). Returns
 * [start, end) of the word within the line, or undefined. This is the regular expression
 * `^([ \t]*(?:-[ \t]+)*)([^\s#'"{}[\],&*!|>%@\`?:-][^:]*?)[ \t]*(?:[ \t]#.*)?$`, matched in one
 * pass: on a line of a hundred thousand tabs the expression backtracks for minutes.
 */
export function bareWordOfLine(line: string): { start: number; end: number } | undefined {
  let i = 0;
  while (isBlank(line.charCodeAt(i))) i++;
  while (line.charCodeAt(i) === 45 /* - */ && isBlank(line.charCodeAt(i + 1))) {
    i += 2;
    while (isBlank(line.charCodeAt(i))) i++;
  }
  const start = i;
  if (start >= line.length || isIndicator(line.charCodeAt(start)) || isSpace(line[start])) return undefined;
  // The word ends at the blanks before the first ` #` that starts a comment reaching the line's
  // end, or else at the trailing blanks; it holds no `:` either way.
  const comment = trailingCommentStart(line, start + 2, isBlank);
  let end = comment === -1 ? line.length : comment;
  while (end > start + 1 && isBlank(line.charCodeAt(end - 1))) end--;
  for (let k = start; k < end; k++) if (line.charCodeAt(k) === 58 /* : */) return undefined;
  return { start, end };
}

/** `text` with each span replaced by as many spaces (every offset stays). */
export function blankSpans(text: string, spans: readonly Span[]): string {
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  // Overlapping spans are blanked once: the text keeps its length, so every offset stays valid.
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const from = Math.max(span.start, at);
    out += text.slice(at, from) + ' '.repeat(Math.max(0, span.end - from));
    at = Math.max(at, span.end);
  }
  return out + text.slice(at);
}

/** Marks a finding on words the parse read as blanks: the tree is that of the text without them. */
export const READ_AS_ABSENT = Object.freeze({ readAsAbsent: true });

/** Whether `finding` is on words the parse read as blanks (the rest of the tree stands). */
export function readAsAbsent(finding: Finding): boolean {
  return finding.data?.readAsAbsent === true;
}

/** The one finding of a key being typed (`word`, at `span`), read as absent. */
export function halfTypedKeyFinding(word: string, span: Span): Finding {
  return {
    code: 'yaml-syntax',
    message: `\`${clip(word)}\` is not a key yet: a key is followed by \`:\` (\`${clip(firstToken(word))}: …\`). Sinas cannot read the file until it is; the rest is checked as if this line were not there.`,
    span,
    severity: 'error',
    data: READ_AS_ABSENT,
  };
}

/** `word` up to its first blank. */
function firstToken(word: string): string {
  const blank = word.search(/\s/);
  return blank === -1 ? word : word.slice(0, blank);
}

/** The finding of a column-0 word or unreadable line (columnZeroWordEnd) `word`, at `span`. */
export function columnZeroFinding(word: string, span: Span): Finding {
  if (!NO_TOKEN.has(word.charCodeAt(0))) return halfTypedKeyFinding(word, span);
  const first = word.charAt(0) === '`' ? 'a backtick' : `\`${word.charAt(0)}\``;
  return {
    code: 'yaml-syntax',
    message: `A line cannot start with ${first} here: YAML cannot read it, and Sinas rejects the file. Remove or indent it; the rest is checked as if this line were not there.`,
    span,
    severity: 'error',
    data: READ_AS_ABSENT,
  };
}
