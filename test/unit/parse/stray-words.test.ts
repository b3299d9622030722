/**
 * A word alone at column 0 is read as a blank line with one finding on it, in the chunk that holds
 * it: the document around it keeps its chunks (an edit elsewhere re-reads one item, not the whole
 * text), and where the word is content of a node (a multi-line quoted or block scalar, a flow
 * collection) it is left alone.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';
import { parseRegion } from '../../../server/src/core/parse/parse-region';
import { bareWordOfLine, blankSpans, columnZeroWordEnd, columnZeroWords } from '../../../server/src/core/parse/stray-words';
import { toValue } from '../../../server/src/core/parse/to-value';
import { generatePackage } from '../../support/generate-package';
import { randomLines } from '../../support/random-lines';

const PKG = readFileSync(join(__dirname, '../../fixtures/typing/tone.yaml'), 'utf8');

const found = (text: string) => analyze(text).findings.map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}`);

describe('words alone at column 0', () => {
  it('blanks spans that repeat or overlap once, keeping the text\'s length', () => {
    assert.equal(blankSpans('ab cd\nef', [{ start: 3, end: 5 }, { start: 0, end: 2 }]), '     \nef');
    assert.equal(blankSpans('ab cd\nef', [{ start: 0, end: 5 }, { start: 0, end: 5 }, { start: 3, end: 7 }]), '       f');
  });

  it('recognises a word, with spaces or a comment after it, and nothing else', () => {
    const word = (line: string) => {
      const end = columnZeroWordEnd(line, 0);
      return end > 0 ? line.slice(0, end) : undefined;
    };
    assert.equal(word('spe'), 'spe');
    assert.equal(word('description hello  # typing\n'), 'description hello');
    assert.equal(word('LARED_VARIABLE_2550\r\n'), 'LARED_VARIABLE_2550');
    assert.equal(word('a#b'), 'a#b', 'a # inside a word is no comment');
    for (const other of ['spec:', 'a: b', 'http://x', '  indented', '- item', '-x', '# comment', '', '\n', '...', '--- ', '%YAML 1.1', '"quoted', "it's", 'a, b', 'x]', '{a', '&anchor', '*alias', '!tag', '|', '>', '?', 'bell\u0007', ']', '}, x', ',']) {
      assert.equal(word(other), undefined, JSON.stringify(other));
    }
    assert.equal(word('....'), '....', 'four dots are no document marker');
    // `@` and a backtick start no token: the whole line is unreadable, whatever it holds.
    assert.equal(word('@at'), '@at');
    assert.equal(word('`tick: x  # c'), '`tick: x');
    assert.equal(word('@x "y'), undefined, 'a quote may end a node the planner follows');
    assert.equal(word('@bell\u0007'), undefined);
    assert.deepEqual(columnZeroWords('a: 1\nspe\n  x\nfoo # c\n'), [{ start: 5, end: 8 }, { start: 13, end: 16 }]);
  });

  it('is linear in the line: a megabyte of spaces and no colon', () => {
    const line = `a${' '.repeat(1_000_000)}b`;
    const started = performance.now();
    assert.equal(columnZeroWordEnd(line, 0), line.length);
    assert.equal(columnZeroWordEnd(`${line}:`, 0), -1);
    assert.ok(performance.now() - started < 1000);
  });

  it('reads a column-0 word as this regular expression describes it, on random lines', () => {
    // Word characters (a `#` too, unless a blank comes before it), then maybe blanks and a ` #` comment.
    const word = String.raw`[^\n\r \t:'"{}[\],\x00-\x1f\x7f-\x9f\ufffe\uffff]`;
    const after = String.raw`[ \t]*(?:[ \t]#[^\r\n]*)?(?=[\r\n]|$)`;
    const plain = new RegExp(String.raw`^((?=${word})[^-?:,[\]{}#&*!|>'"%@\`](?:${word}|[ \t]+(?=[^#])${word})*)${after}`);
    // After `@` or a backtick, `:` is part of the word too.
    const wordOrColon = word.replace('\\t:', '\\t');
    const noToken = new RegExp(String.raw`^([@\`](?:${wordOrColon}|[ \t]+(?=[^#])${wordOrColon})*)${after}`);
    const alphabet = [' ', '\t', 'a', 'b', '#', ':', '\r', '\n', '"', '[', ',', '@', '`', '-', '.', '\u0007', '\u0085', '\u00e9', '\ud83d', '\uffff'];
    for (const line of randomLines(alphabet, 40_000, 17)) {
      const m = /^\.\.\.(?:[ \t\r\n]|$)/.test(line) ? null : (plain.exec(line) ?? noToken.exec(line));
      assert.equal(columnZeroWordEnd(line, 0), m && m[1].length > 0 ? m[1].length : -1, JSON.stringify(line));
    }
  });

  it("reads a line's bare word exactly as the regular expression it replaces, in linear time", () => {
    const reference = /^([ \t]*(?:-[ \t]+)*)([^\s#'"{}[\],&*!|>%@`?:-][^:]*?)[ \t]*(?:[ \t]#.*)?$/;
    const alphabet = [' ', '\t', '-', 'a', 'b', '#', ':', '\r', '"', '\u2028', '.'];
    for (const line of randomLines(alphabet, 20_000, 11)) {
      const m = reference.exec(line);
      const expected = m ? { start: m[1].length, end: m[1].length + m[2].length } : undefined;
      assert.deepEqual(bareWordOfLine(line), expected, JSON.stringify(line));
    }
    const tabs = `descr${'\t'.repeat(200_000)}x`;
    const started = performance.now();
    assert.deepEqual(bareWordOfLine(tabs), { start: 0, end: tabs.length });
    assert.equal(bareWordOfLine(`${tabs}:`), undefined);
    assert.ok(performance.now() - started < 1000, 'the regular expression took minutes');
  });

  const cases: [string, string, string][] = [
    ['between two items of a section', PKG.replace('  agents:\n', '  agents:\n    - namespace: demo\n      name: first\nnam\n'), 'nam'],
    ['before the first item of a section (its chunk held no line of it)', PKG.replace('  agents:\n', '  agents:\nnam\n'), 'nam'],
    ['at the end of the document', `${PKG}temp\n`, 'temp'],
    ['at the end without a line break', `${PKG}temp`, 'temp'],
    ['before the first line', `apiVer\n${PKG}`, 'apiVer'],
    ['inside an item, between its keys', PKG.replace('      name: bot\n', 'descr\n      name: bot\n'), 'descr'],
  ];
  for (const [where, text, word] of cases) {
    it(`${where}: one finding on the word, the rest read as without it`, () => {
      assert.deepEqual(found(text), [`yaml-syntax ${word}`]);
      assert.match(analyze(text).findings[0].message, new RegExp(`^\`${word}\` is not a key yet`));
      assert.ok(analyze(text).model.resources.some((r) => r.identity === 'demo/bot'));
    });
  }

  it('keeps a large package in chunks: an edit in another item re-reads that item only', () => {
    const base = generatePackage(2_000);
    const at = base.indexOf('\n  agents:\n') + 1;
    const text = `${base.slice(0, at)}LARED_VARIABLE_2550\n${base.slice(at)}`;
    const parser = new DocumentParser();
    const opened = analyze(text, { parser });
    assert.deepEqual(opened.findings.filter((f) => f.code === 'yaml-syntax').map((f) => text.slice(f.span.start, f.span.end)), ['LARED_VARIABLE_2550']);
    const parsed = parser.parse(text);
    assert.ok(parsed.chunked, 'the word does not make the document one chunk');
    const item = text.lastIndexOf('    - namespace:');
    const edited = `${text.slice(0, item + 6)}X${text.slice(item + 6)}`;
    parser.noteChange(item + 6, item + 6, 'X');
    const after = analyze(edited, { parser });
    assert.ok(after.stats.parsedChunks <= 2, `${after.stats.parsedChunks} chunks parsed for one keystroke`);
  });

  it('reads a line starting with `@` or a backtick as blank, with one finding, and keeps the package in chunks', () => {
    const base = generatePackage(2_000);
    for (const line of ['@', '`x: y']) {
      const text = `${base}${line}\n`;
      const parser = new DocumentParser();
      const opened = analyze(text, { parser });
      const errors = opened.findings.filter((f) => f.code === 'yaml-syntax');
      assert.deepEqual(errors.map((f) => text.slice(f.span.start, f.span.end)), [line]);
      assert.match(errors[0].message, /^A line cannot start with (`@`|a backtick) here: YAML cannot read it/);
      assert.ok(opened.stats.chunked, 'the line does not make the document one chunk');
      const item = text.lastIndexOf('    - namespace:');
      parser.noteChange(item + 6, item + 6, 'X');
      const after = analyze(`${text.slice(0, item + 6)}X${text.slice(item + 6)}`, { parser });
      assert.ok(after.stats.parsedLength < 1_000, `${after.stats.parsedLength} characters re-read for one keystroke`);
    }
    // Inside a quoted value it is content, as PyYAML reads it.
    const quoted = new DocumentParser().parse('a: "first\n@second"\nb: 1\n');
    // (A quote in the line keeps it from being read as blank: the planner follows quotes.)
    assert.deepEqual(quoted.findings, []);
    assert.equal((toValue(quoted.root).value as Record<string, unknown>).a, 'first @second');
  });

  it('typing a root key in a large package re-reads one chunk per keystroke, not the document', () => {
    const base = generatePackage(2_000);
    const at = base.indexOf('\n  agents:\n') + 1;
    const parser = new DocumentParser();
    analyze(base, { parser });
    let text = base;
    for (const [i, ch] of [...'meta'].entries()) {
      parser.noteChange(at + i, at + i, i === 0 ? `${ch}\n` : ch);
      text = text.slice(0, at + i) + (i === 0 ? `${ch}\n` : ch) + text.slice(at + i);
      const analysis = analyze(text, { parser });
      assert.deepEqual(analysis.findings.filter((f) => f.code === 'yaml-syntax').map((f) => text.slice(f.span.start, f.span.end)), ['meta'.slice(0, i + 1)]);
      assert.ok(analysis.stats.parsedLength < 2_000, `${analysis.stats.parsedLength} characters (${analysis.stats.parsedChunks} chunks) read again for one keystroke`);
    }
  });

  it('leaves a word that is content alone: inside quotes or a flow collection', () => {
    const contents: [string, string, unknown][] = [
      ['a double-quoted scalar', 'a: "first\nsecond\nthird"\nb: 1\n', 'first second third'],
      ['a single-quoted scalar', "a: 'first\nsecond'\nb: 1\n", 'first second'],
      ['a flow mapping', 'a: {x: 1,\ny\n}\nb: 1\n', { x: 1, y: null }],
    ];
    for (const [what, text, value] of contents) {
      const parsed = new DocumentParser().parse(text);
      assert.deepEqual(parsed.findings, [], what);
      assert.deepEqual((toValue(parsed.root).value as Record<string, unknown>).a, value, what);
    }
  });

  it('in a chunked package, a word inside a multi-line node reads as a whole parse reads it', () => {
    const base = generatePackage(600);
    const item = base.indexOf('      description: Fetches item 3 ');
    const lineEnd = base.indexOf('\n', item);
    const variants = [
      '      description: "Fetches\nword\n        more"',
      "      description: 'Fetches\nword'",
      '      description: [a,\nword\n        ]',
      '      description: {a: 1,\nword\n        }',
      '      description: |\n        x\nword\n        y',
      '      description: Fetches\nword\n        more',
    ];
    for (const [k, variant] of variants.entries()) {
      const text = base.slice(0, item) + variant + base.slice(lineEnd);
      const whole = parseRegion(text);
      const chunked = new DocumentParser().parse(text);
      // PyYAML reads quoted and flow nodes across the line, so the word is content there (valid
      // YAML); it ends a block or plain scalar, so there it is a stray line: one finding.
      const expected = k < 4 ? [] : ['yaml-syntax word'];
      const seen = (findings: readonly { code: string; span: { start: number; end: number } }[]) => findings.map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}`);
      assert.deepEqual(seen(chunked.findings), expected, variant);
      assert.deepEqual(seen(whole.findings), expected, variant);
      assert.deepEqual(toValue(chunked.root).value, toValue(whole.root).value, variant);
    }
  });

  it('leaves a document that is a plain scalar as it was (not a mapping, not stray words)', () => {
    const parsed = new DocumentParser().parse('hello\nworld\n');
    assert.deepEqual(parsed.findings, []);
    assert.equal(toValue(parsed.root).value, 'hello world');
  });
});

describe('a quoted value broken across lines, its rest at column 0', () => {
  // A line break typed inside `"${{ vars.X }}"`: PyYAML reads the quoted value on across the line,
  // whatever its indentation, so the line at column 0 is the value's, not the start of junk.
  const base = generatePackage(2_000);
  const at = base.indexOf('Fetches item 30 ') + 'Fetches item 3'.length;
  const line = base.lastIndexOf('\n', at) + 1;
  const quoted = `${base.slice(0, line)}      description: "Fetches item 3${base.slice(at, base.indexOf('\n', at))}"${base.slice(base.indexOf('\n', at))}`.replace('description: description: ', 'description: ');

  it('keeps the package in chunks and reads the value as a whole parse does', () => {
    const split = quoted.replace('"Fetches item 3', '"Fetches item\n3');
    assert.ok(split.includes('\n3'));
    const parser = new DocumentParser();
    const parsed = parser.parse(split);
    assert.ok(parsed.chunked, 'the line at column 0 does not make the document one chunk');
    assert.deepEqual(parsed.findings, []);
    assert.deepEqual(toValue(parsed.root).value, toValue(parseRegion(split).root).value);
  });

  it('an edit that closes the quote before the break ends with the findings of a fresh open', () => {
    const split = quoted.replace('"Fetches item 3', '"Fetches item\n3');
    const parser = new DocumentParser();
    analyze(split, { parser });
    const closeAt = split.indexOf('"Fetches item\n') + '"Fetches item'.length;
    const closed = `${split.slice(0, closeAt)}"${split.slice(closeAt)}`;
    parser.noteChange(closeAt, closeAt, '"');
    const seen = (findings: readonly { span: { start: number; end: number }; code: string; message: string }[]) => findings.map((f) => `${f.span.start}-${f.span.end} ${f.code} ${f.message}`).sort();
    const session = analyze(closed, { parser });
    assert.ok(session.findings.some((f) => f.code === 'yaml-syntax'), 'the rest of the line is now junk at column 0');
    assert.deepEqual(seen(session.findings), seen(analyze(closed).findings));
  });
});

describe('a quoted value with a line that starts with `#` (text, not a comment)', () => {
  // The planner skips comment lines when it looks for an open quote: it found the quote closed on
  // such a line, before the line it was at, went back to it, and looped forever.
  const variants = [
    'a: "first\n# c"\nb: 1\n',
    "a: 'first\n# c'\nb: 1\n",
    'spec:\n  agents:\n    - description: "x\n# y"\n    - name: b\n',
    'spec:\n  agents:\n    - description: "x\n  # y"\n  skills: []\n',
  ];
  for (const text of variants) {
    it(`reads ${JSON.stringify(text)} as a whole parse does, in chunks, and an edit session ends as a fresh open`, () => {
      const parser = new DocumentParser();
      const parsed = parser.parse(text);
      assert.ok(parsed.chunked);
      assert.deepEqual(parsed.findings, []);
      assert.deepEqual(toValue(parsed.root).value, toValue(parseRegion(text).root).value);
      const at = text.indexOf('#') + 1;
      const edited = `${text.slice(0, at)}x${text.slice(at)}`;
      parser.noteChange(at, at, 'x');
      assert.deepEqual(toValue(parser.parse(edited).root).value, toValue(parseRegion(edited).root).value);
    });
  }
});
