/**
 * The position encoding negotiated with the editor, applied at the edge. The core and the
 * features count columns in UTF-16 code units; an editor that prefers UTF-8 (Neovim, Helix) counts
 * bytes. When UTF-8 is chosen, every incoming position is converted to UTF-16 and every outgoing
 * one back, against the line of the document it belongs to. Only the touched line is read, and a
 * line whose prefix is ASCII needs no conversion at all. A column past the end of the line, or
 * inside a character, is clamped (to the line end, to the character's start) as VS Code does;
 * nothing here throws.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isSurrogatePair } from '../core/text/chars';
import type { LineIndex } from '../core/text/line-index';

export type PositionEncoding = 'utf-8' | 'utf-16';

/** The first encoding the editor offers that we support; UTF-16 (the LSP default) if none. */
export function negotiatePositionEncoding(offered: readonly string[] | undefined): PositionEncoding {
  return offered?.find((e): e is PositionEncoding => e === 'utf-8' || e === 'utf-16') ?? 'utf-16';
}

/** A UTF-8 byte column of `line` as UTF-16 code units. */
export function utf8ToUtf16Column(line: string, bytes: number): number {
  return scanToUtf16(line, bytes, 0, 0);
}

/** A UTF-16 column of `line` as UTF-8 bytes. */
export function utf16ToUtf8Column(line: string, units: number): number {
  return scanToUtf8(line, units, 0, 0);
}

/** Scans from a character boundary (`units`, `bytes`) to `target` bytes. */
function scanToUtf16(line: string, target: number, units: number, bytes: number): number {
  while (units < line.length) {
    const size = utf8Size(line, units);
    if (bytes + size > target) break; // past the column, or the column is inside this character
    bytes += size;
    units += size === 4 ? 2 : 1;
  }
  return units;
}

/** Scans from a character boundary (`units`, `bytes`) to `target` UTF-16 units. */
function scanToUtf8(line: string, target: number, units: number, bytes: number): number {
  const end = Math.min(Math.max(0, target), line.length);
  while (units < end) {
    const size = utf8Size(line, units);
    if (size === 4 && units + 1 === end) break; // between the halves of a pair: the character's start
    bytes += size;
    units += size === 4 ? 2 : 1;
  }
  return bytes;
}

/** UTF-8 length of the character at `i` (a lone surrogate counts 3, as its U+FFFD replacement). */
function utf8Size(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < 0x80 ? 1 : code < 0x800 ? 2 : isSurrogatePair(text, i) ? 4 : 3;
}


const STRIDE = 256;

/**
 * Columns of one line, for many conversions on it: the ASCII prefix converts as is; past it, a
 * scan starts from the nearest checkpoint (one every STRIDE units, built on first need), so a
 * megabyte line with thousands of positions costs one pass plus a short scan each.
 */
export class LineColumns {
  private readonly ascii: number;
  private units?: number[];
  private bytes?: number[];

  constructor(readonly text: string) {
    const i = text.search(/[^\x00-\x7f]/);
    this.ascii = i < 0 ? text.length : i;
  }

  toUtf8(target: number): number {
    if (target <= this.ascii) return Math.max(0, target);
    const { units, bytes } = this.checkpoints();
    const i = lastAtOrBefore(units, target);
    return scanToUtf8(this.text, target, units[i], bytes[i]);
  }

  toUtf16(target: number): number {
    if (target <= this.ascii) return Math.max(0, target);
    const { units, bytes } = this.checkpoints();
    const i = lastAtOrBefore(bytes, target);
    return scanToUtf16(this.text, target, units[i], bytes[i]);
  }

  private checkpoints(): { units: number[]; bytes: number[] } {
    if (!this.units || !this.bytes) {
      const units = [this.ascii];
      const bytes = [this.ascii];
      if (this.text.length - this.ascii > STRIDE) {
        let b = this.ascii;
        for (let u = this.ascii; u < this.text.length; ) {
          const size = utf8Size(this.text, u);
          b += size;
          u += size === 4 ? 2 : 1;
          if (u - units[units.length - 1] >= STRIDE) {
            units.push(u);
            bytes.push(b);
          }
        }
      }
      this.units = units;
      this.bytes = bytes;
    }
    return { units: this.units, bytes: this.bytes };
  }
}

/** Index of the last element at or before `value` in an ascending list whose first element is not after it. */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text of a line without its line break, or undefined past the end of the document. */
export type LineText = (line: number) => string | undefined;

