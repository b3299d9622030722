import assert from 'node:assert/strict';
import { parseDocument, Scalar, visit } from 'yaml';
import { dumpYaml, fitsLiteralBlock, withBlockScalars } from '../../../server/src/core/emit/dump-yaml';
import { PYYAML_OPTIONS } from '../../../server/src/core/parse/pyyaml-schema';
import { safeLoad } from '../../../server/src/core/parse/safe-load';

/** The value as the backend's `yaml.safe_load` reads it (PYYAML_OPTIONS alone keeps every scalar a string). */
const read = (text: string): Record<string, unknown> => {
  const loaded = safeLoad(text);
  assert.equal(loaded.error, undefined, text);
  return loaded.value as Record<string, unknown>;
};

/** Deterministic strings built from pieces that trouble block scalars. */
function trickyStrings(count: number): string[] {
  const pieces = ['a', 'def f():', '    return 1', '\n', '\n', '\n\n', ' ', '  ', '\t', '#', ': ', '- ', '"', "'", '|', '>', '---', '...', 'é', '😀', '${{ vars.X }}', 'true', '1.0'];
  const rare = ['\r', '\x07', '\x1b', '\x00'];
  let seed = 7;
  // mulberry32: small, deterministic, and its low bits are usable.
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let n = 1 + (next() % 8); n > 0; n--) s += next() % 20 === 0 ? rare[next() % rare.length] : pieces[next() % pieces.length];
    out.push(s);
  }
  return out;
}

describe('core emit: dump-yaml', () => {
  it('dumps like yaml.dump: unindented sequences, multi-line text quoted', () => {
    const text = dumpYaml({ spec: { functions: [{ name: 'f', code: 'def handler(a):\n    return a\n', prompt: 'one\ntwo' }] } });
    assert.equal(text, "spec:\n  functions:\n  - name: f\n    code: \"def handler(a):\\n    return a\\n\"\n    prompt: 'one\n\n      two'\n");
    // PyYAML's scanner refuses a tab in plain text; yaml.dump escapes it, and so do we.
    assert.equal(dumpYaml({ v: 'a\tb', w: 'yes' }), "v: \"a\\tb\"\nw: 'yes'\n");
  });

  it('turns the multi-line strings of created YAML into literal blocks and keeps everything else as written', () => {
    const created = dumpYaml({ apiVersion: 'sinas.co/v1', kind: 'SinasPackage', package: { name: 'p', version: '1.0' }, spec: { functions: [{ namespace: 'support', name: 'lookup', code: 'def handler(input_data, context):\n    return {"tier": "gold"}\n', flag: 'on' }] } });
    const readable = withBlockScalars(created);
    assert.equal(
      readable,
      [
        'apiVersion: sinas.co/v1',
        'kind: SinasPackage',
        'package:',
        '  name: p',
        "  version: '1.0'",
        'spec:',
        '  functions:',
        '  - namespace: support',
        '    name: lookup',
        '    code: |',
        '      def handler(input_data, context):',
        '          return {"tier": "gold"}',
        "    flag: 'on'",
        '',
      ].join('\n'),
    );
    assert.deepEqual(read(readable), read(created));
  });

  it('writes what PyYAML reads as a line break or refuses raw (NEL, LS, PS, C1, BOM) as escapes in double quotes', () => {
    // `yaml` writes them raw, double quotes or not: PyYAML then read `"a<NEL>\\nb"` as `a \nb`.
    assert.equal(dumpYaml({ v: 'a\x85\nb', 'k\u2028': ['x\u2029y'] }), 'v: "a\\N\\nb"\n"k\\L":\n- "x\\Py"\n');
    assert.equal(dumpYaml({ v: 'a\x7f\x80b\ufeff' }), 'v: "a\\x7F\\x80b\\uFEFF"\n');
  });

  it('chooses chomping and indentation indicators so the value reads back exactly', () => {
    for (const value of ['no final newline\nx', 'kept\n\n', ' leading space\nx\n', '\n\nstarts with blank lines\n']) {
      const text = withBlockScalars(dumpYaml({ v: value }));
      assert.match(text, /^v: \|/, text);
      assert.equal(read(text).v, value);
    }
  });

  it('leaves quoted what a literal block cannot carry: control characters, CR, YAML 1.1 line breaks, a line of only whitespace', () => {
    for (const value of ['a\x07\nb', 'a\r\nb', 'a\u2028\nb', 'a\x85\nb', 'a\n  ', '  \n\nb', 'a\n \nb']) {
      assert.equal(fitsLiteralBlock(value), false, JSON.stringify(value));
      const text = withBlockScalars(dumpYaml({ v: value }));
      assert.doesNotMatch(text, /^v: \|/, text);
      assert.equal(read(text).v, value);
    }
  });

  it('reads back every generated string identically, in mappings and in sequences', () => {
    const strings = trickyStrings(400);
    const value = { spec: { items: strings.map((s, i) => ({ name: `n${i}`, text: s })), list: strings } };
    const readable = withBlockScalars(dumpYaml(value));
    assert.deepEqual(read(readable), value);
    const fitting = strings.filter(fitsLiteralBlock).length;
    assert.ok(fitting > 60, `${fitting} generated strings fit a block`);
    let blocks = 0;
    visit(parseDocument(readable, PYYAML_OPTIONS), { Scalar: (_key, node) => void (node.type === Scalar.BLOCK_LITERAL && blocks++) });
    assert.equal(blocks, 2 * fitting, 'each string that fits became a block, in both places');
  });

  it('leaves a document alone when it holds a character yaml would write raw (PyYAML escapes NEL, LS, PS, C1 and BOM)', () => {
    for (const escape of ['\\N', '\\L', '\\P', '\\x80', '\\uFEFF']) {
      const text = `a: "x${escape}y"\nb: "one\\ntwo"\n`;
      assert.equal(withBlockScalars(text), text);
    }
    assert.equal(withBlockScalars('a: "x"\nb: "one\\ntwo"\n'), 'a: "x"\nb: |-\n  one\n  two\n', 'positive control');
  });

  it('returns text it cannot read unchanged', () => {
    for (const text of ['a: [unclosed\n', 'a: 1\n---\nb: 2\n', 'a: 1\na: 2\n'.replace('a: 2', 'a: "x\n  y"') + ': :\n']) assert.equal(withBlockScalars(text), text);
  });
});
