/**
 * Typing a key: until its `:` is there, the word is one finding, and the document around it is
 * read as if the line were absent — no missing `name`, no vanished `spec`, no undeclared variables.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { analyze } from '../../../server/src/core/analyze';
import type { Finding } from '../../../server/src/core/diagnostics/finding';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';
import { generatePackage } from '../../support/generate-package';

const PKG = readFileSync(join(__dirname, '../../fixtures/typing/tone.yaml'), 'utf8');

function findingsOf(text: string): string[] {
  const analysis = analyze(text);
  return analysis.findings.map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}`);
}

describe('a half-typed key', () => {
  it('the document without it is clean (the baseline)', () => {
    assert.deepEqual(findingsOf(PKG), []);
  });

  it('blanks each word once when two errors name it, so the lines stay where they are (found by npm run fuzz)', () => {
    // `yaml` reports the two lines as a multi-line key and as a key without its `:`, over the same span.
    const text = 'apiVersion: sinas.co/v1|\nkind@}\nxyy&a y${{ vars. ';
    const analysis = analyze(text);
    const lines = TextDocument.create('file:///t.yaml', 'yaml', 1, text);
    assert.equal(analysis.lines.lineCount, lines.lineCount);
    for (let line = 0; line < lines.lineCount; line++) assert.equal(analysis.lines.lineStart(line), lines.offsetAt({ line, character: 0 }), `line ${line}`);
    const words = analysis.findings.filter((f) => f.message.includes('is not a key yet')).map((f) => text.slice(f.span.start, f.span.end));
    assert.deepEqual(words, ['kind@}', 'xyy&a y${{ vars.']);
  });

  const cases: [string, string, string][] = [
    ['before a key of the same item', PKG.replace('      name: bot\n', '      descr\n      name: bot\n'), 'descr'],
    ['at the end of an item', PKG + '      temp\n', 'temp'],
    ['before `spec`, at the top level', PKG.replace('spec:\n', 'spe\nspec:\n'), 'spe'],
    ['before a section', PKG.replace('  agents:\n', '  func\n  agents:\n'), 'func'],
    ['as the first key of a new item', PKG.replace('    - namespace: demo\n', '    - nam\n      namespace: demo\n'), 'nam'],
    ['with a value but no colon', PKG + '      description hello\n', 'description hello'],
    ['in the package header', PKG.replace('  version: "1.0.0"\n', '  version: "1.0.0"\n  desc\n'), 'desc'],
    // At a section key's column inside an item: the chunk planner keeps the line with the item, whose
    // parse stops there (a stray token), and the prompt's lines below are not read as keys.
    ['at a section\'s column between the keys of an item', PKG.replace('      description:', '  func\n      description:'), 'func'],
    ['at a section\'s column inside a prompt', PKG.replace('      systemPrompt: Be brief.\n', '      systemPrompt: |\n        Be brief.\n  func\n        Be kind.\n        Always.\n'), 'func'],
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

  it('ends its line at any line break PyYAML and editors know, not only at `\\n`', () => {
    // A lone `\r` (or NEL, LS, PS) between two bare words: two lines to YAML and to the editor.
    // Blanking the words must keep the break, or every line below moves up by one.
    for (const lineBreak of ['\r', '\u0085', '\u2028', '\u2029']) {
      const text = PKG.replace('      name: bot\n', `      descr${lineBreak}      more\n      name: bot\n`);
      const reference = PKG.replace('      name: bot\n', '      descr\n      more\n      name: bot\n');
      const spans = (t: string) => analyze(t).findings.map((f) => `${f.code} ${f.span.start}-${f.span.end}`);
      assert.deepEqual(spans(text), spans(reference), JSON.stringify(lineBreak));
      assert.equal(analyze(text).lines.lineCount, analyze(reference).lines.lineCount - (lineBreak === '\r' ? 0 : 1), JSON.stringify(lineBreak));
    }
  });

  it('reads the whole word however long its line (the lines around an error are read, not the whole text)', () => {
    const word = 'd'.repeat(20_000);
    assert.deepEqual(findingsOf(PKG.replace('      name: bot\n', `      ${word}\n      name: bot\n`)), [`yaml-syntax ${word}`]);
    // A word with a comment after it longer than what is read around the error.
    assert.deepEqual(findingsOf(`${PKG}      temp # ${'c'.repeat(20_000)}\n`), ['yaml-syntax temp']);
  });

  it('two half-typed lines in a row are one finding each', () => {
    assert.deepEqual(findingsOf(PKG.replace('      name: bot\n', '      descr\n      temp\n      name: bot\n')), ['yaml-syntax descr', 'yaml-syntax temp']);
  });

  it('leaves other YAML errors as the parser reports them', () => {
    const text = PKG.replace('      name: bot\n', '      name: "bot" here\n');
    assert.deepEqual(findingsOf(text).map((f) => f.split(' ')[0]), ['yaml-syntax']);
    assert.doesNotMatch(analyze(text).findings[0].message, /not a key yet/);
  });
});

describe('typing a key in a large package', () => {
  it('re-reads only the line being typed once the key is known to be half-typed', () => {
    const base = generatePackage(2_000);
    const at = base.indexOf('\n  agents:\n');
    const parser = new DocumentParser();
    const baseline = analyze(base, { parser }).findings.length;
    let text = base;
    for (const [i, ch] of [...'func'].entries()) {
      const offset = i === 0 ? at : at + 3 + i; // after `\n  ` and the letters typed so far
      const typed = (i === 0 ? '\n  ' : '') + ch;
      text = text.slice(0, offset) + typed + text.slice(offset);
      parser.noteChange(offset, offset, typed); // as the server notes each change the editor sends
      const analysis = analyze(text, { parser });
      assert.deepEqual(analysis.findings.filter((f) => f.code === 'yaml-syntax').map((f) => text.slice(f.span.start, f.span.end)), ['func'.slice(0, i + 1)]);
      assert.equal(analysis.findings.length, baseline + 1, 'one finding more than before, whatever else the file holds');
      // The word is kept with the item above it (chunk-plan.ts): that item is all that is re-read.
      assert.ok(analysis.stats.parsedLength < 2_000, `${analysis.stats.parsedLength} characters parsed for one keystroke`);
    }
    // The colon: a key now, read as such.
    text = text.slice(0, at + 7) + ':' + text.slice(at + 7);
    parser.noteChange(at + 7, at + 7, ':');
    assert.ok(!analyze(text, { parser }).findings.some((f) => /not a key yet/.test(f.message)));
  });
});

/**
 * Edit sessions the fuzzer found ending with other findings than a fresh open of the same text
 * (`npm run fuzz`; each file is the opened text and the changes, minimised): a word blanked for
 * one version carried into the next without the parser's verdict on it, a parser told only
 * the user's edit while its last reading had words blanked, and (lone-cr.json) two words blanked
 * as one across a lone `\r`, which lost that line break for the versions after.
 */
