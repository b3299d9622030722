/**
 * Decodes the messages the editor sends over stdio, as vscode-jsonrpc does, with one addition:
 * a full-text change of a large document becomes the ranged change it amounts to.
 *
 * An editor that syncs full texts sends the whole document on every keystroke: 2.9 MB at
 * 100,000 lines, which costs about 25 ms to decode (UTF-8, then `JSON.parse`) before the server
 * can start on a one-character edit. Here the message's bytes are compared with the previous
 * full text of the same document, kept as received: only the lines between the first and the last
 * differing byte are decoded (by `TextDecoder` and `JSON.parse`, as everything else), and the
 * server gets the edit within them as if the editor had sent it incrementally.
 *
 * Why the result is the message itself: the bytes before and after those lines are the previous
 * message's, which decoded to the document's current text, and they are cut where that decoding
 * was outside any escape and any character (at line starts, found by json-string-scan.ts). The
 * lines between are decoded alone and must be a valid string's content. What surrounds the text
 * literal is parsed with the literal replaced by a marker, which must land on the change's
 * `text`. If anything is not so (another shape of message, a first full text, a lone `\r`, bytes
 * that are not well-formed UTF-8), the message is decoded whole, the ordinary way.
 */
import type { Message } from 'vscode-languageserver/node';
import { changedRegion } from '../../core/parse/parse-document';
import { isSurrogatePair } from '../../core/text/chars';
import { commonLength } from '../../core/text/common-length';
import { LineIndex } from '../../core/text/line-index';
import { partitionPoint } from '../../core/text/partition-point';
import { ShiftedOffsets } from '../../core/text/shifted-offsets';
import { negotiatePositionEncoding, utf16ToUtf8Column, type PositionEncoding } from '../position-encoding';
import { scanJsonString } from './json-string-scan';

/** Smaller messages are decoded whole: comparing would save nothing worth the bookkeeping. */
const MIN_FULL_TEXT_BYTES = 128 * 1024;
/** Where a change's `"text"` key is looked for: what precedes the literal is a few hundred bytes. */
const HEAD_LIMIT = 4096;
/** A marker for the literal while what surrounds it is parsed; a backslash outside a string is invalid JSON. */
const MARKER = '\u0000sinas-full-text\u0000';
const MARKER_LITERAL = JSON.stringify(MARKER);
const MARKER_BYTES = Buffer.from('sinas-full-text');

/** The last full text of a document, as the editor sent it. */
interface Previous {
  body: Buffer;
  /** The literal's content: [start, end) of `body`. */
  start: number;
  end: number;
  /** Line starts in bytes, relative to `start` (line 0 starts at 0); an edit shifts the later ones in one addition. */
  lineCount: number;
  lineBytes: ShiftedOffsets;
}

interface ChangeMessage {
  jsonrpc: string;
  method: string;
  params: { textDocument: { uri: string; version: number }; contentChanges: ({ text: string } | { range: unknown; text: string })[] };
}

export class FullTextDecoder {
  readonly name = 'application/json';
  private readonly previous = new Map<string, Previous>();
  private encoding: PositionEncoding = 'utf-16';
  private readonly utf8 = new TextDecoder('utf-8');
  private readonly observe: (message: Message) => void;
  private readonly minBytes: number;

  constructor(options: { /** Called with each message decoded. */ observe?: (message: Message) => void; minBytes?: number } = {}) {
    this.observe = options.observe ?? (() => undefined);
    this.minBytes = options.minBytes ?? MIN_FULL_TEXT_BYTES;
  }

  decode(buffer: Uint8Array, options: { charset: string }): Promise<Message> {
    const utf8 = /^utf-?8$/i.test(options.charset);
    const body = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    let message: Message | undefined = utf8 && body.length >= this.minBytes ? this.asRangedChange(body) : undefined;
    if (!message) {
      message = JSON.parse(utf8 ? this.utf8.decode(body) : new TextDecoder(options.charset).decode(body)) as Message;
      this.note(message, utf8 ? body : undefined);
    }
    this.observe(message);
    return Promise.resolve(message);
  }

