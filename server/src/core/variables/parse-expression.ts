/**
 * Reads one `${{ … }}` occurrence from raw text. Sinas substitutes only the exact form
 * `${{ vars.NAME }}` (plain text replacement before parsing), so anything else is reported with
 * the reason and, where obvious, the text it should have been.
 */
import type { Span } from '../text/span';

export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type Expression =
  | { kind: 'var'; span: Span; name: string; nameSpan: Span }
  | { kind: 'malformed'; span: Span; reason: string; replacement?: string; name?: string; nameSpan?: Span };

/**
 * `indexOf` for positions that only grow (a scan from the start of the text): each search starts
 * where it is needed and an answer is reused until the scan passes it, so a whole scan reads the
 * text once, however long its lines and however many `${{` are never closed.
 */
export class ForwardSearch {
  private searchedFrom = Infinity;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  indexFrom(from: number): number {
    if (from < this.searchedFrom || (this.found !== -1 && this.found < from)) {
      this.found = this.text.indexOf(this.needle, from);
      this.searchedFrom = from;
    }
    return this.found;
  }
}

export interface ExpressionScan {
  close: ForwardSearch;
  newline: ForwardSearch;
}

export const expressionScan = (text: string): ExpressionScan => ({ close: new ForwardSearch(text, '}}'), newline: new ForwardSearch(text, '\n') });

/**
 * Parses the expression starting at `start` (the `$` of `${{`); `limit` is where the scalar (or
 * line) ends, so an unclosed expression never swallows what follows. A caller reading every
 * expression in order passes one `scan` for all of them (linear in the text).
 */
export function parseExpression(text: string, start: number, limit: number, scan: ExpressionScan = expressionScan(text)): Expression {
  const close = scan.close.indexFrom(start + 3);
  const lineEnd = scan.newline.indexFrom(start);
  const bound = Math.min(limit, lineEnd === -1 ? text.length : lineEnd);
  if (close === -1 || close + 2 > bound) {
    const end = Math.max(start + 3, trimRight(text, start, bound));
    return { kind: 'malformed', span: { start, end }, reason: 'This `${{` is never closed; add `}}`.' };
  }
  const span = { start, end: close + 2 };
  const innerStart = start + 3;
  const inner = text.slice(innerStart, close);
  const body = inner.trim();
  const bodyStart = innerStart + (inner.length - inner.trimStart().length);
  if (body === '') return { kind: 'malformed', span, reason: 'Empty expression; write `${{ vars.NAME }}`.' };

  const match = /^([A-Za-z_][\w-]*)\s*\.\s*(\S*)$/.exec(body);
  // Only `vars.NAME` with nothing between `vars`, `.` and the name is substituted.
  if (match && match[1] === 'vars' && /^vars\.(?!\s)/.test(body)) {
    const name = match[2];
    const nameStart = bodyStart + body.indexOf('.') + 1;
    const nameSpan = { start: nameStart, end: nameStart + name.length };
    if (VARIABLE_NAME.test(name)) return { kind: 'var', span, name, nameSpan };
    const head = /^[A-Za-z_][A-Za-z0-9_]*/.exec(name)?.[0];
    if (head) {
      return {
        kind: 'malformed',
        span,
        name: head,
        nameSpan: { start: nameStart, end: nameStart + head.length },
        reason: `Sinas only substitutes \`\${{ vars.NAME }}\`; \`${body}\` is not evaluated (no filters, properties or operators).`,
        replacement: `\${{ vars.${head} }}`,
      };
    }
    return { kind: 'malformed', span, reason: `\`${name || '(nothing)'}\` is not a variable name; names are letters, digits and \`_\`, not starting with a digit.` };
  }
  if (match) {
    const context = match[1];
    const rest = match[2];
    if (context === 'vars' && VARIABLE_NAME.test(rest)) {
      return {
        kind: 'malformed',
        span,
        reason: `Spaces around the \`.\`: Sinas only substitutes \`\${{ vars.NAME }}\` written without them, so this would be installed as literal text.`,
        replacement: `\${{ vars.${rest} }}`,
      };
    }
    if (context === 'var' || context === 'variables' || context === 'Vars' || context === 'VARS') {
      return {
        kind: 'malformed',
        span,
        reason: `Unknown context \`${context}\`; did you mean \`vars.${rest}\`?`,
        replacement: `\${{ vars.${rest} }}`,
      };
    }
    return {
      kind: 'malformed',
      span,
      reason: `Sinas only substitutes \`vars.NAME\`; \`${context}.${rest}\` would be installed as literal text.`,
    };
  }
  if (VARIABLE_NAME.test(body)) {
    return { kind: 'malformed', span, reason: `Missing \`vars.\`; write \`\${{ vars.${body} }}\`.`, replacement: `\${{ vars.${body} }}` };
  }
  return { kind: 'malformed', span, reason: `Sinas only substitutes \`\${{ vars.NAME }}\`; \`${body}\` would be installed as literal text.` };
}

function trimRight(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}
