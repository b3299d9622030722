/**
 * An open document as the server keeps it. Incremental changes are applied to a list of pieces
 * (slices of the last full text and the inserted strings), not to one string: building the new
 * string would copy the whole document on every keystroke, and on a large file that copy — a
 * fresh allocation of megabytes — costs more than analysing the edit. The text is joined only
 * when something reads it (a feature, an edit the parser must see whole). The edits themselves
 * are kept for the document's parser, which applies them to the one chunk they touch.
 * Positions follow the protocol (and the reference TextDocument): lines end at `\n`, `\r\n` or a
 * lone `\r`, and a position past a line's end stops before its line break. Where an edit brings a
 * `\r` and a `\n` together (or comes between them), they are the one line break they are in the
 * text, as in a fresh open of it: the reference TextDocument keeps counting two there, so an edit
 * session would end with other positions than a fresh open (found by `npm run fuzz`).
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { lineContaining } from '../core/text/line-index';
import { ShiftedOffsets } from '../core/text/shifted-offsets';
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
  /**
   * Line starts (with spare room, shifted lazily), for the positions of incoming changes; found
   * when first needed (a document replaced whole by each change never needs them).
   */
  private lineStarts: ShiftedOffsets | undefined;
  private lineTotal = 0;
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
  }

  static create(uri: string, languageId: string, version: number, text: string): EditedDocument {
    return new EditedDocument(uri, languageId, version, text);
  }

  static update(document: EditedDocument, changes: TextDocumentContentChangeEvent[], version: number): EditedDocument {
    for (const change of changes) {
      if ('range' in change) document.applyEdit(wellFormed(change.range), change.text);
      else document.replace(change.text);
    }
    document.version = version;
    return document;
  }

  get length(): number {
    return this.size;
  }

  get lineCount(): number {
    this.starts();
    return this.lineTotal;
  }

  private starts(): ShiftedOffsets {
    if (!this.lineStarts) {
      this.lineStarts = lineStartsOf(this.read());
      this.lineTotal = this.lineStarts.values.length;
    }
    return this.lineStarts;
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
    const current = () => {
      if (this.version !== version) throw new Error(`${this.uri} has changed since version ${version}`);
    };
    return {
      length,
      read: () => {
        current();
        return this.read();
      },
      slice: (start, end) => {
        current();
        return this.slice(start, end);
      },
    };
  }

  /** Characters [start, end) from the pieces, without joining them. */
  private slice(start: number, end: number): string {
    if (this.pieces.length === 1) return this.pieces[0].slice(start, end);
    let out = '';
    let offset = 0;
    for (const piece of this.pieces) {
      const pieceEnd = offset + piece.length;
      if (pieceEnd > start && offset < end) out += piece.slice(Math.max(0, start - offset), Math.min(piece.length, end - offset));
      if (pieceEnd >= end) break;
      offset = pieceEnd;
    }
    return out;
  }

  /** The edits since the last call (in order, each in the coordinates of the text it applied to), or `replaced`. */
  takeEdits(): Edit[] | 'replaced' {
    const edits = this.edits;
    this.edits = [];
    return edits;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.size));
    const starts = this.starts();
    const line = lineContaining({ count: this.lineTotal, start: starts }, clamped);
    const lineStart = starts.at(line);
    return { line, character: this.beforeLineBreak(clamped, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    const starts = this.starts();
    if (position.line >= this.lineTotal) return this.size;
    if (position.line < 0) return 0;
    const start = starts.at(position.line);
    if (position.character <= 0) return start;
    const next = position.line + 1 < this.lineTotal ? starts.at(position.line + 1) : this.size;
    return this.beforeLineBreak(Math.min(start + position.character, next), start);
  }

  /** `offset`, moved back over line-break characters, not before `lineStart`. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private charCodeAt(offset: number): number {
    let at = offset;
    for (const piece of this.pieces) {
      if (at < piece.length) return piece.charCodeAt(at);
      at -= piece.length;
    }
    return NaN;
  }

  private replace(text: string): void {
    this.pieces = [text];
    this.size = text.length;
    this.lineStarts = undefined;
    this.edits = 'replaced';
  }

  private applyEdit(range: Range, text: string): void {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    const before = start > 0 ? this.charCodeAt(start - 1) : NaN;
    const after = this.charCodeAt(end);
    const first = text ? text.charCodeAt(0) : after;
    // A `\r` and a `\n` on either side of the edit's edges become one line break, or stop being one.
    const pairChanges = (before === 13 && (first === 10 || after === 10)) || (text.charCodeAt(text.length - 1) === 13 && after === 10);
    this.splice(start, end, text);
    if (pairChanges) this.lineStarts = undefined; // rare: found again from the text when next needed
    else this.updateLines(Math.max(range.start.line, 0), Math.max(range.end.line, 0), start, end, text);
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

  /**
   * Line starts after replacing [start, end) (lines startLine..endLine) by `text`: the starts of
   * lines startLine+1..endLine go, the text's own come in, later ones shift. Line numbers, not
   * offsets, say what goes, as in the reference TextDocument, so both agree on every position
   * (a `\r\n` pair joined or split is found again instead: applyEdit).
   */
  private updateLines(startLine: number, endLine: number, start: number, end: number, text: string): void {
    const delta = text.length - (end - start);
    const added = lineStartsIn(text, start);
    // Clamped as Array.prototype.splice clamps.
    const from = Math.min(startLine + 1, this.lineTotal);
    const removed = Math.max(0, Math.min(endLine - startLine, this.lineTotal - from));
    const total = this.lineTotal - removed + added.length;
    const starts = this.starts();
    starts.reserve(total + (total >> 1), this.lineTotal);
    // The lines after the change move by delta: one addition (shifted-offsets.ts).
    starts.moveTail(from + removed, from + added.length, this.lineTotal, delta);
    for (let k = 0; k < added.length; k++) starts.set(from + k, added[k]);
    this.lineTotal = total;
  }
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Offsets (plus `base`) where a line starts after a line break in `text`: `\r\n`, `\r` or `\n`. */
function lineStartsIn(text: string, base: number): number[] {
  const out: number[] = [];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(base + i + 1);
    return out;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      out.push(base + i + 1);
    } else if (code === 10) out.push(base + i + 1);
  }
  return out;
}

function lineStartsOf(text: string): ShiftedOffsets {
  if (text.includes('\r')) return new ShiftedOffsets(Int32Array.from([0, ...lineStartsIn(text, 0)]));
  // Counted first, then filled: no intermediate array for a document of many lines.
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  for (let line = 1, i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
  return new ShiftedOffsets(starts);
}
