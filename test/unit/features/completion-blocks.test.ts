/**
 * Completion's walk up the lines (cursor-context.ts) with and without the parse's help
 * (parsed-blocks.ts): the same answer at every line and column of every rule fixture, the real
 * packages and the examples, and far fewer lines read at the end of a large package.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { cursorPositions, type CursorPosition } from '../../../server/src/features/completion/cursor-context';
import { parsedBlocks } from '../../../server/src/features/completion/parsed-blocks';
import { readAsAbsent } from '../../../server/src/core/parse/stray-words';
import { keyName, nodeAtPath, type YNode } from '../../../server/src/core/parse/yaml-tree';
import { TextLines } from '../../../server/src/features/yaml-lines';
import { generatePackage } from '../../support/generate-package';
import { yamlFiles } from '../../support/yaml-files';

const ROOT = join(__dirname, '../../..');

/** The names of a mapping's keys in the tree. */
const mapKeys = (node: YNode | null | undefined) => (node?.kind === 'map' ? node.pairs.map(keyName) : []);

const summary = (positions: CursorPosition[]) => positions.map((p) => (p.kind === 'key' ? { ...p, siblings: [...p.siblings].sort() } : p));

/** Counts the lines the walk looks at. */
class CountingLines extends TextLines {
  reads = 0;
  override indentOf(line: number): number {
    this.reads++;
    return super.indentOf(line);
  }
}

/**
 * The positions at `line`:`column` found with the parse's help (as completion asks for it) and
 * without, which must be the same, and the lines each walk read.
 */
function readsWithAndWithout(text: string, analysis: ReturnType<typeof analyze>, line: number, column: number, blocks = parsedBlocks(analysis, line)) {
  const plain = new CountingLines(text, analysis.lines);
  const helped = new CountingLines(text, analysis.lines);
  const expected = summary(cursorPositions(plain, line, column));
  assert.deepEqual(summary(cursorPositions(helped, line, column, blocks)), expected);
  return { expected, without: plain.reads, with: helped.reads };
}

