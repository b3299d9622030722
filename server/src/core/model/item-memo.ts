import type { Resource } from './package-model';

/**
 * Memoises a value derived from one item's own text on the item's chunk (so an edit elsewhere
 * reuses it); computed afresh when the document is not chunked. Store only nodes, or spans
 * anchored to the chunk (nodes.ts `anchored`), in such values: they move with the chunk, plain
 * numbers do not.
 */
export function rememberForItem<T>(item: Resource, key: string, compute: () => T): T {
  return item.chunk ? item.chunk.rememberValue(key, compute) : compute();
}

/** A value memoised for the item, or undefined when none was computed (nothing is computed here). */
export function peekForItem<T>(item: Resource, key: string): T | undefined {
  return item.chunk?.peekValue<T>(key);
}
