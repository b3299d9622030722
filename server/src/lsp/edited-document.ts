/**
 * An open document as the server keeps it. Incremental changes are applied to a list of pieces
 * (slices of the last full text and the inserted strings), not to one string: building the new
 * string would copy the whole document on every keystroke, and on a large file that copy — a
 * fresh allocation of megabytes — costs more than analysing the edit. The text is joined only
 * when something reads it (a feature, an edit the parser must see whole). The edits themselves
 * are kept for the document's parser, which applies them to the one chunk they touch.
 * Lines end at `\n`, as in the language core (an editor keeps one kind of line end per document).
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { TextSource } from '../core/text/text-source';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** More pieces than this and the text is joined. */
const MAX_PIECES = 256;
/** Neighbouring pieces shorter than this together are joined (typing at one place keeps one piece for what it typed). */
const SMALL_PIECE = 1024;

export class EditedDocument implements TextDocument {
  private pieces: string[];
  private size: number;
  /** Line starts (with spare room), for the positions of incoming changes. */
  private starts: Int32Array;
  private lineTotal: number;
  /** Edits since the last `takeEdits`; `replaced` after a full-text change. */
  private edits: Edit[] | 'replaced' = [];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    text: string,
  ) {
    this.pieces = [text];
    this.size = text.length;
    const starts = lineStartsOf(text);
    this.starts = starts;
    this.lineTotal = starts.length;
  }

  static create(uri: string, languageId: string, version: number, text: string): EditedDocument {
    return new EditedDocument(uri, languageId, version, text);
  }

  static update(document: EditedDocument, changes: TextDocumentContentChangeEvent[], version: number): EditedDocument {
    for (const change of changes) {
      if ('range' in change) document.applyEdit(document.offsetAt(change.range.start), document.offsetAt(change.range.end), change.text);
      else document.replace(change.text);
    }
    document.version = version;
    return document;
  }

  get length(): number {
    return this.size;
  }

  get lineCount(): number {
    return this.lineTotal;
  }

  /** The whole text (joined once, then kept until the next edit). */
  read(): string {
    if (this.pieces.length !== 1) this.pieces = [this.pieces.join('')];
    return this.pieces[0];
  }

  getText(range?: Range): string {
    const text = this.read();
    return range ? text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  /** The text of this version, read only while the document is still at it. */
  snapshot(): TextSource {
    const version = this.version;
    const length = this.size;
    return {
      length,
      read: () => {
        if (this.version !== version) throw new Error(`${this.uri} has changed since version ${version}`);
        return this.read();
      },
    };
  }

  /** The edits since the last call (in order, each in the coordinates of the text it applied to), or `replaced`. */
  takeEdits(): Edit[] | 'replaced' {
    const edits = this.edits;
    this.edits = [];
    return edits;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.size));
    let lo = 0;
    let hi = this.lineTotal - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineTotal) return this.size;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    const next = position.line + 1 < this.lineTotal ? this.starts[position.line + 1] - 1 : this.size;
    return Math.max(start, Math.min(start + Math.max(0, position.character), next));
  }

  private replace(text: string): void {
    this.pieces = [text];
    this.size = text.length;
    this.starts = lineStartsOf(text);
    this.lineTotal = this.starts.length;
    this.edits = 'replaced';
  }

  private applyEdit(start: number, end: number, text: string): void {
    this.splice(start, end, text);
    this.updateLines(start, end, text);
    this.size += text.length - (end - start);
    if (this.edits !== 'replaced') this.edits.push({ start, end, text });
    if (this.pieces.length > MAX_PIECES) this.read();
  }

  /** Replaces [start, end) in the pieces: slices of pieces are cheap, nothing is joined. */
  private splice(start: number, end: number, text: string): void {
    const out: string[] = [];
    let offset = 0;
    let inserted = false;
    for (const piece of this.pieces) {
      const pieceEnd = offset + piece.length;
      if (pieceEnd <= start || offset >= end) {
        if (!inserted && offset >= end) {
          if (text) out.push(text);
          inserted = true;
        }
        out.push(piece);
      } else {
        if (offset < start) out.push(piece.slice(0, start - offset));
        if (!inserted) {
          if (text) out.push(text);
          inserted = true;
        }
        if (pieceEnd > end) out.push(piece.slice(end - offset));
      }
      offset = pieceEnd;
    }
    if (!inserted && text) out.push(text);
    const merged: string[] = [];
    for (const piece of out) {
      const last = merged.length - 1;
      if (last >= 0 && merged[last].length + piece.length < SMALL_PIECE) merged[last] += piece;
      else merged.push(piece);
    }
    this.pieces = merged.length ? merged : [''];
  }

  /** Line starts after replacing [start, end) by `text`: lines inside the range go, the text's own come in. */
  private updateLines(start: number, end: number, text: string): void {
    const delta = text.length - (end - start);
    // Lines starting in (start, end] are removed; the first line after them keeps its place in the order.
    const firstRemoved = upperBound(this.starts, this.lineTotal, start);
    const firstKept = upperBound(this.starts, this.lineTotal, end);
    const added: number[] = [];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) added.push(start + i + 1);
    const total = this.lineTotal - (firstKept - firstRemoved) + added.length;
    let starts = this.starts;
    if (total > starts.length) {
      starts = new Int32Array(total + (total >> 1));
      starts.set(this.starts.subarray(0, this.lineTotal));
    }
    const tail = firstRemoved + added.length;
    starts.copyWithin(tail, firstKept, this.lineTotal);
    if (delta !== 0) for (let k = tail; k < total; k++) starts[k] += delta;
    for (let k = 0; k < added.length; k++) starts[firstRemoved + k] = added[k];
    this.starts = starts;
    this.lineTotal = total;
  }
}

function lineStartsOf(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  for (let line = 1, i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
  return starts;
}

/** First index in starts[0..count) whose value is greater than `offset`. */
function upperBound(starts: Int32Array, count: number, offset: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
