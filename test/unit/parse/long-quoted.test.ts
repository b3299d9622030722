/**
 * Long double-quoted scalars are handed to `yaml` blanked (long-quoted.ts): everything `yaml`
 * reports — values, ranges, styles, tags, anchors, errors — must stay what its own
 * `parseAllDocuments` reports for the original text.
 */
import assert from 'node:assert/strict';
import { CST, Parser, parseAllDocuments, visit, type Document } from 'yaml';
import { blankingLongQuoted, parseYamlDocuments } from '../../../server/src/core/parse/long-quoted';
import { PYYAML_OPTIONS } from '../../../server/src/core/parse/pyyaml-schema';

const long = (n: number) => Array.from({ length: n }, (_, i) => `\${{ vars.V${i % 7} }} ' # : - { [ `).join('');
const LINE = long(400); // about 11,000 characters

/** What a test can compare: every node's value, range, style, tag and anchor, and every error. */
function shape(docs: Document.Parsed[]) {
  return docs.map((doc) => {
    const nodes: unknown[] = [];
    visit(doc, {
      Node(_, node) {
        nodes.push({ value: (node as { value?: unknown }).value instanceof Object ? '(collection)' : (node as { value?: unknown }).value, range: node.range, type: (node as { type?: string }).type, tag: node.tag, anchor: node.anchor });
      },
    });
    return { nodes, errors: doc.errors.map((e) => [e.code, e.message, e.pos]), warnings: doc.warnings.map((e) => [e.code, e.pos]) };
  });
}

const CASES: Record<string, string> = {
  'a value': `a:\n  b: "${LINE}"\n`,
  'a key': `"${LINE}": 1\n`,
  'a sequence item in a flow collection': `a: [1, "${LINE}", {"${LINE}": "${LINE}"}]\n`,
  'the document itself': `"${LINE}"\n`,
  'with a tag and an anchor, then an alias': `a: !!str &x "${LINE}"\nb: *x\n`,
  'without its closing quote': `a: "${LINE}`,
  'ending in spaces before the quote': `a: "${LINE}    "\n`,
  'an escape (left to yaml)': `a: "${LINE}\\t${LINE}"\n`,
  'a line break (left to yaml)': `a: "${LINE}\n  ${LINE}"\n`,
  'a carriage return (left to yaml)': `a: "${LINE}\r\n  x"\n`,
  'a second document': `a: "${LINE}"\n---\nb: "${LINE}"\n`,
  'a broken document around it': `a: [\n b: "${LINE}"\n  - c\n`,
  'single quotes (not touched)': `a: '${LINE.replace(/'/g, "''")}'\n`,
  'short scalars only': 'a: "x"\nb: "y\\n"\n',
};

describe('long double-quoted scalars', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`reads ${name} exactly as yaml does`, () => {
      assert.deepEqual(shape(parseYamlDocuments(text, PYYAML_OPTIONS)), shape(parseAllDocuments(text, PYYAML_OPTIONS) as Document.Parsed[]));
    });
  }

  it('hands yaml the content of a long scalar without escapes as spaces, and keeps its value', () => {
    const text = `a: "${LINE}"\nb: "${LINE}\\n"\nc: "short"\n`;
    const values = new Map<number, string>();
    const tokens = [...blankingLongQuoted(new Parser().parse(text), values)];
    const sources: string[] = [];
    for (const token of tokens) {
      if (token.type === 'document') {
        CST.visit(token, (item) => {
          if (item.value?.type === 'double-quoted-scalar') sources.push(item.value.source);
        });
      }
    }
    assert.equal(sources.length, 3);
    assert.ok(sources[0] === `"${' '.repeat(LINE.length)}"`, 'the long scalar is blanked');
    assert.ok(sources[1] === `"${LINE}\\n"`, 'a scalar with an escape is left as it is');
    assert.equal(sources[2], '"short"');
    assert.deepEqual([...values.keys()], [3], 'the value is kept by the scalar\'s offset');
    assert.ok(values.get(3) === LINE, 'the value is the text between the quotes');
  });
});