  /** Keeps what the next message needs: the editor's position encoding, each document's last full text. */
  private note(message: Message, body: Buffer | undefined): void {
    const { method, params } = message as Partial<ChangeMessage> & { params?: Record<string, unknown> };
    if (method === 'initialize') {
      const capabilities = (params as { capabilities?: { general?: { positionEncodings?: string[] } } } | undefined)?.capabilities;
      this.encoding = negotiatePositionEncoding(capabilities?.general?.positionEncodings);
    }
    if (method !== 'textDocument/didOpen' && method !== 'textDocument/didChange' && method !== 'textDocument/didClose') return;
    const uri = (params?.textDocument as { uri?: unknown } | undefined)?.uri;
    if (typeof uri !== 'string') return;
    this.previous.delete(uri);
    if (method === 'textDocument/didChange' && body && body.length >= this.minBytes) {
      const kept = keep(body, message as ChangeMessage);
      if (kept) this.previous.set(uri, kept);
    }
  }

  /** The message in `body` as a ranged change against the document's last full text, if it is a full-text change of it. */
  private asRangedChange(body: Buffer): Message | undefined {
    const literal = literalOf(body);
    if (!literal) return undefined;
    const message = surroundings(body, literal.start, literal.end);
    if (!message) return undefined;
    const uri = message.params.textDocument.uri;
    const previous = this.previous.get(uri);
    if (!previous) return undefined;
    const edit = this.difference(previous, body, literal.start, literal.end);
    if (!edit) {
      this.previous.delete(uri); // decoded whole and kept anew
      return undefined;
    }
    message.params.contentChanges = [{ range: edit.range, text: edit.text }];
    this.previous.set(uri, edit.next);
    return message as unknown as Message;
  }

  /** The edit from `old` to the literal [start, end) of `body`, and what to keep for the next one; undefined if they cannot be compared. */
  private difference(old: Previous, body: Buffer, start: number, end: number) {
    const oldLength = old.end - old.start;
    const newLength = end - start;
    const shorter = Math.min(oldLength, newLength);
    const prefix = commonLength(shorter, (from, to) => old.body.compare(body, start + from, start + to, old.start + from, old.start + to) === 0);
    const suffix = commonLength(shorter - prefix, (from, to) => old.body.compare(body, end - to, end - from, old.end - to, old.end - from) === 0);
    // The changed bytes widened to whole lines of the old text: [first line start, line start after).
    const { lineCount, lineBytes } = old;
    const first = partitionPoint(lineCount, (line) => lineBytes.at(line) <= prefix) - 1;
    const after = partitionPoint(lineCount, (line) => lineBytes.at(line) < oldLength - suffix);
    const fromByte = lineBytes.at(first);
    const oldToByte = after < lineCount ? lineBytes.at(after) : oldLength;
    const newToByte = newLength - (oldLength - oldToByte);
    if (newToByte - fromByte > Math.max(this.minBytes, newLength >> 2)) return undefined; // decoding it all is as cheap
    const scan = scanJsonString(body, start + fromByte, start + newToByte);
    if (!scan || scan.stop !== start + newToByte) return undefined;
    const now = this.stringAt(body, start + fromByte, start + newToByte);
    const before = this.stringAt(old.body, old.start + fromByte, old.start + oldToByte);
    if (now === undefined || before === undefined || now.length !== scan.units) return undefined;
    const edit = narrowed(before, now);
    const lines = new LineIndex(before);
    const range = { start: this.position(before, lines, first, edit.start), end: this.position(before, lines, first, edit.end) };
    // The new text's line starts, as EditedDocument keeps a document's: the changed lines' go,
    // theirs in the new text come in, later ones shift.
    const removed = Math.min(after + 1, lineCount) - (first + 1);
    const added = scan.lineBytes.length;
    const total = lineCount - removed + added;
    lineBytes.reserve(total + (total >> 1), lineCount);
    lineBytes.moveTail(first + 1 + removed, first + 1 + added, lineCount, newToByte - oldToByte);
    for (let k = 0; k < added; k++) lineBytes.set(first + 1 + k, scan.lineBytes[k] - start);
    const next: Previous = { body, start, end, lineCount: total, lineBytes };
    return { range, text: now.slice(edit.start, now.length - (before.length - edit.end)), next };
  }

