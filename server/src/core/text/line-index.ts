/**
 * Offset <-> 0-based line/character (UTF-16) conversion. Built once per document version
 * and shared by every feature; lookups are a binary search over line starts.
 */
import { partitionPoint } from './partition-point';

export interface Position {
  line: number;
  character: number;
}

/** What positions are computed from: line starts, the text's length and which lines end in `\r\n`. */
export interface LineStarts {
  count: number;
  length: number;
  /** Line i's first offset is start.at(i). */
  start: { at(index: number): number };
  crlf: ArrayLike<number>;
}

export class LineIndex {
  private readonly lines: LineStarts;

  /**
   * From a text (scanned here), or from a line table kept by the parser — which needs no text at
   * all, so positions of a large document never require materialising it. Lines break where LSP
   * and editors break them: `\n`, `\r\n` and a lone `\r`.
   */
  constructor(source: string | LineStarts) {
    if (typeof source !== 'string') this.lines = source;
    else {
      const start = [0];
      const crlf: number[] = [];
      const cr = source.indexOf('\r') !== -1;
      for (let i = cr ? nextBreak(source, 0) : source.indexOf('\n'); i !== -1; i = cr ? nextBreak(source, i + 1) : source.indexOf('\n', i + 1)) {
        crlf.push(i > 0 && source.charCodeAt(i) === 10 && source.charCodeAt(i - 1) === 13 ? 1 : 0);
        start.push(i + 1);
      }
      crlf.push(0);
      this.lines = { count: start.length, length: source.length, start: { at: (index) => start[index] }, crlf };
    }
  }

  get lineCount(): number {
    return this.lines.count;
  }

  lineStart(line: number): number {
    return this.lines.start.at(Math.max(0, Math.min(line, this.lines.count - 1)));
  }

  /** End of the line's content, before `\n` / `\r\n`. */
  lineEnd(line: number): number {
    const clamped = Math.max(0, Math.min(line, this.lines.count - 1));
    if (clamped + 1 >= this.lines.count) return this.lines.length;
    return this.lines.start.at(clamped + 1) - 1 - this.lines.crlf[clamped];
  }

  lineOf(offset: number): number {
    return lineContaining(this.lines, offset);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.lines.length));
    const line = this.lineOf(clamped);
    // Inside a line break (between `\r` and `\n`), as editors do: the end of the line's content.
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.lines.start.at(line) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines.count) return this.lines.length;
    if (position.line < 0) return 0;
    const start = this.lines.start.at(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
}

/** The next `\n`, or `\r` not followed by `\n`, from `from` on; -1 when there is none. */
function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) return i;
  }
  return -1;
}

/** The line holding an offset: the last whose start is at or before it (the first line for an offset before every start). */
export function lineContaining(lines: Pick<LineStarts, 'count' | 'start'>, offset: number): number {
  return Math.max(0, partitionPoint(lines.count, (line) => lines.start.at(line) <= offset) - 1);
}
