/**
 * `key: value` followed by a more-indented `key:` line (a line that lost its indentation in the
 * middle of a list) makes everything down to the next entry unreadable: that entry is planned as
 * one chunk that is not parsed, with one finding. A whole-text parse fails there too, edits inside
 * it parse nothing, and fixing the line brings the section's chunks back. The same for `key: [`
 * (or `{`) still open at a list item under it, or closed with more lines under it.
 */
import assert from 'node:assert/strict';
import { planChunks } from '../../../server/src/core/parse/chunk-plan';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';
import { parseRegion } from '../../../server/src/core/parse/parse-region';
import { breaksPlainValue, flowValueBreaksAt, keyWithPlainValue } from '../../../server/src/core/parse/unreadable-entry';
import { randomLines } from '../../support/random-lines';

const HEAD = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: p\n  version: "1.0.0"\nspec:\n';

function variables(count: number): string {
  let text = `${HEAD}  variables:\n`;
  for (let i = 0; i < count; i++) text += `    - name: VAR_${i}\n`;
  text += '  agents:\n';
  for (let i = 0; i < count; i++) text += `    - namespace: a\n      name: a${i}\n      description: "\${{ vars.VAR_${i} }}"\n`;
  return text;
}

const syntax = <F extends { code: string }>(findings: readonly F[]): F[] => findings.filter((f) => f.code === 'yaml-syntax');

/** `broken` parsed fresh has one syntax error, on `where`, whose message matches `message`; a whole-text parse fails too. */
function oneError(broken: string, where: string, message: RegExp): ReturnType<DocumentParser['parse']> {
  const parsed = new DocumentParser().parse(broken);
  const errors = syntax(parsed.findings);
  assert.equal(errors.length, 1, errors.map((f) => f.message).join('\n'));
  assert.equal(broken.slice(errors[0].span.start, errors[0].span.end), where);
  assert.match(errors[0].message, message);
  assert.ok(syntax(parseRegion(broken).findings).length > 0, 'a whole-text parse fails too');
  return parsed;
}
const unreadable = (text: string) => {
  const plan = planChunks(text);
  const entries = plan.kind === 'chunked' ? plan.root.flatMap((e) => [e, ...(e.split?.body.kind === 'map' ? e.split.body.entries : [])]) : [];
  return entries.filter((e) => e.unreadable).map((e) => text.slice(e.start, e.end));
};

