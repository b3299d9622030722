/**
 * The incremental parser must give exactly the tree a whole-text parse gives, for every version of
 * a document as it is edited — including broken intermediate states.
 */
import { CORPUS_DIR } from '../../support/corpus';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planChunks } from '../../../server/src/core/parse/chunk-plan';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';
import { buildLineTable, type LineTable } from '../../../server/src/core/parse/line-table';
import { yamlBreaks } from '../../../server/src/core/parse/line-breaks';

import { parseRegion } from '../../../server/src/core/parse/parse-region';
import type { YNode } from '../../../server/src/core/parse/yaml-tree';
import { generatePackage } from '../../support/generate-package';

const CORPUS = CORPUS_DIR;

/** A line table's starts, through the length after the last line. */
const starts = (lines: LineTable) => Array.from({ length: lines.count + 1 }, (_, k) => lines.start.at(k));

function shape(n: YNode | null): unknown {
  if (!n) return null;
  if (n.kind === 'scalar') return [n.start, n.end, n.value instanceof Date ? n.value.toISOString() : n.value, n.style];
  if (n.kind === 'alias') return ['alias', n.name, n.start, n.end];
  if (n.kind === 'seq') return ['seq', n.start, n.end, n.items.map(shape)];
  return ['map', n.start, n.end, n.pairs.map((p) => [p.start, p.end, shape(p.key), shape(p.value)])];
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function assertSameAsWhole(parser: DocumentParser, text: string, label: string): void {
  const whole = parseRegion(text);
  const incremental = parser.parse(text);
  assert.deepEqual(shape(incremental.root), shape(whole.root), `tree differs: ${label}`);
  if (whole.findings.length === 0) assert.deepEqual(incremental.findings, [], `unexpected syntax findings: ${label}`);
}

/**
 * Types `typed` character by character on a new line at offset `at` of `base` (a line start), each
 * keystroke noted as the server notes it, and hands each reading to `each`.
 */
function typeLine(base: string, at: number, typed: string, each: (parsed: ReturnType<DocumentParser['parse']>, text: string, typedSoFar: string, k: number) => void): void {
  const parser = new DocumentParser();
  let text = `${base.slice(0, at)}\n${base.slice(at)}`;
  parser.parse(text);
  for (let k = 0; k < typed.length; k++) {
    parser.noteChange(at + k, at + k, typed[k]);
    text = `${text.slice(0, at + k)}${typed[k]}${text.slice(at + k)}`;
    each(parser.parse(text), text, typed.slice(0, k + 1), k);
  }
}

describe('incremental parsing', () => {
  const texts = [readFileSync(join(CORPUS, 'sinas-package-author.yaml'), 'utf8'), readFileSync(join(CORPUS, 'ddf-powerpoint.yaml'), 'utf8'), generatePackage(600)];

  it('chunks the real packages and the generated one', () => {
    for (const text of texts) assert.equal(planChunks(text).kind, 'chunked');
  });

  it('gives the whole-text tree for each document', () => {
    for (const text of texts) assertSameAsWhole(new DocumentParser(), text, 'initial');
  });

  it('gives the whole-text tree after each of many random edits, reusing unchanged chunks', function () {
    this.timeout(30_000);
    const next = random(42);
    const edits = ['x', '', '\n', '  ', '- ', ': ', '#', '"', '\n  - name: n\n', '${{ vars.A }}', '\t', '---\n', '&a ', '*a', '{', '}'];
    for (const original of texts) {
      const parser = new DocumentParser();
      let text = original;
      parser.parse(text);
      for (let i = 0; i < 60; i++) {
        const at = Math.floor(next() * text.length);
        const remove = next() < 0.4 ? Math.floor(next() * 6) : 0;
        const insert = edits[Math.floor(next() * edits.length)];
        text = text.slice(0, at) + insert + text.slice(at + remove);
        // Tree equality is what matters; broken text may legitimately yield different error wording.
        const whole = parseRegion(text);
        const incremental = parser.parse(text);
        const fresh = buildLineTable(text);
        assert.deepEqual(
          [incremental.lines.count, starts(incremental.lines), [...incremental.lines.indent.subarray(0, incremental.lines.count)]],
          [fresh.count, starts(fresh), [...fresh.indent]],
          `line table after edit ${i} at ${at}: ${JSON.stringify(insert)}`,
        );
        if (whole.findings.length === 0 && whole.documentCount <= 1) {
          assert.deepEqual(shape(incremental.root), shape(whole.root), `edit ${i} at ${at}: ${JSON.stringify(insert)}`);
          assert.deepEqual(incremental.findings, [], `edit ${i}: findings on valid text`);
        } else {
          assert.ok(incremental.findings.length > 0 || !incremental.chunked, `edit ${i}: whole parse reports errors, incremental none`);
        }
        if (next() < 0.1) text = original;
      }
    }
  });

  it('re-parses only the edited chunk', () => {
    const text = generatePackage(2000);
    const parser = new DocumentParser();
    const first = parser.parse(text);
    const at = text.indexOf('Fetches item 7');
    const edited = parser.parse(text.slice(0, at) + 'Re' + text.slice(at));
    assert.ok(first.chunkCount > 50);
    assert.equal(edited.parsedChunks, 1);
  });

  it('an edit inside one entry around the items (the package header): re-parses that entry alone when it stays one, with the whole-text tree and the findings of a fresh parse', function () {
    this.timeout(60_000);
    const next = random(11);
    // Besides typing: a key alone (its body may be split), a line at column 0, a deeper key under a
    // plain value (unreadable), a block scalar, an anchor and alias, an open quote or collection.
    const edits = ['x', '', '', '\n', '  ', '- ', ': ', '#', '"', "'", '\t', '---\n', '&a ', '*a', '{', '[', ']', ', ', '|\n    text\n', '\n  x: y', '\n    deeper: 1', '\nroot: v', ':\n', '\r'];
    const syntax = (findings: { code: string; span: { start: number; end: number }; message: string }[]) => findings.map((f) => `${f.code}:${f.span.start}:${f.span.end}:${f.message}`);
    let fast = 0;
    const sameAsFresh = (parser: DocumentParser, text: string, label: string) => {
      const incremental = parser.parse(text);
      if (incremental.replacedEntry) fast++;
      const fresh = new DocumentParser().parse(text);
      assert.deepEqual(shape(incremental.root), shape(fresh.root), `tree of a fresh parse: ${label}`);
      assert.deepEqual(syntax(incremental.findings), syntax(fresh.findings), `findings of a fresh parse: ${label}`);
      return incremental;
    };
    for (const original of texts) {
      // Every line of the header indented one column more, and one less.
      const header = original.indexOf('\nspec:');
      for (let at = 0; at < header; at = original.indexOf('\n', at) + 1) {
        for (const edited of [`${original.slice(0, at)} ${original.slice(at)}`, original[at] === ' ' ? `${original.slice(0, at)}${original.slice(at + 1)}` : undefined]) {
          if (edited === undefined) continue;
          const parser = new DocumentParser();
          parser.parse(original);
          sameAsFresh(parser, edited, `line at ${at} indented otherwise`);
        }
      }
    }
    for (const original of texts) {
      const parser = new DocumentParser();
      let text = original;
      parser.parse(text);
      for (let i = 0; i < 150; i++) {
        const header = text.indexOf('\nspec:');
        const at = Math.floor(next() * (header > 0 ? header : 200));
        const remove = next() < 0.4 ? Math.floor(next() * 6) : 0;
        const insert = edits[Math.floor(next() * edits.length)];
        text = text.slice(0, at) + insert + text.slice(at + remove);
        const label = `edit ${i} at ${at}: ${JSON.stringify(insert)}, ${remove} removed`;
        const incremental = sameAsFresh(parser, text, label);
        // The parser reads a lone `\r` as PyYAML does, a line break (line-breaks.ts).
        const whole = parseRegion(yamlBreaks(text));
        if (whole.findings.length === 0 && whole.documentCount <= 1) assert.deepEqual(shape(incremental.root), shape(whole.root), label);
        if (next() < 0.15) {
          text = original;
          parser.parse(text);
        }
      }
    }
    assert.ok(fast > 100, `entries re-parsed alone: ${fast}`);
  });

  it('on invalid YAML: a syntax error exactly when a whole parse has one; an edited text gives what a fresh parse gives', function () {
    // The contract (README, "Speed"): valid YAML gives the whole-text tree and no finding; on
    // invalid YAML each chunk is read on its own, so positions and wording of the errors may
    // differ from one parser recovering across the whole text, but never whether there is one.
    // (`npm run fuzz` runs the same comparison on thousands more.)
    this.timeout(120_000);
    const next = random(7);
    const edits = ['x', '', '\n', '  ', '- ', ': ', '#', '"', "'", '\n  - name: n\n', '\t', '---\n', '{', '}', '[', ']', '|', '>', '? ', '!!', '%', '@', '`', ',', '\\'];
    const syntax = (findings: { code: string; span: { start: number; end: number }; message: string }[]) =>
      findings.filter((f) => f.code === 'yaml-syntax').map((f) => `${f.span.start}:${f.span.end}:${f.message}`);
    let invalid = 0;
    let differing = 0;
    for (let n = 0; n < 150; n++) {
      const original = texts[n % texts.length];
      let text = original;
      const session = new DocumentParser();
      session.parse(text);
      for (let k = 0; k < 1 + Math.floor(next() * 3); k++) {
        const at = Math.floor(next() * text.length);
        text = text.slice(0, at) + edits[Math.floor(next() * edits.length)] + text.slice(at + (next() < 0.4 ? Math.floor(next() * 6) : 0));
        session.parse(text);
      }
      const whole = syntax(parseRegion(text).findings);
      const fresh = new DocumentParser().parse(text);
      const chunked = syntax(fresh.findings);
      assert.equal(chunked.length > 0, whole.length > 0, `case ${n}: whole ${JSON.stringify(whole)} chunked ${JSON.stringify(chunked)}`);
      assert.deepEqual(syntax(session.parse(text).findings), chunked, `case ${n}: the edit session and a fresh parse differ`);
      if (whole.length) invalid++;
      if (whole.length && JSON.stringify(whole) !== JSON.stringify(chunked)) differing++;
    }
    assert.ok(invalid > 50, 'the mutations produce invalid YAML');
    console.log(`      ${invalid} invalid of 150 mutated documents; ${differing} report errors elsewhere or worded otherwise than a whole parse`);
  });

  it('keeps a line YAML cannot read where it stands with the item above it: the rest keeps its chunks', () => {
    const base = generatePackage(2_000);
    const at = base.indexOf('    - namespace:', base.length >> 1);
    const chunks = new DocumentParser().parse(base).chunkCount;
    // Between two levels, or at column 0 starting with an indicator: a key without its `:`, a quote,
    // flow collection, anchor, tag or alias that would have to end on its line, a list item or block
    // scalar where none can start (the first character of each line typed there).
    const atColumn0 = ['"q', "'q", '- x', '-', '-x', '[', '[a,', '{a', ']', '}', ',', '&a', '*a', '!t', '!!str', '|', '>', '?x', ':x', '- "q', '`', '---x'];
    // The same at a section key's column (a section's name being typed between two items, or junk).
    const atSectionColumn = ['  newsection', '  two words', '  [x', '  "q', '  &a', '  !t', '  |'];
    const kept = [' name: x', '   - y', ...atColumn0, ...atSectionColumn];
    for (const odd of kept) {
      const parsed = new DocumentParser().parse(`${base.slice(0, at)}${odd}\n${base.slice(at)}`);
      assert.equal(parsed.chunkCount, chunks, `${JSON.stringify(odd)}: the line joins the item above it`);
      assert.ok(parsed.findings.some((f) => f.code === 'yaml-syntax'), JSON.stringify(odd));
    }
    const text = `${base.slice(0, at)}2396 }}"\n${base.slice(at)}`;
    const parser = new DocumentParser();
    const parsed = parser.parse(text);
    assert.ok(parsed.chunked, 'the line does not make the document one chunk');
    const errors = parsed.findings.filter((f) => f.code === 'yaml-syntax');
    assert.deepEqual(errors.map((f) => text.slice(f.span.start, f.span.end)), ['2396 }}"']);
    assert.ok(parseRegion(text).findings.some((f) => f.code === 'yaml-syntax'));
    // An edit in another item re-reads that item only.
    const item = text.lastIndexOf('    - namespace:');
    parser.noteChange(item + 6, item + 6, 'X');
    const after = parser.parse(`${text.slice(0, item + 6)}X${text.slice(item + 6)}`);
    assert.ok(after.parsedLength < 1_000, `${after.parsedLength} characters re-read`);
    // Lines YAML may read as something (an explicit key or value, a key) are left to a whole parse.
    for (const other of ['? x', ': y', 'a#b: c', '[a]: b', '"q: x', '!!str k: v', '&a k: v', '  ? x', '  "q: x']) {
      assert.ok(new DocumentParser().parse(`${base.slice(0, at)}${other}\n${base.slice(at)}`).chunkCount < 10, other);
    }
  });

  it('typing a line at column 0 that starts with an indicator, or a word at a section key\'s column, re-reads only the item it joins', () => {
    const base = generatePackage(2_000);
    const at = base.indexOf('    - namespace:', base.length >> 1);
    for (const typed of ['[x, y', '- name: x', '"quoted', '{a', '!tag', '  newsection', '  "quoted']) {
      typeLine(base, at, typed, (parsed, _text, soFar) => {
        assert.ok(parsed.chunked && parsed.parsedLength < 1_000, `${JSON.stringify(soFar)}: ${parsed.parsedLength} characters re-read`);
        if (soFar.trim()) assert.ok(parsed.findings.some((f) => f.code === 'yaml-syntax'), JSON.stringify(soFar));
      });
    }
  });

  it('typing a flow collection or a quoted value as the last line of an item or of a section re-reads a few items, not the section', () => {
    // A `[` or `{` left open before the next item's `- ` (with no quote about) or a quote never closed
    // fails in PyYAML wherever the chunks end, so the planner splits there; at a 2,000-line package
    // it kept the section (or `spec`) as one chunk until the bracket or quote was closed.
    const base = generatePackage(2_000).replace(/"/g, ''); // no quote below to close one typed
    const beforeItem = base.indexOf('\n    - ', base.length >> 1) + 1;
    const beforeSection = base.indexOf('\n  skills:\n') + 1;
    for (const [where, at] of [['before an item', beforeItem], ['before a section', beforeSection]] as const) {
      // `${{` inside the quote: a bracket in a quoted scalar opens no flow collection.
      for (const typed of ['      tools: [a, b]', '      meta: {a: 1}', '      description: "Hello"', '      description: "Hi ${{ vars.X }}"']) {
        typeLine(base, at, typed, (parsed, text, soFar, k) => {
          const label = `${where}: ${JSON.stringify(soFar)}`;
          assert.ok(parsed.parsedLength < 5_000, `${label}: ${parsed.parsedLength} characters re-read`);
          if (k % 4 !== 0 && k !== typed.length - 1) return;
          const fresh = new DocumentParser().parse(text);
          assert.deepEqual(parsed.findings.map((f) => `${f.span.start}:${f.message}`), fresh.findings.map((f) => `${f.span.start}:${f.message}`), label);
          assert.equal(fresh.findings.length > 0, parseRegion(text).findings.length > 0, `${label}: an error exactly when a whole parse has one`);
        });
      }
    }
  });

  it('keeps a flow collection read across a section key whole (valid YAML: no error, the whole-text tree)', () => {
    const text = generatePackage(60).replace('\n  skills:\n', '\n      tools: [a,\n  skills2: [],\n  y: 1]\n  skills:\n');
    assert.ok(text.includes('skills2'));
    assertSameAsWhole(new DocumentParser(), text, 'a flow sequence holding `skills2: []` and `y: 1`');
  });

  it('a line inserted at columns 0 to 9, or indented with a tab: a syntax error exactly when a whole parse has one, an edit session as a fresh parse (random lines)', function () {
    this.timeout(60_000);
    const base = generatePackage(60);
    const lineStarts = [0];
    for (let i = base.indexOf('\n'); i !== -1 && i < base.length - 1; i = base.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const next = random(11);
    const pieces = ['a', 'b ', ' ', '"', "'", '[', ']', '{', '}', ',', ':', ': ', '#', ' #', '?', '-', '!', '&', '*', '|', '>', '9', '}}"', '\\'];
    let chunked = 0;
    for (let n = 0; n < 1200; n++) {
      const spaces = ' '.repeat(Math.floor(next() * 9));
      const indent = n % 3 === 0 ? '' : n % 3 === 1 ? ` ${spaces}` : `${spaces}\t`;
      const line = indent + Array.from({ length: 1 + Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const at = lineStarts[4 + Math.floor(next() * (lineStarts.length - 4))];
      const text = `${base.slice(0, at)}${line}\n${base.slice(at)}`;
      const fresh = new DocumentParser().parse(text);
      if (fresh.chunked) chunked++;
      const whole = parseRegion(text).findings.some((f) => f.code === 'yaml-syntax');
      assert.equal(fresh.findings.some((f) => f.code === 'yaml-syntax'), whole, `line ${JSON.stringify(line)} at ${at}`);
      const session = new DocumentParser();
      session.parse(base);
      session.noteChange(at, at, `${line}\n`);
      assert.deepEqual(session.parse(text).findings.map((f) => f.message), fresh.findings.map((f) => f.message), `edit session: ${JSON.stringify(line)}`);
    }
    assert.ok(chunked > 300, `${chunked} of 1200 texts were chunked: the property says little`);
  });

  it('keeps chunks for code indented with tabs in a block scalar, with the whole-text tree', () => {
    const base = generatePackage(2_000);
    const at = base.indexOf('      description: ', base.length >> 1);
    const text = `${base.slice(0, at)}      code: |\n        def handler(input_data, context):\n        \tif input_data:\n        \t\treturn {}\n${base.slice(at)}`;
    const parser = new DocumentParser();
    assertSameAsWhole(parser, text, 'tabs in code');
    const parsed = parser.parse(text);
    assert.ok(parsed.chunked && parsed.chunkCount > 100, 'a tab in the indentation no longer makes the text one chunk');
    assert.deepEqual(parsed.findings, []);
    const item = text.lastIndexOf('    - namespace:');
    parser.noteChange(item + 6, item + 6, 'X');
    const after = parser.parse(`${text.slice(0, item + 6)}X${text.slice(item + 6)}`);
    assert.ok(after.parsedLength < 1_000, `${after.parsedLength} characters re-read`);
  });

  it('falls back to a whole parse when anchors and aliases are used', () => {
    const text = 'apiVersion: sinas.co/v1\nkind: SinasPackage\ndefaults: &d\n  timeout: 5\nspec:\n  functions:\n    - <<: *d\n      name: f\n';
    assert.equal(planChunks(text).kind, 'whole');
    assertSameAsWhole(new DocumentParser(), text, 'anchors');
  });

  it('keeps chunks for an anchor no alias names, and goes whole once an alias is typed in an item', () => {
    const base = generatePackage(2_000);
    const at = base.indexOf('description: ', base.length >> 1) + 'description: '.length;
    const text = `${base.slice(0, at)}&a ${base.slice(at)}`;
    const parser = new DocumentParser();
    assertSameAsWhole(parser, text, 'an anchor alone');
    assert.ok(parser.parse(text).chunked, 'an anchor alone links no chunks');
    // An alias of it typed in another item: the item alone cannot resolve it, a whole parse can.
    const item = text.indexOf('description: ', at + 1000) + 'description: '.length;
    const lineEnd = text.indexOf('\n', item);
    const aliased = `${text.slice(0, item)}*a${text.slice(lineEnd)}`;
    parser.noteChange(item, lineEnd, '*a');
    assertSameAsWhole(parser, aliased, 'an alias typed');
    assert.equal(parser.parse(aliased).chunked, false);
    // A second anchor of the same name in another item: PyYAML rejects it, so a chunked parse must too.
    const twice = `${text.slice(0, item)}&a x${text.slice(lineEnd)}`;
    const fresh = new DocumentParser().parse(twice);
    assert.equal(fresh.chunked, false);
    assert.ok(fresh.findings.some((f) => /anchor/i.test(f.message)), fresh.findings.map((f) => f.message).join('; '));
  });
});
