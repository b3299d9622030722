/**
 * A document's text as the core receives it: a string, or a source that builds the string only
 * when asked. An editor applies each edit to its copy of the document; materialising a large
 * document as one string costs a copy of all of it, which an edit inside one item never needs
 * (the parser keeps each chunk's own text, and is told what changed).
 */
export interface TextSource {
  readonly length: number;
  /** The whole text (may build it: linear in its length). */
  read(): string;
  /** Characters [start, end), without building the whole text when the source can. */
  slice?(start: number, end: number): string;
}

export type DocumentText = string | TextSource;

export function textOf(source: DocumentText): string {
  return typeof source === 'string' ? source : source.read();
}

/** Characters [start, end) of the text: from the source's own slices when it has them. */
export function textSlice(source: DocumentText, start: number, end: number): string {
  if (typeof source === 'string') return source.slice(start, end);
  return source.slice ? source.slice(start, end) : source.read().slice(start, end);
}

/** A string's own copy of `text.slice(start, end)`: a slice would keep the whole `text` alive. */
export function ownCopy(text: string, start: number, end: number): string {
  const slice = text.slice(start, end);
  // Flattening the concatenation copies the characters; the result's slice points at the copy.
  return slice.length < 16 ? slice : (' ' + slice).slice(1);
}
