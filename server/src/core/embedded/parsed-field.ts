/** A field of an item holding another language, parsed once per chunk and shared by the rules that read it. */
import { rememberForItem } from '../model/item-memo';
import type { Resource } from '../model/package-model';
import { getValue } from '../parse/yaml-tree';
import { embeddedText, type EmbeddedText } from './embedded-text';
import { embeddedGeneration, embeddedParser, type EmbeddedParsers } from './parsers';

type TextLanguage = 'python' | 'sql';

export interface ParsedField<L extends TextLanguage> {
  text: EmbeddedText;
  facts: ReturnType<EmbeddedParsers[L]['parse']>;
}

/** Undefined when the field is not a string or the language's parser is not loaded yet. */
export function parsedField<L extends TextLanguage>(item: Resource, field: string, language: L): ParsedField<L> | undefined {
  const parser = embeddedParser(language);
  if (!parser) return undefined;
  return rememberForItem(item, `${language}:${field}@${embeddedGeneration()}`, () => {
    const text = embeddedText(getValue(item.node, field));
    return text ? { text, facts: parser.parse(text.source) as ParsedField<L>['facts'] } : undefined;
  });
}
