/**
 * PyYAML ignores indentation inside flow collections and quoted scalars (`tools: [a,` then `b]`,
 * or a quoted prompt continued at column 0, are fine); the `yaml` library, following YAML 1.2,
 * cuts such a node off and reports it. When that happens the node's line breaks are turned into
 * spaces (same length, so every offset stays put) and the region is parsed again. In a flow
 * collection, line breaks inside quotes and those that end a comment are kept: they carry meaning.
 * (A joined quoted scalar keeps its inner spaces where YAML would fold them; its value is still a
 * string, which is all the checks look at.)
 */
import { append } from '../append';

function skipQuoted(text: string, i: number): number {
  const quote = text[i];
  for (i++; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}

/** End (exclusive) of the flow collection or quoted scalar opening at `start`; undefined when it never closes. */
function nodeEnd(text: string, start: number): number | undefined {
  if (text[start] === '"' || text[start] === "'") {
    const close = skipQuoted(text, start);
    return close < text.length ? close + 1 : undefined;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = skipQuoted(text, i);
    else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
    } else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return i + 1;
  }
  return undefined;
}

/** Line breaks of one node that may become spaces. */
function breaksIn(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  const quoted = text[start] === '"' || text[start] === "'";
  let comment = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (!quoted && (c === '"' || c === "'")) i = skipQuoted(text, i);
    else if (!quoted && c === '#' && /\s/.test(text[i - 1] ?? ' ')) comment = true;
    else if (c === '\n' || c === '\r') {
      if (!comment) out.push(i);
      if (c === '\n') comment = false;
    }
  }
  return out;
}

/**
 * Whether a node ending at `end` can be whole: only spaces, a comment, `,`, `]`, `}` or `:` may
 * follow on its line. Otherwise (a quote typed before a word, say) joining cannot help.
 */
function endsCleanly(text: string, end: number): boolean {
  return /^[ \t]*(?:[,\]}:#]|\r?\n|$)/.test(text.slice(end, end + 200));
}

/** The text with the line breaks of the nodes opening at `starts` replaced by spaces. */
export function joinLines(text: string, starts: readonly number[]): string {
  const positions: number[] = [];
  for (const start of starts) {
    const end = nodeEnd(text, start);
    if (end !== undefined && endsCleanly(text, end)) append(positions, breaksIn(text, start, end));
  }
  if (positions.length === 0) return text;
  return withSpaces(text, positions.sort((a, b) => a - b).map((at) => [at, at + 1]));
}

/**
 * `text` with the characters of each [from, to) (in order, not overlapping) replaced by spaces:
 * slices of the text between them, so a long text costs its length once, not an array of its characters.
 */
function withSpaces(text: string, spans: readonly (readonly [number, number])[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of spans) {
    if (to <= at) continue;
    const start = Math.max(from, at);
    parts.push(text.slice(at, start), ' '.repeat(to - start));
    at = to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** A key with nothing but a comment after its colon (dashes before it allowed): group 1 is its indentation, group 2 up to the colon. */
const EMPTY_KEY_LINE = /^(([ ]*(?:-[ ]+)*)[^\s#-][^\n]*?:)(?:[ ]+#[^\n]*)?[ ]*\r?$/;
/** A line holding only a block scalar header (`|`, `>-`, `|2+ # note`). */
const BLOCK_HEADER_LINE = /^([ ]*)[|>][-+1-9]{0,2}[ ]*(?:#[^\n]*)?\r?$/;

/**
 * PyYAML reads a block scalar whose header sits on a line below its key, at the key's own column
 * (`code:` then `|` under the `c`), as that key's value; the `yaml` library reads the header as
 * the start of a new key and fails. Everything between the colon and the header (line breaks,
 * blank lines, comments) becomes spaces, so the header joins its key's line and every offset
 * stays put.
 */
export function raiseBlockHeaders(text: string): string {
  const lines = text.split('\n');
  let offset = 0;
  let key: { column: number; colonEnd: number } | undefined;
  const spans: [number, number][] = [];
  for (const line of lines) {
    const header = BLOCK_HEADER_LINE.exec(line);
    if (header && key && header[1].length === key.column) spans.push([key.colonEnd, offset + header[1].length]);
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      const keyLine = EMPTY_KEY_LINE.exec(line);
      key = keyLine ? { column: keyLine[2].length, colonEnd: offset + keyLine[1].length } : undefined;
    }
    offset += line.length + 1;
  }
  if (spans.length === 0) return text;
  return withSpaces(text, spans);
}
