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
 */
import type { Finding } from '../diagnostics/finding';
import type { Span } from '../text/span';

/** eemeli `yaml` codes for "a key with no `:`": a multi-line implicit key, or a key without a value. */
const KEY_ERRORS = new Set(['MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR']);
/** Indentation and `- ` indicators, then a plain scalar with no `:` in it, then maybe a comment. */
const BARE_WORD_LINE = /^([ \t]*(?:-[ \t]+)*)([^\s#'"{}[\],&*!|>%@`?:-][^:]*?)[ \t]*(?:[ \t]#.*)?$/;

export interface HalfTypedKeys {
  /** The text with each half-typed word replaced by spaces. */
  text: string;
  /** One finding per word; they replace the parser's findings on those lines. */
  findings: Finding[];
}

/** The half-typed keys the parser's `findings` point at, or undefined when there are none. */
export function findHalfTypedKeys(text: string, findings: readonly Finding[]): HalfTypedKeys | undefined {
  const words: Span[] = [];
  for (const finding of findings) {
    const yamlCode = (finding.data as { yamlCode?: string } | undefined)?.yamlCode;
    if (finding.code !== 'yaml-syntax' || !yamlCode || !KEY_ERRORS.has(yamlCode)) continue;
    const found = bareWordsOf(text, finding.span, yamlCode === 'MULTILINE_IMPLICIT_KEY');
    if (!found) continue;
    words.push(...found);
  }
  if (!words.length) return undefined;
  let repaired = '';
  let at = 0;
  for (const word of words) {
    repaired += text.slice(at, word.start) + ' '.repeat(word.end - word.start);
    at = word.end;
  }
  repaired += text.slice(at);
  return { text: repaired, findings: words.map((span) => halfTypedKeyFinding(text, span)) };
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
    const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
    if (multiline && lineEnd >= span.end) break;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() !== '') {
      const match = BARE_WORD_LINE.exec(line);
      if (!match) return undefined;
      const start = lineStart + match[1].length;
      words.push({ start, end: start + match[2].length });
    }
    if (!multiline || lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return words.length ? words : undefined;
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
