/**
 * Typing a key: until its `:` is there, the word is one finding, and the document around it is
 * read as if the line were absent — no missing `name`, no vanished `spec`, no undeclared variables.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/core/analyze';

const PKG = readFileSync(join(__dirname, '../../fixtures/typing/tone.yaml'), 'utf8');

function findingsOf(text: string): string[] {
  const analysis = analyze(text);
  return analysis.findings.map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}`);
}

describe('a half-typed key', () => {
  it('the document without it is clean (the baseline)', () => {
    assert.deepEqual(findingsOf(PKG), []);
  });

  const cases: [string, string, string][] = [
    ['before a key of the same item', PKG.replace('      name: bot\n', '      descr\n      name: bot\n'), 'descr'],
    ['at the end of an item', PKG + '      temp\n', 'temp'],
    ['before `spec`, at the top level', PKG.replace('spec:\n', 'spe\nspec:\n'), 'spe'],
    ['before a section', PKG.replace('  agents:\n', '  func\n  agents:\n'), 'func'],
    ['as the first key of a new item', PKG.replace('    - namespace: demo\n', '    - nam\n      namespace: demo\n'), 'nam'],
    ['with a value but no colon', PKG + '      description hello\n', 'description hello'],
    ['in the package header', PKG.replace('  version: "1.0.0"\n', '  version: "1.0.0"\n  desc\n'), 'desc'],
  ];
  for (const [where, text, word] of cases) {
    it(`${where}: one finding on the word, nothing else`, () => {
      assert.deepEqual(findingsOf(text), [`yaml-syntax ${word}`]);
      const analysis = analyze(text);
      assert.equal(analysis.model.resources.find((r) => r.section === 'agents')?.identity, 'demo/bot');
      assert.match(analysis.findings[0].message, new RegExp(`\`${word.split(' ')[0]}: …\``));
      // The analysis keeps the text as typed: completion reads the half-typed word there.
      assert.equal(analysis.text, text);
    });
  }

  it('two half-typed lines in a row are one finding each', () => {
    assert.deepEqual(findingsOf(PKG.replace('      name: bot\n', '      descr\n      temp\n      name: bot\n')), ['yaml-syntax descr', 'yaml-syntax temp']);
  });

  it('leaves other YAML errors as the parser reports them', () => {
    const text = PKG.replace('      name: bot\n', '      name: "bot" here\n');
    assert.deepEqual(findingsOf(text).map((f) => f.split(' ')[0]), ['yaml-syntax']);
    assert.doesNotMatch(analyze(text).findings[0].message, /not a key yet/);
  });
});
