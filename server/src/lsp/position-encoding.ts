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
import type { LineIndex } from '../core/text/line-index';

export type PositionEncoding = 'utf-8' | 'utf-16';

/** The first encoding the editor offers that we support; UTF-16 (the LSP default) if none. */
export function negotiatePositionEncoding(offered: readonly string[] | undefined): PositionEncoding {
  return offered?.find((e): e is PositionEncoding => e === 'utf-8' || e === 'utf-16') ?? 'utf-16';
}

/** A UTF-8 byte column of `line` as UTF-16 code units. */
export function utf8ToUtf16Column(line: string, bytes: number): number {
  let units = 0;
  let seen = 0;
  while (units < line.length) {
    const code = line.charCodeAt(units);
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : isSurrogatePair(line, units) ? 4 : 3;
    if (seen + size > bytes) break; // past the column, or the column is inside this character
    seen += size;
    units += size === 4 ? 2 : 1;
  }
  return units;
}

/** A UTF-16 column of `line` as UTF-8 bytes. */
export function utf16ToUtf8Column(line: string, units: number): number {
  const end = Math.min(Math.max(0, units), line.length);
  let bytes = 0;
  for (let i = 0; i < end; i++) {
    const code = line.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (isSurrogatePair(line, i)) {
      if (i + 1 === end) break; // between the halves of a pair: the character's start
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isSurrogatePair(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
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
type Column = (line: string, character: number) => number;

export class PositionEncoder {
  encoding: PositionEncoding = 'utf-16';

  /** `linesOf(uri)`: the lines positions in that document refer to (open documents); undefined if unknown. */
  constructor(private readonly linesOf: (uri: string) => LineText | undefined) {}

  /** Request params (position, range, context diagnostics) in the editor's encoding -> UTF-16. */
  incoming<P>(params: P): P {
    return this.encoding === 'utf-16' ? params : this.map(params, '', utf8ToUtf16Column);
  }

  /**
   * A result or published diagnostics -> the editor's encoding. Positions belong to `uri` unless
   * an enclosing object names another (Location, WorkspaceEdit.changes, TextDocumentEdit);
   * `lines` overrides the text of `uri` (diagnostics: the text that was analysed).
   */
  outgoing<R>(result: R, uri: string, lines?: LineText): R {
    if (this.encoding === 'utf-16') return result;
    return this.map(result, uri, utf16ToUtf8Column, lines);
  }

  /** `textDocument/didChange` ranges -> UTF-16, each against the text before it applies; returns the updated document. */
  applyChanges(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
    if (this.encoding === 'utf-16') return TextDocument.update(document, changes as TextDocumentContentChangeEvent[], version);
    for (const change of changes) {
      const converted = 'range' in change ? { ...change, range: this.map(change.range, document.uri, utf8ToUtf16Column, linesOfDocument(document)) } : change;
      document = TextDocument.update(document, [converted], version);
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
    const convert = (position: Position, u: string): Position => {
      const text = linesOf(u)?.(position.line);
      return text === undefined ? position : { ...position, character: convertColumn(text, position.character, column) };
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

/** Identity when the line's prefix up to the column is ASCII (the common case, checked first). */
function convertColumn(text: string, character: number, column: Column): number {
  if (character < 0) return 0;
  const end = Math.min(character, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) >= 0x80) return column(text, character);
  return Math.min(character, text.length);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
