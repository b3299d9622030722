/**
 * Offset <-> 0-based line/character (UTF-16) conversion. Built once per document version
 * and shared by every feature; lookups are a binary search over line starts.
 */
export interface Position {
  line: number;
  character: number;
}

/** Where lines start, with the line breaks of LSP and editors: `\n`, `\r\n` and a lone `\r`. */
function lineStarts(text: string): number[] {
  const list = [0];
  const cr = text.indexOf('\r') !== -1;
  for (let i = 0; i < text.length; i++) {
    i = cr ? nextBreak(text, i) : text.indexOf('\n', i);
    if (i === -1) break;
    list.push(i + 1);
  }
  return list;
}

function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) return i;
  }
  return -1;
}

export class LineIndex {
  private readonly starts: ArrayLike<number>;

  /** `starts` (each line's first offset) can come from the parser's line table to avoid a rescan. */
  constructor(
    private readonly text: string,
    starts?: ArrayLike<number>,
  ) {
    this.starts = starts ?? lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of the line's content, before `\n` / `\r\n`. */
  lineEnd(line: number): number {
    const start = this.lineStart(line);
    let end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    // Inside a line break (between `\r` and `\n`), as editors do: the end of the line's content.
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
}
