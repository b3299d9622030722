import type { Resource } from './package-model';

/**
 * Memoises a value derived from one item's own text on the item's chunk (so an edit elsewhere
 * reuses it); computed afresh when the document is not chunked. Store only node references or
 * positions relative to a node in such values: they move with the chunk, absolute numbers do not.
 */
export function rememberForItem<T>(item: Resource, key: string, compute: () => T): T {
  return item.chunk ? item.chunk.rememberValue(key, compute) : compute();
}
