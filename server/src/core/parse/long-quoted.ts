/**
 * `yaml` decodes a double-quoted scalar one character at a time, appending each to the value: for
 * a line of a megabyte that is a million short-lived strings, most of a parse's time and garbage
 * (1.4 MB: 270 ms of a 290 ms parse). Such a scalar without an escape or a line break decodes to
 * exactly the text between its quotes, so its content is handed to `yaml` as spaces (which it
 * copies in one piece, at the same offsets, with the same errors) and the value is set afterwards.
 */
import { Composer, CST, Parser, visit, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/** Shorter scalars cost `yaml` too little to be worth a look. */
const LONG = 4096;

/** What `parseAllDocuments` returns for `source`, made cheaper for long double-quoted scalars. */
export function parseYamlDocuments(source: string, options: ParseOptions & DocumentOptions & SchemaOptions): Document.Parsed[] {
  const composer = new Composer(options);
  const tokens = new Parser().parse(source);
  if (!hasLongLine(source)) return Array.from(composer.compose(tokens));
  const values = new Map<number, string>();
  const docs = Array.from(composer.compose(blankingLongQuoted(tokens, values)));
  if (values.size) {
    for (const doc of docs) {
      visit(doc, {
        Scalar(_, node) {
          const value = node.range && node.type === 'QUOTE_DOUBLE' ? values.get(node.range[0]) : undefined;
          if (value !== undefined) node.value = (node as { source?: string }).source = value;
        },
      });
    }
  }
  return docs;
}

function hasLongLine(source: string): boolean {
  if (source.length <= LONG) return false;
  let start = 0;
  for (let end = source.indexOf('\n'); end !== -1; end = source.indexOf('\n', start)) {
    if (end - start > LONG) return true;
    start = end + 1;
  }
  return source.length - start > LONG;
}

/** Passes the tokens on, each long double-quoted scalar without escapes blanked; `values` gets its value by offset. */
export function* blankingLongQuoted(tokens: Iterable<CST.Token>, values: Map<number, string>): Generator<CST.Token> {
  const blank = (token: CST.Token | null | undefined) => {
    if (!token || token.type !== 'double-quoted-scalar' || token.source.length <= LONG || /[\\\n\r]/.test(token.source)) return;
    const s = token.source;
    // `yaml` reads the characters between the first and the last, whatever the last one is.
    values.set(token.offset, s.slice(1, -1));
    token.source = s[0] + ' '.repeat(s.length - 2) + s[s.length - 1];
  };
  for (const token of tokens) {
    if (token.type === 'document') {
      CST.visit(token, (item) => {
        blank(item.key);
        blank(item.value);
      });
    }
    yield token;
  }
}
