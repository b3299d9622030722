/** A function's `code`, parsed as Python once per chunk. */
import type { Resource } from '../../model/package-model';
import { parsedField, type ParsedField } from '../parsed-field';

export type FunctionCode = ParsedField<'python'>;

/** Undefined when the item has no string `code` or the Python parser is not loaded yet. */
export function functionCode(item: Resource): FunctionCode | undefined {
  return parsedField(item, 'code', 'python');
}
