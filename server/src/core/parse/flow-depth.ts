/**
 * A guard before parsing: flow collections nested deeper than Sinas can read are refused at
 * once. PyYAML's composer recurses per level and hits Python's recursion limit at about 500
 * levels, so such a file never installs; parsing 20,000 levels here would only cost time.
 */
import { isBlank, isYamlBreak } from '../text/chars';

export const MAX_FLOW_DEPTH = 1000;

/** After these (or at a line start) a `[` or `{` opens a flow collection; elsewhere it is text. */
const OPENS_AFTER = new Set([':', '-', ',', '[', '{', '?']);

/**
 * Where the bracket opening level MAX_FLOW_DEPTH + 1 is, or undefined. One linear pass that
 * counts only brackets where YAML starts a collection, skipping quoted scalars and comments.
 */
export function excessiveNesting(text: string): number | undefined {
  if (text.length <= MAX_FLOW_DEPTH) return undefined;
  let depth = 0;
  let previous = '\n';
  // The current line's start and (once a quote needs it) its indentation.
  let lineStart = 0;
  let lineIndent = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '\n') {
      lineStart = i + 1;
      lineIndent = -1;
    }
    const atTokenStart = previous === '\n' || OPENS_AFTER.has(previous);
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i);
      if (end === -1) return undefined;
      i = end - 1;
      continue;
    }
    if (atTokenStart && (c === '"' || c === "'")) {
      // An unclosed quote is an error anyway; its brackets are then counted like the rest.
      if (lineIndent < 0) {
        lineIndent = 0;
        while (text[lineStart + lineIndent] === ' ') lineIndent++;
      }
      const quoted = quotedEnd(text, i, lineIndent);
      if (quoted) {
        i = quoted.end;
        if (quoted.lastBreak >= 0) {
          lineStart = quoted.lastBreak + 1;
          lineIndent = -1;
        }
      }
      previous = c;
      continue;
    }
    if (c === '[' || c === '{') {
      // Inside a flow collection a plain scalar ends at a bracket (`[a[b` opens two levels).
      if (!atTokenStart && depth === 0) {
        // Part of a plain scalar (`a[[`, `x = [[`): so are the brackets after it.
        previous = 'a';
        continue;
      }
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    // In a block, `:`, `-` and `?` are indicators only before a blank: `agents:"` and `-[` are
    // plain text, and so is what follows them on the line.
    previous = depth === 0 && (c === ':' || c === '-' || c === '?') && !blankOrEnd(text, i + 1) ? 'a' : c;
  }
  return undefined;
}

/** Whether `text[at]` is a space, a tab, a line break or past the end. */
function blankOrEnd(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return Number.isNaN(c) || isBlank(c) || isYamlBreak(c);
}

/**
 * The closing quote of the scalar quoted at `start` (and the last line break before it); undefined
 * when there is none before a line that is not blank and not indented deeper than `indent`, that
 * of the line the quote opened on. YAML ends the scalar there (missing closing quote) and reads
 * what follows, so a quote closed by another one far below must not hide the brackets in between;
 * nor must a `"` that only looked like an opening quote. (In a flow collection YAML may read on:
 * counting more brackets is the safe side.)
 */
function quotedEnd(text: string, start: number, indent: number): { end: number; lastBreak: number } | undefined {
  const quote = text[start];
  let lastBreak = -1;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return { end: i, lastBreak };
    } else if (c === '\n') {
      let next = i + 1;
      while (text[next] === ' ') next++;
      const blank = next >= text.length || text[next] === '\n' || text[next] === '\r';
      if (!blank && next - (i + 1) <= indent) return undefined;
      lastBreak = i;
    }
  }
  return undefined;
}
