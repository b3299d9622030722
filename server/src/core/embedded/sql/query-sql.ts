/** A query's `sql`, scanned and parsed once per chunk and shared by the rules that read it. */
import { rememberForItem } from '../../model/item-memo';
import type { Resource } from '../../model/package-model';
import { getValue } from '../../parse/yaml-tree';
import { embeddedText, type EmbeddedText } from '../embedded-text';
import { embeddedGeneration, embeddedParser } from '../parsers';
import type { SqlFacts } from './parse-sql';

export interface QuerySql {
  text: EmbeddedText;
  facts: SqlFacts;
}

/** Undefined when the item has no string `sql` or the PostgreSQL parser is not loaded yet. */
export function querySql(item: Resource): QuerySql | undefined {
  const parser = embeddedParser('sql');
  if (!parser) return undefined;
  return rememberForItem(item, `sql@${embeddedGeneration()}`, () => {
    const text = embeddedText(getValue(item.node, 'sql'));
    return text ? { text, facts: parser.parse(text.source) } : undefined;
  });
}