describe('completion: the walk up with the help of the parse', () => {
  it('finds the same position at every line and column of the fixtures, the real packages and the examples', () => {
    const files = [...yamlFiles(join(ROOT, 'test/fixtures/rules')), ...yamlFiles(join(ROOT, 'test/fixtures/corpus')), ...yamlFiles(join(ROOT, 'examples'))];
    let helped = 0;
    let compared = 0;
    let found = 0;
    let answeredMore = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const analysis = analyze(text);
      const blocks = parsedBlocks(analysis);
      if (!blocks) continue;
      helped++;
      const lines = new TextLines(text, analysis.lines);
      for (let line = 0; line < lines.count; line++) {
        const length = lines.end(line) - lines.start(line);
        const columns = new Set([...Array.from({ length: Math.min(length, 14) + 1 }, (_, c) => c), length]);
        for (const column of columns) {
          const plain = summary(cursorPositions(lines, line, column));
          const withBlocks = summary(cursorPositions(lines, line, column, blocks));
          const where = `${file.slice(ROOT.length + 1)}:${line + 1}:${column + 1}`;
          if (plain.length === 0 && withBlocks.length > 0) {
            // The text alone can be misread (a quoted value continued at column 0, which PyYAML
            // accepts, looks like the end of the section): the parse's answer must be in the tree.
            for (const p of withBlocks) assert.notEqual(nodeAtPath(analysis.root, p.path.slice(0, -1)), undefined, where);
            answeredMore++;
          } else if (!isDeepStrictEqual(withBlocks, plain)) {
            // The same misreading below the cursor: the lines alone stop at that value, the parse
            // reads on to the keys after it, which must be keys of that mapping in the tree.
            const noSiblings = (ps: typeof plain) => ps.map((p) => (p.kind === 'key' ? { ...p, siblings: [] } : p));
            assert.deepEqual(noSiblings(withBlocks), noSiblings(plain), where);
            withBlocks.forEach((p, i) => {
              const q = plain[i];
              const keys = mapKeys(nodeAtPath(analysis.root, p.path));
              assert.ok(p.kind === 'key' && q.kind === 'key', where);
              assert.ok(p.siblings.every((k) => keys.includes(k)) && q.siblings.every((k) => p.siblings.includes(k)), where);
            });
            answeredMore++;
          }
          compared++;
          if (plain.length) found++;
        }
      }
    }
    // Not vacuous: most files parse, and most positions are somewhere.
    assert.ok(helped > 100, `${helped} files parsed without syntax errors`);
    assert.ok(found > 10_000, `${found} of ${compared} positions found`);
    assert.ok(answeredMore < compared / 100, `${answeredMore} of ${compared} positions answered only with the parse`);
  });

  it('finds the same position where a key is being typed (no `:` yet), which the parse reads as blanks', () => {
    const files = [...yamlFiles(join(ROOT, 'test/fixtures/corpus')), ...yamlFiles(join(ROOT, 'examples'))];
    let helped = 0;
    let typed = 0;
    for (const file of files) {
      const original = readFileSync(file, 'utf8').split('\n');
      if (!parsedBlocks(analyze(original.join('\n')))) continue;
      // About a dozen places per file, each at the usual indentations.
      for (let at = 1; at < original.length; at += Math.max(1, Math.floor(original.length / 12))) {
        for (const indent of [0, 2, 4, 6]) {
          const text = [...original.slice(0, at), `${' '.repeat(indent)}wor`, ...original.slice(at)].join('\n');
          const analysis = analyze(text);
          const blocks = parsedBlocks(analysis, at);
          if (!blocks) continue;
          helped++;
          const lines = new TextLines(text, analysis.lines);
          assert.deepEqual(summary(cursorPositions(lines, at, indent + 3, blocks)), summary(cursorPositions(lines, at, indent + 3)), `${file.slice(ROOT.length + 1)} line ${at + 1}, indent ${indent}`);
          // Elsewhere, a word read as blanks is a broken line the walk must read: no help.
          if (analysis.findings.some(readAsAbsent)) {
            typed++;
            assert.equal(parsedBlocks(analysis, at - 1), undefined);
          }
        }
      }
    }
    assert.ok(helped > 200 && typed > 150, `${helped} positions with the parse's help, ${typed} of them on a word being typed`);
  });

  it('reads a few lines, not the sections above, at the end of a 20,000-line package', () => {
    const text = generatePackage(20_000).replace(/\n$/, '\n      \n');
    const analysis = analyze(text);
    const line = analysis.lines.lineCount - 2;
    const blocks = parsedBlocks(analysis);
    assert.ok(blocks, 'the generated package parses');
    const reads = readsWithAndWithout(text, analysis, line, 6, blocks);
    assert.equal(reads.expected[0].kind, 'key');
    assert.ok(reads.without > 10_000, `without the parse: ${reads.without} lines`);
    assert.ok(reads.with < 50, `with the parse: ${reads.with} lines`);
  });

  it('takes no help from the parse on a line with a YAML error the parse does not read as blanks', () => {
    const base = ['apiVersion: sinas.co/v1', 'kind: SinasPackage', 'package:', '  name: p'];
    const typing = analyze([...base, '  descr', 'spec: {}', ''].join('\n'));
    assert.ok(parsedBlocks(typing, 4), 'a key being typed: the rest of the tree stands');
    const broken = analyze([...base, '  description: a: b', 'spec: {}', ''].join('\n'));
    assert.ok(broken.findings.some((f) => f.code === 'yaml-syntax'));
    assert.equal(parsedBlocks(broken, 4), undefined);
  });

  it('reads a few lines while a key is typed at the end of a 20,000-line package', () => {
    const text = generatePackage(20_000).replace(/\n$/, '\n      descr\n');
    const analysis = analyze(text);
    const line = analysis.lines.lineCount - 2;
    assert.ok(analysis.findings.some((f) => f.code === 'yaml-syntax'), 'the word is a finding');
    const reads = readsWithAndWithout(text, analysis, line, 11);
    assert.equal(reads.expected[0].kind === 'key' && reads.expected[0].partial, 'descr');
    assert.ok(reads.without > 10_000, `without the parse: ${reads.without} lines`);
    assert.ok(reads.with < 50, `with the parse: ${reads.with} lines`);
  });

  it('reads a few lines for a new key at the root or in `spec` at the end of a 20,000-line package', () => {
    const text = generatePackage(20_000).replace(/\n$/, '\n      \n');
    const analysis = analyze(text);
    const blocks = parsedBlocks(analysis);
    for (const [line, column, path] of [[analysis.lines.lineCount - 1, 0, []], [analysis.lines.lineCount - 2, 2, ['spec']]] as const) {
      const reads = readsWithAndWithout(text, analysis, line, column, blocks);
      assert.deepEqual(reads.expected.map((p) => p.path), [path]);
      assert.ok(reads.without > 10_000, `without the parse: ${reads.without} lines`);
      assert.ok(reads.with < 50, `with the parse: ${reads.with} lines`);
    }
  });

  it('reads a few lines in the middle of a long section of a 20,000-line package, at its dashes and beside its key', () => {
    const lines = generatePackage(20_000).split('\n');
    const functions = lines.indexOf('  functions:');
    const middle = lines.findIndex((l, i) => i > functions + 5_000 && l === '    - namespace: tools');
    for (const [at, column, path] of [[middle, 4, ['spec', 'functions']], [functions + 1, 2, ['spec']]] as const) {
      const text = [...lines.slice(0, at), ' '.repeat(column), ...lines.slice(at)].join('\n');
      const analysis = analyze(text);
      const reads = readsWithAndWithout(text, analysis, at, column);
      assert.deepEqual(reads.expected.map((p) => p.path), [path]);
      assert.ok(reads.without > 5_000, `without the parse: ${reads.without} lines`);
      assert.ok(reads.with < 50, `with the parse: ${reads.with} lines`);
    }
  });

  it('reads the lines of a value that runs on below its key, which may be as little indented as the cursor', () => {
    const text = ['apiVersion: sinas.co/v1', 'kind: SinasPackage', 'package:', '  name: p', '  description:', '    a long', '      description', '    ', 'spec: {}', ''].join('\n');
    const analysis = analyze(text);
    const lines = new TextLines(text, analysis.lines);
    const blocks = parsedBlocks(analysis);
    assert.ok(blocks, 'the text parses');
    assert.deepEqual(cursorPositions(lines, 7, 4, blocks), []);
    assert.deepEqual(cursorPositions(lines, 7, 2, blocks).map((p) => p.path), [['package']]);
  });

  it('tells the nearest line above and below indented no deeper than a column, and nothing where a value runs on', () => {
    const text = [
      'apiVersion: sinas.co/v1', // 0
      'kind: SinasPackage',
      'package:',
      '  name: p',
      '  description:', // 4
      '    a long',
      '      description',
      'spec:', // 7
      '  functions:',
      '    - name: f',
      '      code: |', // 10
      '        x',
      '  agents: []', // 12
      '',
    ].join('\n');
    const blocks = parsedBlocks(analyze(text));
    assert.ok(blocks, 'the text parses');
    const above = ([line, column]: number[]) => blocks.lineAbove(line, column);
    const below = ([line, column]: number[]) => blocks.lineBelow(line, column);
    assert.deepEqual([[12, 2], [12, 4], [12, 0], [3, 0]].map(above), [8, 9, 7, 2]);
    assert.deepEqual([[9, 2], [3, 0], [3, 2]].map(below), [12, 7, 4]);
    assert.equal(below([12, 0]), 14, 'none below: the line count');
    // Where a value runs on over several lines (the block scalar, the description), only reading them tells.
    assert.deepEqual([[12, 6], [7, 4], [7, 2]].map(above), [undefined, undefined, undefined]);
    assert.deepEqual([[5, 2], [10, 2]].map(below), [undefined, undefined]);
  });

  it('stops helping after a bounded number of steps in one completion, so no document makes it slower than reading the lines', () => {
    const text = generatePackage(2_000);
    const blocks = parsedBlocks(analyze(text));
    assert.ok(blocks);
    const line = text.split('\n').length - 2;
    const first = blocks.lineAbove(line, 6);
    assert.equal(typeof first, 'number');
    let calls = 1;
    while (blocks.lineAbove(line, 6) === first && calls < 100_000) calls++;
    assert.equal(blocks.lineAbove(line, 6), undefined, 'no answer once the budget is spent');
    assert.ok(calls > 1_000 && calls < 10_000, `${calls} descents`);
  });

  it('takes from the parse only the keys the lines read the same way', () => {
    // `a#b` and a tagged key are keys to the parse but not to a line's shape; quoted keys are unescaped by both.
    for (const odd of ['  a#b: 1', '  !!str t: 1', '  "q\\u0041": 1', "  'it''s': 1"]) {
      const text = ['apiVersion: sinas.co/v1', 'kind: SinasPackage', 'package:', '  name: p', odd, '  version: "1"', '  description:', '    deeper: x', '  ', '  icon: i', ''].join('\n');
      const analysis = analyze(text);
      const blocks = parsedBlocks(analysis);
      assert.ok(blocks, odd);
      const lines = new TextLines(text, analysis.lines);
      for (const line of [3, 5, 8, 9]) for (const column of [2, 3]) {
        assert.deepEqual(summary(cursorPositions(lines, line, column, blocks)), summary(cursorPositions(lines, line, column)), `${odd} ${line}:${column}`);
      }
    }
  });

  it('reads past a quoted value continued at column 0, which the lines alone take for the end of the section', () => {
    const file = join(ROOT, 'test/fixtures/rules/yaml-syntax/pyyaml-accepted.yaml');
    const text = readFileSync(file, 'utf8');
    const analysis = analyze(text);
    const line = text.split('\n').indexOf('      name: g');
    const lines = new TextLines(text, analysis.lines);
    assert.deepEqual(cursorPositions(lines, line, 8), []);
    assert.deepEqual(cursorPositions(lines, line, 8, parsedBlocks(analysis)).map((p) => p.path), [['spec', 'functions', 1]]);
  });

  it('numbers the item by the parse in a long section', () => {
    const text = generatePackage(20_000);
    const analysis = analyze(text);
    const all = text.split('\n');
    const line = all.map((l) => l.startsWith('      description: Fetches item')).lastIndexOf(true);
    const column = all[line].indexOf('description');
    const helped = new CountingLines(text, analysis.lines);
    const [position] = cursorPositions(helped, line, column + 3, parsedBlocks(analysis));
    assert.deepEqual(position, cursorPositions(new TextLines(text, analysis.lines), line, column + 3)[0]);
    assert.equal(typeof position.path[2], 'number');
    assert.ok((position.path[2] as number) > 100);
    assert.ok(helped.reads < 50, `${helped.reads} lines`);
  });
});