describe('unreadable entries', () => {
  it('reads a plain value on a key line, and a line under it that ends that value with an error', () => {
    assert.equal(keyWithPlainValue('x    - name: VAR_9'), 'x    - name');
    assert.equal(keyWithPlainValue('  agents: none'), 'agents');
    assert.equal(keyWithPlainValue('"a: b": c'), '"a: b"');
    for (const other of ['agents:', 'a: |', 'a: >-', 'a: "q"', "a: 'q'", 'a: [x', 'a: {x', 'a: &x y', 'a: *x', 'a: !t y', 'a: y # c', 'a: # c', 'no colon', '- a: b']) {
      assert.equal(keyWithPlainValue(other), undefined, other);
    }
    for (const breaking of ['    - name: VAR_1', '  b: c', '  b:', '  "q": 1', '  - a: b # c', '  : x']) assert.ok(breaksPlainValue(breaking), breaking);
    for (const fine of ['  - item', '  more words', '  b:c', '  http://x', '  word # a: b', '  #: x']) assert.ok(!breaksPlainValue(fine), fine);
  });

  it('gives a line that lost its indentation in a list one finding, and does not parse what follows', () => {
    const text = variables(200);
    const broken = text.replace('    - name: VAR_120\n', 'x    - name: VAR_120\n');
    const parsed = oneError(broken, '- name: VAR_121', /^`x    - name:` above already has a value on its line/);
    // What is unread is not parsed: the document's characters before the line, and nothing else.
    assert.equal(parsed.parsedLength, broken.indexOf('x    - name: VAR_120'));
  });

  it('parses nothing for an edit inside the unread lines, and reads them again once the line is fixed', () => {
    const text = variables(200);
    const broken = text.replace('    - name: VAR_120\n', 'x    - name: VAR_120\n');
    const parser = new DocumentParser();
    parser.parse(broken);
    const edited = broken.replace('name: a150\n', 'name: a150x\n');
    const after = parser.parse(edited);
    assert.equal(after.parsedLength, 0);
    assert.deepEqual(syntax(after.findings).map((f) => f.message), syntax(new DocumentParser().parse(edited).findings).map((f) => f.message));

    const fixedText = edited.replace('x    - name: VAR_120', '    - name: VAR_120');
    const fixed = parser.parse(fixedText);
    assert.deepEqual(syntax(fixed.findings), []);
    // Read now: the lines from the fixed one on; the chunks before it are kept.
    assert.equal(fixed.parsedLength, fixedText.length - fixedText.indexOf('    - name: VAR_120'));
  });

  it('reads a flow collection on a key line: a list item it still holds open, or any line under it once closed', () => {
    assert.equal(flowValueBreaksAt('  skills2: [', ['    - name: b']), 0);
    assert.equal(flowValueBreaksAt('  skills2: [a,', ['      b: c', '    - name: b']), 1);
    assert.equal(flowValueBreaksAt('  skills2: []', ['      description: x']), 0);
    assert.equal(flowValueBreaksAt('  skills2: {a: [1,', ['    2]}', '    - x']), 1);
    // Quoted scalars closed on their lines are skipped (an item's `description: "…"`).
    assert.equal(flowValueBreaksAt('  skills2: {a: ', ['      name: a1', '      description: "${{ vars.X }} [ok"', "      note: 'it''s'", '    - namespace: a']), 3);
    for (const [header, under] of [
      ['  skills2: [', ['      a,', '      b]']], // closed below, nothing more: valid
      ['  skills2: ["a', ['    - b"]']], // a quote may hold the `- `
      ['  skills2: [', ['      y: !t "b', '    - c"]']], // a quote after a tag, not closed on its line
      ['  skills2: [a', ['  # - b', '    c]']], // a comment
      ['  skills2: x', ['    - b']], // no collection (the plain value's own rule reads this)
      ['  skills2: [a]]', ['    - b']], // closed more than opened: the parser says what is wrong
    ] as const) {
      assert.equal(flowValueBreaksAt(header, under), -1, `${header} / ${under.join(' / ')}`);
    }
  });

  it('gives a section typed with `[` above the items of another one finding, and does not parse the items', () => {
    const text = variables(200);
    const broken = text.replace('    - name: VAR_120\n', '  skills2: [\n    - name: VAR_120\n');
    const parsed = oneError(broken, '- name: VAR_120', /^`skills2:` above has a flow collection/);
    // Everything but the unread lines (down to the next section, `agents`) is parsed.
    assert.equal(parsed.parsedLength, broken.length - (broken.indexOf('  agents:') - broken.indexOf('  skills2: [')));
    // `{a: ` (ending in `: ` like a key alone) typed inside an item whose lines hold quotes.
    const inItem = text.replace('    - namespace: a\n      name: a120\n', '    - namespace: a\n  skills2: {a: \n      name: a120\n');
    const inItemErrors = syntax(new DocumentParser().parse(inItem).findings);
    assert.deepEqual(inItemErrors.map((f) => inItem.slice(f.span.start, f.span.end)), ['- namespace: a']);
    assert.ok(syntax(parseRegion(inItem).findings).length > 0);
    // Closed, with the items still under it: the same, on the first of them.
    const closed = broken.replace('  skills2: [\n', '  skills2: []\n');
    assert.equal(syntax(new DocumentParser().parse(closed).findings).length, 1);
    assert.ok(syntax(parseRegion(closed).findings).length > 0);
  });

  it('leaves values that the lines under them continue validly to the parser', () => {
    for (const valid of ['x: y\n  more words\n', 'x: y\n  - item\n', 'x: |\n  a: b\n', 'x: "q\n  a: b"\n', 'x: y\n  b:c\n', 'x: [\n  a,\n  b]\n', 'x: {a: [1,\n  2]}\n', 'x: [a, b]\n  # c\n']) {
      const text = `${HEAD}  agents: []\n${valid}`;
      assert.deepEqual(unreadable(text), [], valid);
      assert.deepEqual(syntax(new DocumentParser().parse(text).findings), syntax(parseRegion(text).findings), valid);
    }
  });

  it('marks an entry unreadable only where a whole-text parse fails (random lines under random values)', () => {
    const values = randomLines(['a', 'a', ' ', ':', '-', '#', '"', "'", '|', '[', '[', '{', ']', '}', 'b: c', '&x', '*x', '!t', ','], 3000, 7, 5);
    const unders = randomLines([' ', 'a', 'a', ':', '-', '- ', '#', '"', ' b', ': ', ': ', '[', ']', '}', ',', '\t'], 3000, 13, 8);
    let marked = 0;
    for (let n = 0; n < 3000; n++) {
      const value = values.next().value as string;
      const under = unders.next().value as string;
      for (const [indent, prefix] of [['', ''], ['  ', '  agents: []\n']] as const) {
        const text = `${HEAD}${prefix}${indent}key: ${value}\n${indent}    ${under}\n${indent}    more\n`;
        if (!unreadable(text).length) continue;
        marked++;
        assert.ok(syntax(parseRegion(text).findings).length > 0, JSON.stringify(text.slice(HEAD.length)));
        assert.equal(syntax(new DocumentParser().parse(text).findings).length, 1);
      }
    }
    assert.ok(marked > 200, `only ${marked} texts were marked: the property says little`);
  });
});