  /** The decoded content of the literal bytes [from, to), or undefined if they are not one string's content. */
  private stringAt(body: Buffer, from: number, to: number): string | undefined {
    try {
      const value: unknown = JSON.parse(`"${this.utf8.decode(body.subarray(from, to))}"`);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** The protocol position of code unit `at` of `text` (indexed by `lines`), which starts the document's line `first`, in the editor's encoding. */
  private position(text: string, lines: LineIndex, first: number, at: number): { line: number; character: number } {
    const { line, character } = lines.positionAt(at);
    const column = this.encoding === 'utf-8' ? utf16ToUtf8Column(text.slice(lines.lineStart(line), at), character) : character;
    return { line: first + line, character: column };
  }
}

/**
 * The edit that turns `before` into `now`: [start, end) of `before` replaced. Its ends are moved
 * out of a surrogate pair and out of a `\r\n`, where a position cannot point.
 */
function narrowed(before: string, now: string): { start: number; end: number } {
  const region = changedRegion(before, now);
  let start = region.prefix;
  let tail = now.length - region.newSuffixStart;
  if (start > 0 && splits(before, start)) start--;
  while (tail > 0 && (splits(before, before.length - tail) || splits(now, now.length - tail))) tail--;
  return { start, end: before.length - tail };
}

/** Whether a position at `at` would fall between a surrogate pair's halves or a `\r` and its `\n`. */
function splits(text: string, at: number): boolean {
  return (text.charCodeAt(at - 1) === 0x0d && text.charCodeAt(at) === 0x0a) || isSurrogatePair(text, at - 1);
}

/** Where the change's text literal is: after the first `"text":"` near the start, up to the last `"` before only closing brackets. */
function literalOf(body: Buffer): { start: number; end: number } | undefined {
  const key = body.subarray(0, Math.min(body.length, HEAD_LIMIT)).indexOf('"text"');
  if (key < 0) return undefined;
  let at = skipBlanks(body, key + 6);
  if (body[at] !== 0x3a) return undefined; // ':'
  at = skipBlanks(body, at + 1);
  if (body[at] !== 0x22) return undefined;
  let end = body.length - 1;
  while (end > at && (body[end] === 0x7d || body[end] === 0x5d || isBlank(body[end]))) end--; // '}' ']'
  return end > at && body[end] === 0x22 ? { start: at + 1, end } : undefined;
}

function skipBlanks(body: Buffer, at: number): number {
  while (at < body.length && isBlank(body[at])) at++;
  return at;
}

function isBlank(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/**
 * The message with its text literal [start, end) replaced by the marker: a full-text change of one
 * document whose only change's `text` is the marker, or undefined.
 */
function surroundings(body: Buffer, start: number, end: number): ChangeMessage | undefined {
  const head = body.subarray(0, start - 1);
  const tail = body.subarray(end + 1);
  if (head.includes(MARKER_BYTES) || tail.includes(MARKER_BYTES)) return undefined;
  let message: ChangeMessage;
  try {
    message = JSON.parse(head.toString('utf8') + MARKER_LITERAL + tail.toString('utf8')) as ChangeMessage;
  } catch {
    return undefined;
  }
  const changes = message?.params?.contentChanges;
  const ok =
    message.method === 'textDocument/didChange' &&
    typeof message.params.textDocument?.uri === 'string' &&
    Array.isArray(changes) &&
    changes.length === 1 &&
    changes[0]?.text === MARKER &&
    !('range' in changes[0]);
  return ok ? message : undefined;
}

/** The full text of a full-text change decoded whole, kept for the next one (if the next can be compared with it). */
function keep(body: Buffer, message: ChangeMessage): Previous | undefined {
  const changes = message.params?.contentChanges;
  if (!Array.isArray(changes) || changes.length !== 1 || 'range' in changes[0] || typeof changes[0].text !== 'string') return undefined;
  const literal = literalOf(body);
  if (!literal || !surroundings(body, literal.start, literal.end)) return undefined;
  const scan = scanJsonString(body, literal.start, literal.end);
  if (!scan || scan.stop !== literal.end || scan.units !== changes[0].text.length) return undefined;
  const lineBytes = new Int32Array(scan.lineBytes.length + 1);
  for (let k = 0; k < scan.lineBytes.length; k++) lineBytes[k + 1] = scan.lineBytes[k] - literal.start;
  return { body, start: literal.start, end: literal.end, lineCount: lineBytes.length, lineBytes: new ShiftedOffsets(lineBytes) };
}
