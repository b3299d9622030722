/**
 * YAML documents against PyYAML 6.0.3's `yaml.safe_load`, the reader of the Sinas backend
 * (backend/app/services/config_parser.py): each row says whether safe_load accepted the text or
 * which error it raised and on which line(s) its marks point, recorded by running PyYAML 6.0.3.
 * The rows are the scanner, parser, composer and constructor rules where YAML 1.2 (the `yaml`
 * library) and PyYAML disagree, plus their accepted neighbours. A rejected text must get an error
 * on (or spanning) one of the lines PyYAML names; an accepted one must get none. Lines count PyYAML's line
 * breaks (`\r`, NEL, LS and PS included).
 */
import assert from 'node:assert/strict';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';

type Verdict = null | { error: string; lines: number[] };

const PYYAML_6_0_3: [name: string, text: string, verdict: Verdict][] = [
  ["tab after colon before flow", "skills:\t[]\n", {"error": "ScannerError: found character '\\t' that cannot start any token", "lines": [1]}],
  ["tab after colon before plain", "a:\tb\n", {"error": "ScannerError: found character '\\t' that cannot start any token", "lines": [1]}],
  ["tab before comment", "a: b\t# c\n", {"error": "ScannerError: found character '\\t' that cannot start any token", "lines": [1]}],
  ["tab between words of a plain scalar", "a: b\tc\n", {"error": "ScannerError: found character '\\t' that cannot start any token", "lines": [1]}],
  ["trailing tab", "a: b\t\n", {"error": "ScannerError: found character '\\t' that cannot start any token", "lines": [1]}],
  ["tab in flow sequence", "a: [b,\tc]\n", {"error": "ScannerError: found character '\\t' that cannot start any token", "lines": [1]}],
  ["tab after dash", "-\tb\n", {"error": "ScannerError: found character '\\t' that cannot start any token", "lines": [1]}],
  ["tab-only blank line", "a: 1\n\t\nb: 2\n", {"error": "ScannerError: found character '\\t' that cannot start any token", "lines": [2]}],
  ["tab in indentation", "a:\n\tb: 1\n", {"error": "ScannerError: found character '\\t' that cannot start any token", "lines": [2]}],
  ["tab after block scalar indicator", "a: |\t\n  b\n", {"error": "ScannerError: expected chomping or indentation indicators, but found '\\t'", "lines": [1]}],
  ["tab before block scalar indentation", "a: |\n\tb\n", {"error": "ScannerError: found character '\\t' that cannot start any token", "lines": [2]}],
  ["tab in a comment", "a: b # c\td\n", null],
  ["tab in a comment line", "# c\td\na: 1\n", null],
  ["tab in double quotes", "a: \"b\tc\"\n", null],
  ["tab in single quotes", "a: 'b\tc'\n", null],
  ["tab in block scalar text", "a: |\n  b\tc\n", null],
  ["tab after block scalar indentation", "a: |\n  \tb\n", null],
  ["tab in quoted continuation line", "a: \"b\n\tc\"\n", null],
  ["lone CR line breaks", "a: 1\rb: 2\r", null],
  ["CR CR LF", "a: 1\r\r\nb: 2\r\n", null],
  ["NEL line breaks", "a: 1\u0085b: 2\u0085", null],
  ["LS line breaks", "a: 1\u2028b: 2\u2028", null],
  ["PS line breaks", "a: 1\u2029b: 2\u2029", null],
  ["NEL inside a plain scalar", "a: b\u0085c\n", {"error": "ScannerError: could not find expected ':'", "lines": [2, 3]}],
  ["LS inside a plain scalar", "a: b\u2028c\n", {"error": "ScannerError: could not find expected ':'", "lines": [2, 3]}],
  ["NEL folding inside a plain scalar", "a: b\u0085 c\n", null],
  ["NEL inside double quotes", "a: \"b\u0085c\"\n", null],
  ["NEL ending a comment", "# x\u0085a: 1\n", null],
  ["LS inside a quoted key", "\"a\u2028b\": 1\n", {"error": "ScannerError: mapping values are not allowed here", "lines": [2]}],
  ["CR inside a literal block", "a: |\n  b\r  c\n", null],
  ["local tag", "a: !Ref foo\n", {"error": "ConstructorError: could not determine a constructor for the tag '!Ref'", "lines": [1]}],
  ["local tag without value", "a: !Ref\n", {"error": "ConstructorError: could not determine a constructor for the tag '!Ref'", "lines": [1]}],
  ["python tag", "a: !!python/object:os.system x\n", {"error": "ConstructorError: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object:os.system'", "lines": [1]}],
  ["tag from a %TAG directive", "%TAG !e! tag:example.com,2000:\n---\na: !e!foo 1\n", {"error": "ConstructorError: could not determine a constructor for the tag 'tag:example.com,2000:foo'", "lines": [3]}],
  ["local tag on a mapping", "a: !foo {b: 1}\n", {"error": "ConstructorError: could not determine a constructor for the tag '!foo'", "lines": [1]}],
  ["undefined tag handle", "a: !x!y 5\n", {"error": "ParserError: found undefined tag handle '!x!'", "lines": [1]}],
  ["verbatim str tag", "a: !<tag:yaml.org,2002:str> 5\n", null],
  ["binary", "a: !!binary aGVsbG8=\n", null],
  ["binary with bad padding", "a: !!binary \"aGVsb\"\n", {"error": "ConstructorError: failed to decode base64 data: Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4", "lines": [1]}],
  ["str tag on a mapping", "a: !!str {b: 1}\n", {"error": "ConstructorError: expected a scalar node, but found mapping", "lines": [1]}],
  ["seq tag on a scalar", "a: !!seq x\n", {"error": "ConstructorError: expected a sequence node, but found scalar", "lines": [1]}],
  ["map tag on a sequence", "a: !!map [x]\n", {"error": "ConstructorError: expected a mapping node, but found sequence", "lines": [1]}],
  ["set of keys", "a: !!set {b, c}\n", null],
  ["set with values", "a: !!set {b: 1}\n", null],
  ["set tag on a sequence", "a: !!set [b]\n", {"error": "ConstructorError: expected a mapping node, but found sequence", "lines": [1]}],
  ["omap", "a: !!omap [{b: 1}, {c: 2}]\n", null],
  ["omap with a scalar item", "a: !!omap [{b: 1}, c]\n", {"error": "ConstructorError: expected a mapping of length 1, but found scalar", "lines": [1]}],
  ["omap on a mapping", "a: !!omap {b: 1}\n", {"error": "ConstructorError: expected a sequence, but found mapping", "lines": [1]}],
  ["pairs with a two-key item", "a: !!pairs [{b: 1}, {b: 2, c: 3}]\n", {"error": "ConstructorError: expected a single mapping item, but found 2 items", "lines": [1]}],
  ["non-specific tag on a plain int", "a: ! 42\n", null],
  ["non-specific tag on a quoted int", "a: ! \"42\"\n", null],
  ["non-specific tag on a sequence", "a: ! [1]\n", null],
  ["equals sign as a value", "a: =\n", {"error": "ConstructorError: could not determine a constructor for the tag 'tag:yaml.org,2002:value'", "lines": [1]}],
  ["equals sign as a key", "=: 1\n", null],
  ["merge indicator as a value", "a: <<\n", {"error": "ConstructorError: could not determine a constructor for the tag 'tag:yaml.org,2002:merge'", "lines": [1]}],
  ["merge indicator as a list item", "- <<\n", {"error": "ConstructorError: could not determine a constructor for the tag 'tag:yaml.org,2002:merge'", "lines": [1]}],
  ["merge of a mapping", "x: &x {b: 1}\na:\n  <<: *x\n  c: 2\n", null],
  ["merge of a list of mappings", "x: &x {a: 1}\ny: &y {b: 2}\nz:\n  <<: [*x, *y]\n", null],
  ["merge of an inline mapping", "z:\n  <<: {a: 1}\n", null],
  ["merge of a scalar", "a:\n  <<: 5\n", {"error": "ConstructorError: expected a mapping or list of mappings for merging, but found scalar", "lines": [2]}],
  ["merge of nothing", "a:\n  <<:\n  c: 2\n", {"error": "ConstructorError: expected a mapping or list of mappings for merging, but found scalar", "lines": [2]}],
  ["merge of a list with a scalar", "x: &x {b: 1}\na:\n  <<: [*x, 5]\n", {"error": "ConstructorError: expected a mapping for merging, but found scalar", "lines": [3]}],
  ["merge of an aliased list of scalars", "x: &x [1]\nz:\n  <<: *x\n", {"error": "ConstructorError: expected a mapping for merging, but found scalar", "lines": [1, 3]}],
  ["tagged merge key", "z:\n  !!merge <<: {a: 1}\n", null],
  ["quoted merge key", "z:\n  \"<<\": 5\n", null],
  ["invalid date", "a: 2001-02-30\n", {"error": "ValueError: day is out of range for month", "lines": []}],
  ["invalid time", "a: 2001-02-03 25:00:00\n", {"error": "ValueError: hour must be in 0..23", "lines": []}],
  ["invalid date as a key", "2001-02-30: 1\n", {"error": "ValueError: day is out of range for month", "lines": []}],
  ["empty binary int", "a: 0b_\n", {"error": "ValueError: invalid literal for int() with base 2: ''", "lines": []}],
  ["int tag on text", "a: !!int abc\n", {"error": "ValueError: invalid literal for int() with base 10: 'abc'", "lines": []}],
  ["bool tag on y", "a: !!bool Y\n", {"error": "KeyError: 'y'", "lines": []}],
  ["sequence as a key", "? [a, b]\n: x\n", {"error": "ConstructorError: found unhashable key", "lines": [1]}],
  ["mapping as a key", "? {a: 1}\n: x\n", {"error": "ConstructorError: found unhashable key", "lines": [1]}],
  ["flow sequence as an implicit key", "[a]: x\n", {"error": "ConstructorError: found unhashable key", "lines": [1]}],
  // PyYAML marks the anchored sequence (line 1) the key shares; we mark the alias used as the key (line 2).
  ["alias of a sequence as a key", "a: &x [1]\n*x : 1\n", {"error": "ConstructorError: found unhashable key", "lines": [1, 2]}],
  ["alias of a scalar as a key", "a: &x k\n*x : 1\n", null],
  ["empty key in a block mapping", ": 1\n", {"error": "ParserError: expected <block end>, but found ':'", "lines": [1]}],
  ["empty key in a nested mapping", "a:\n  : 1\n", {"error": "ParserError: expected <block end>, but found ':'", "lines": [2]}],
  ["empty key in a flow mapping", "a: {: 1}\n", {"error": "ParserError: expected the node content, but found ':'", "lines": [1]}],
  ["explicit empty key", "? \n: 1\n", null],
  ["null key", "~: 1\n", null],
  ["flow key over 1024 characters", "{kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: 1}\n", {"error": "ParserError: expected ',' or '}', but got ':'", "lines": [1]}],
  ["flow key of 1024 characters", "{kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: 1}\n", null],
  ["block key over 1024 characters", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: 1\n", {"error": "ScannerError: mapping values are not allowed here", "lines": [1]}],
  ["block key of 1024 characters", "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: 1\n", null],
  ["flow key across lines", "{\"a\n b\": 1}\n", {"error": "ParserError: expected ',' or '}', but got ':'", "lines": [1, 2]}],
  ["plain flow key across lines", "{a\n b: 1}\n", {"error": "ParserError: expected ',' or '}', but got ':'", "lines": [1, 2]}],
  ["flow sequence pair key across lines", "[a\n b: 1]\n", {"error": "ParserError: expected ',' or ']', but got ':'", "lines": [1, 2]}],
  ["duplicate anchor", "a: &x 1\nb: &x 2\nc: *x\n", {"error": "ComposerError: second occurrence", "lines": [1, 2]}],
  ["duplicate unused anchor", "a: &x 1\nb: &x 2\n", {"error": "ComposerError: second occurrence", "lines": [1, 2]}],
  ["anchor name with a dot", "a: &a.b x\nb: *a.b\n", {"error": "ScannerError: expected alphabetic or numeric character, but found '.'", "lines": [1]}],
  ["anchor name with a non-ASCII letter", "a: &\u00e4 x\n", {"error": "ScannerError: expected alphabetic or numeric character, but found '\u00e4'", "lines": [1]}],
  ["anchor name with - and _", "a: &x-y_z 1\nb: *x-y_z\n", null],
  ["undefined alias", "a: *x\n", {"error": "ComposerError: found undefined alias 'x'", "lines": [1]}],
  ["flow sequence continued at a lower indent", "a: [b,\nc]\n", null],
  ["nested flow sequence continued at a lower indent", "a:\n  b: [c,\n  d]\n", null],
  ["flow mapping continued at a lower indent", "a: {b: 1,\nc: 2}\n", null],
  ["block scalar header under its key, at the key's column", "k:\n|\n  t\nj: 1\n", null],
  ["nested block scalar header under its key", "a:\n  k:\n  >-\n    t\n  j: 2\n", null],
  ["block scalar header under a key in a sequence, after a blank line", "a:\n- k:\n\n  |\n   t\n", null],
  ["block scalar header under a key with comments between", "a:\n  k: # note\n  # more\n  |\n    t\n", null],
  ["block scalar header left of its key", "a:\n  k:\n|\n    t\n", {"error": "ParserError: expected <block end>, but found '<scalar>'", "lines": [1, 3]}],
  ["block scalar header under a key that has a value", "a:\n  k: v\n  |\n    t\n", {"error": "ParserError: expected <block end>, but found '<scalar>'", "lines": [2, 3]}],
  ["comment right after a quoted scalar", "a: \"b\"#c\n", null],
  ["comment right after a flow sequence", "a: [b]#c\n", null],
  ["comment right after a block scalar indicator", "a: |#c\n  b\n", {"error": "ScannerError: expected chomping or indentation indicators, but found '#'", "lines": [1]}],
  ["hash inside a plain scalar", "a: b#c\n", null],
  ["YAML 1.1 directive", "%YAML 1.1\n---\na: 1\n", null],
  ["YAML 1.2 directive", "%YAML 1.2\n---\na: yes\n", null],
  ["YAML 2.0 directive", "%YAML 2.0\n---\na: 1\n", {"error": "ParserError: found incompatible YAML document (version 1.* is required)", "lines": [1]}],
  ["two YAML directives", "%YAML 1.1\n%YAML 1.1\n---\na: 1\n", {"error": "ParserError: found duplicate YAML directive", "lines": [2]}],
  ["tag handle defined twice", "%TAG ! tag:a,2000:\n%TAG ! tag:b,2000:\n---\na: 1\n", {"error": "ParserError: duplicate tag handle '!'", "lines": [2]}],
  ["unknown directive", "%FOO bar\n---\na: 1\n", null],
  ["second document", "a: 1\n---\nb: 2\n", {"error": "ComposerError: but found another document", "lines": [1, 2]}],
  ["empty second document", "a: 1\n---\n", {"error": "ComposerError: but found another document", "lines": [1, 2]}],
  ["document end marker", "a: 1\n...\n", null],
  ["byte order mark", "\ufeffa: 1\n", null],
  ["backtick starting a value", "a: `x`\n", {"error": "ScannerError: found character '`' that cannot start any token", "lines": [1]}],
  ["percent starting a value", "a: %x\n", {"error": "ScannerError: found character '%' that cannot start any token", "lines": [1]}],
  ["at sign starting a value", "a: @x\n", {"error": "ScannerError: found character '@' that cannot start any token", "lines": [1]}],
  ["unknown escape in double quotes", "a: \"b\\qc\"\n", {"error": "ScannerError: found unknown escape character 'q'", "lines": [1]}],
  ["slash escape in double quotes", "a: \"b\\/c\"\n", null],
  ["empty flow sequence entry", "a: [b, , c]\n", {"error": "ParserError: expected the node content, but found ','", "lines": [1]}],
  ["trailing comma in a flow mapping", "a: {b: 1,}\n", null],
  ["control character", "a: b\u0007c\n", {"error": "ReaderError: unacceptable character #x0007: special characters are not allowed\n  in \"<unicode string>\", position 4", "lines": []}],
  ["DEL character", "a: b\u007fc\n", {"error": "ReaderError: unacceptable character #x007f: special characters are not allowed\n  in \"<unicode string>\", position 4", "lines": []}],
];

/** 1-based line of an offset, counting the line breaks PyYAML counts. */
function yamlLine(text: string, offset: number): number {
  return (text.slice(0, offset).match(/\r\n|[\r\n\u0085\u2028\u2029]/g) ?? []).length + 1;
}

describe('YAML documents as PyYAML reads them (table checked against PyYAML 6.0.3)', () => {
  for (const [name, text, verdict] of PYYAML_6_0_3) {
    it(`${name}: ${verdict ? `rejected (${verdict.error.split("\n")[0]})` : "accepted"}`, () => {
      const parsed = new DocumentParser().parse(text);
      const errors = parsed.findings.filter((f) => (f.severity ?? 'error') === 'error');
      if (parsed.findings.some((f) => f.code === 'multiple-documents')) errors.push(parsed.findings.find((f) => f.code === 'multiple-documents')!);
      if (!verdict) {
        assert.deepEqual(errors.map((f) => f.message), []);
        return;
      }
      assert.ok(errors.length > 0, 'PyYAML rejects it; we report no error');
      if (verdict.lines.length) {
        const spans = errors.map((f) => [yamlLine(text, f.span.start), yamlLine(text, f.span.end)]);
        const onLine = spans.some(([from, to]) => verdict.lines.some((l) => from <= l && l <= to));
        assert.ok(onLine, `errors on lines ${spans.map(([a, b]) => (a === b ? a : `${a}-${b}`)).join(', ')}; PyYAML points at ${verdict.lines.join(', ')}`);
      }
    });
  }
});
