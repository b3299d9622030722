/**
 * Text of another language held in a YAML string scalar (Python `code`, query `sql`, a Jinja
 * template): the value the backend reads, with each `${{ … }}` masked by a same-length
 * identifier (its value is unknown until install), and the mapping of positions in that value
 * back to the YAML document through quotes and a block scalar's indentation.
 */
import type { YNode, YScalar } from '../parse/yaml-tree';
import { asString, spanInScalar } from '../rules/support/scalar';
import type { Span } from '../text/span';

export interface EmbeddedText {
  /** The scalar's value with every `${{ … }}` replaced by `x…x` of the same length. */
  readonly source: string;
  /** Where the `${{ … }}` expressions were, as offsets into `source`. */
  readonly placeholders: readonly Span[];
  readonly node: YScalar;
}

export interface EmbeddedProblem {
  /** Offsets into the embedded source. */
  start: number;
  end: number;
  message: string;
  /** The problem depends on text after it (an unterminated string or block): any later placeholder may resolve it. */
  reachesEnd?: boolean;
}

const EXPRESSION = /\$\{\{[^\n]*?\}\}|\$\{\{[^\n]*/g;

export function embeddedText(node: YNode | null | undefined): EmbeddedText | undefined {
  const scalar = asString(node);
  if (!scalar) return undefined;
  const placeholders: Span[] = [];
  const source = scalar.value.replace(EXPRESSION, (match, at: number) => {
    placeholders.push({ start: at, end: at + match.length });
    return 'x'.repeat(match.length);
  });
  return { source, placeholders, node: scalar };
}

/**
 * Whether a problem is certain whatever the install-time values: parsers read left to right, so
 * a problem that ends before the first `${{ … }}` cannot depend on it.
 */
export function certainDespiteVariables(text: EmbeddedText, problem: EmbeddedProblem): boolean {
  if (text.placeholders.length === 0) return true;
  if (problem.reachesEnd) return false;
  return text.placeholders[0].start >= Math.max(problem.end, problem.start + 1);
}

/**
 * The document span of a problem: exact on its first line, at least one character wide (a
 * problem at the end of a line or of the text marks the character before it).
 */
export function documentSpan(document: string, text: EmbeddedText, start: number, end: number): Span {
  const { source } = text;
  let from = Math.min(Math.max(0, start), source.length);
  const lineEnd = source.indexOf('\n', from) === -1 ? source.length : source.indexOf('\n', from);
  let to = Math.min(Math.max(end, from), lineEnd);
  if (to === from) {
    if (from < lineEnd) to = from + 1;
    else {
      // At the end of a line or of the text: mark the last character written before it.
      while (from > 0 && /\s/.test(source[from - 1])) from--;
      if (from === 0) return text.node;
      to = from;
      from -= 1;
    }
  }
  return spanInScalar(document, text.node, from, Math.max(1, to - from));
}
