/** A function's `code`, parsed once per chunk and shared by the rules that read it. */
import { rememberForItem } from '../../model/item-memo';
import type { Resource } from '../../model/package-model';
import { getValue } from '../../parse/yaml-tree';
import { embeddedText, type EmbeddedText } from '../embedded-text';
import { embeddedGeneration, embeddedParser } from '../parsers';
import type { PythonFacts } from './parse-python';

export interface FunctionCode {
  text: EmbeddedText;
  facts: PythonFacts;
}

/** Undefined when the item has no string `code` or the Python parser is not loaded yet. */
export function functionCode(item: Resource): FunctionCode | undefined {
  const parser = embeddedParser('python');
  if (!parser) return undefined;
  return rememberForItem(item, `python@${embeddedGeneration()}`, () => {
    const text = embeddedText(getValue(item.node, 'code'));
    return text ? { text, facts: parser.parse(text.source) } : undefined;
  });
}