describe('an edit session through half-typed keys', () => {
  const dir = join(__dirname, '../../fixtures/typing/sessions');
  for (const name of readdirSync(dir)) {
    it(`ends with the findings of a fresh open (${name})`, () => {
      const { initial, changes } = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { initial: string; changes: TextDocumentContentChangeEvent[] };
      const parser = new DocumentParser();
      let doc = TextDocument.create('file:///session.sinas.yaml', 'yaml', 1, initial);
      let session = analyze(initial, { parser });
      for (const change of changes) {
        // Told as the language server tells it: the change's offsets in the text before it.
        if ('range' in change) parser.noteChange(doc.offsetAt(change.range.start), doc.offsetAt(change.range.end), change.text);
        doc = TextDocument.update(doc, [change], doc.version + 1);
        session = analyze(doc.getText(), { parser });
      }
      const text = doc.getText();
      const fresh = analyze(text);
      const seen = (findings: readonly Finding[]) => findings.map((f) => `${f.span.start}-${f.span.end} ${f.code} ${f.message}`).sort();
      assert.deepEqual(seen(session.findings), seen(fresh.findings));
      // And the same lines, which every position published is counted on.
      const starts = (lines: typeof fresh.lines) => Array.from({ length: lines.lineCount }, (_, i) => lines.lineStart(i));
      assert.deepEqual(starts(session.lines), starts(fresh.lines));
    });
  }
});

describe('a half-typed key, then a change the caller does not note (full-text sync)', () => {
  it('sees a change of the same length in another item (the words put back are not all that changed)', () => {
    const typed = PKG.replace('      name: bot\n', '      descr\n      name: bot\n');
    const edited = typed.replace('      type: text\n', '      type: txet\n');
    assert.equal(edited.length, typed.length);
    const parser = new DocumentParser();
    analyze(typed, { parser });
    const seen = (findings: readonly Finding[]) => findings.map((f) => `${f.span.start}-${f.span.end} ${f.code} ${f.message}`).sort();
    const fresh = analyze(edited).findings;
    assert.ok(fresh.some((f) => edited.slice(f.span.start, f.span.end).includes('txet')), 'the new type is reported');
    assert.deepEqual(seen(analyze(edited, { parser }).findings), seen(fresh));
  });
});
