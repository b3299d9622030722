/**
 * PyYAML breaks lines at `\n`, `\r\n`, a lone `\r`, NEL, LS and PS; editors and LSP positions at
 * `\n`, `\r\n` and a lone `\r` only. The parser reads the first set, positions use the second.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../../server/src/core/analyze';
import { yamlBreaks } from '../../../server/src/core/parse/line-breaks';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';
import { safeLoad } from '../../../server/src/core/parse/safe-load';
import type { YNode } from '../../../server/src/core/parse/yaml-tree';

const PACKAGE = ['apiVersion: sinas.co/v1', 'kind: SinasPackage', 'package:', '  name: demo', 'spec:', '  skills: []', '  typo: 1', ''];

function shape(n: YNode | null): unknown {
  if (!n) return null;
  if (n.kind === 'scalar') return [n.start, n.end, n.value];
  if (n.kind === 'alias') return ['alias', n.name];
  if (n.kind === 'seq') return ['seq', n.start, n.end, n.items.map(shape)];
  return ['map', n.start, n.end, n.pairs.map((p) => [shape(p.key), shape(p.value)])];
}

describe('line breaks', () => {
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
    ['CR CR LF', '\r\r\n'],
    ['NEL', '\u0085'],
    ['LS', '\u2028'],
    ['PS', '\u2029'],
  ] as const) {
    it(`reads a package with ${name} line ends as PyYAML does, with editor positions`, () => {
      const text = PACKAGE.join(eol);
      const analysis = analyze(text);
      const typo = text.indexOf('typo');
      // The only finding: the unknown key under spec, wherever the lines break.
      assert.deepEqual(
        analysis.findings.map((f) => [f.code, f.span.start]),
        [['unknown-key', typo]],
      );
      const editor = TextDocument.create('file:///p.yaml', 'yaml', 1, text);
      for (let offset = 0; offset <= text.length; offset++) {
        assert.deepEqual(analysis.lines.positionAt(offset), editor.positionAt(offset), `offset ${offset}`);
      }
      for (let line = 0; line < editor.lineCount; line++) {
        assert.equal(analysis.lines.offsetAt({ line, character: 0 }), editor.offsetAt({ line, character: 0 }), `line ${line}`);
      }
    });
  }

  it('places a finding inside a block scalar on its own characters, whatever breaks the lines before it', () => {
    // The header rules read the original text, where a lone `\r`, NEL, LS or PS is still itself.
    for (const lineBreak of ['\n', '\r\n', '\r', '\u0085', '\u2028', '\u2029']) {
      const text = `${PACKAGE.slice(0, 4).join('\n')}\n  author: |\n    \${NAME}${lineBreak}    \${NAME}\nspec: {}\n`;
      const spans = analyze(text)
        .findings.filter((f) => f.code === 'uninterpolated-variable')
        .map((f) => f.span.start)
        .sort((a, b) => a - b);
      assert.deepEqual(spans, [...text.matchAll(/\$\{NAME\}/g)].map((m) => m.index), JSON.stringify(lineBreak));
    }
  });

  it('keeps the tree right across edits of a lone-CR document (incrementally normalised)', () => {
    const parser = new DocumentParser();
    let text = PACKAGE.join('\r');
    parser.parse(text);
    const edits: [number, number, string][] = [
      [text.indexOf('demo'), 4, 'other'],
      [text.indexOf('\r  typo'), 1, '\r\n'],
      [text.indexOf('\r\n  typo'), 2, '\r'],
      [text.indexOf('skills') - 3, 1, ''],
      [text.indexOf('spec:') - 1, 0, '\u0085  x: 1'],
    ];
    for (const [at, remove, insert] of edits) {
      text = text.slice(0, at) + insert + text.slice(at + remove);
      assert.deepEqual(shape(parser.parse(text).root), shape(new DocumentParser().parse(text).root), JSON.stringify(insert));
    }
  });

  it('safeLoad (the sandbox\'s and the tests\' PyYAML) breaks lines where PyYAML does', () => {
    for (const lineBreak of ['\r', '\u0085', '\u2028', '\u2029']) {
      assert.deepEqual(safeLoad(`a: 1${lineBreak}b: [x,${lineBreak}  y]${lineBreak}`), { value: { a: 1, b: ['x', 'y'] } }, JSON.stringify(lineBreak));
      // A word alone on the next line: "could not find expected ':'".
      assert.ok(safeLoad(`a: b${lineBreak}c\n`).error, JSON.stringify(lineBreak));
    }
  });

  it('rewrites only the breaks PyYAML has and editors do not, one character for one', () => {
    const text = 'a\rb\r\nc\u0085d\u2028e\u2029f\n';
    assert.equal(yamlBreaks(text), 'a\nb\r\nc\nd\ne\nf\n');
    assert.equal(yamlBreaks(text, 0, 2), 'a\n');
    assert.equal(yamlBreaks('a\r\nb', 0, 2), 'a\r', 'a `\\r` before the cut is followed by `\\n` in the text');
  });
});