/** Lines of analysed text (workspace files, or an open document at the analysed version). */
export function linesOfText(text: string, lines: LineIndex): LineText {
  return (line) => (line >= 0 && line < lines.lineCount ? text.slice(lines.lineStart(line), lines.lineEnd(line)) : undefined);
}

/** Lines of an open document. */
export function linesOfDocument(document: TextDocument): LineText {
  return (line) => {
    if (line < 0 || line >= document.lineCount) return undefined;
    return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  };
}

interface Position {
  line: number;
  character: number;
}
type Column = (line: LineColumns, character: number) => number;
const TO_UTF16: Column = (line, bytes) => line.toUtf16(bytes);
const TO_UTF8: Column = (line, units) => line.toUtf8(units);

type DocumentUpdate<D> = (document: D, changes: TextDocumentContentChangeEvent[], version: number) => D;

export class PositionEncoder {
  encoding: PositionEncoding = 'utf-16';

  /** `linesOf(uri)`: the lines positions in that document refer to (open documents); undefined if unknown. */
  constructor(private readonly linesOf: (uri: string) => LineText | undefined) {}

  /** Request params (position, range, context diagnostics) in the editor's encoding -> UTF-16. */
  incoming<P>(params: P): P {
    return this.encoding === 'utf-16' ? params : this.map(params, '', TO_UTF16);
  }

  /**
   * A result or published diagnostics -> the editor's encoding. Positions belong to `uri` unless
   * an enclosing object names another (Location, WorkspaceEdit.changes, TextDocumentEdit);
   * `lines` overrides the text of `uri` (diagnostics: the text that was analysed).
   */
  outgoing<R>(result: R, uri: string, lines?: LineText): R {
    if (this.encoding === 'utf-16') return result;
    return this.map(result, uri, TO_UTF8, lines);
  }

  /**
   * `textDocument/didChange` ranges -> UTF-16, each against the text before it applies; returns the
   * updated document. `update` applies changes to the server's kind of document.
   */
  applyChanges<D extends TextDocument>(document: D, changes: readonly TextDocumentContentChangeEvent[], version: number, update: DocumentUpdate<D> = TextDocument.update as unknown as DocumentUpdate<D>): D {
    if (this.encoding === 'utf-16') return update(document, changes as TextDocumentContentChangeEvent[], version);
    for (const change of changes) {
      const converted = 'range' in change ? { ...change, range: this.map(change.range, document.uri, TO_UTF16, linesOfDocument(document)) } : change;
      document = update(document, [converted], version);
    }
    return document;
  }

  /** A copy of `value` with every {line, character} converted; plain data only (errors and the like pass through). */
  private map<T>(value: T, uri: string, column: Column, override?: LineText): T {
    const cache = new Map<string, LineText | undefined>();
    const linesOf = (u: string) => {
      if (u === uri && override) return override;
      if (!cache.has(u)) cache.set(u, this.linesOf(u));
      return cache.get(u);
    };
    const columns = new Map<string, LineColumns | undefined>();
    const convert = (position: Position, u: string): Position => {
      const key = `${position.line} ${u}`;
      if (!columns.has(key)) {
        const text = linesOf(u)?.(position.line);
        columns.set(key, text === undefined ? undefined : new LineColumns(text));
      }
      const line = columns.get(key);
      return line ? { ...position, character: column(line, position.character) } : position;
    };
    const walk = (v: unknown, u: string): unknown => {
      if (Array.isArray(v)) return v.map((item) => walk(item, u));
      if (!isPlainObject(v)) return v;
      if (typeof v.line === 'number' && typeof v.character === 'number') return convert(v as unknown as Position, u);
      // The document the positions inside belong to.
      const own = typeof v.uri === 'string' ? v.uri : isPlainObject(v.textDocument) && typeof v.textDocument.uri === 'string' ? v.textDocument.uri : u;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(v)) {
        if (key === 'changes' && isPlainObject(child)) {
          out[key] = Object.fromEntries(Object.entries(child).map(([target, edits]) => [target, walk(edits, target)]));
        } else if ((key === 'targetRange' || key === 'targetSelectionRange') && typeof v.targetUri === 'string') {
          out[key] = walk(child, v.targetUri);
        } else out[key] = walk(child, own);
      }
      return out;
    };
    return walk(value, uri) as T;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
