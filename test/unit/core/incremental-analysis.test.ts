/**
 * An analysis that reuses the previous version's chunks, memoised results and tables must say
 * exactly what a fresh analysis of the same text says: findings (codes, spans, messages, related
 * spans), uses, references and definitions — after typing, after edits that change identities,
 * declarations and structure, and whether the editor names the changed range or not.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../../server/src/core/analyze';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';
import { CORPUS_FILES } from '../../support/corpus';
import { generatePackage } from '../../support/generate-package';
import { yamlFiles } from '../../support/yaml-files';

const RULE_FIXTURES = yamlFiles(join(__dirname, '../../fixtures/rules'));

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Everything a consumer reads of an analysis, with today's offsets. */
function observable(a: Analysis): unknown {
  return {
    isSinasPackage: a.isSinasPackage,
    findings: a.findings.map((f) => [f.code, f.severity, f.span.start, f.span.end, f.message, (f.related ?? []).map((r) => [r.span.start, r.span.end, r.message]), f.data]),
    uses: a.variables.uses.map((u) => [u.expression.kind, u.expression.span.start, u.expression.span.end, u.expression.nameSpan?.start, u.path.join('.'), u.whole, u.onKey, u.scalar.start]),
    usedNames: [...a.variables.usedNames].sort(),
    declarations: a.variables.declarations.map((d) => [d.name, d.nameNode.start, d.type]),
    references: a.references.references.map((r) => [r.node.start, r.node.end, r.text, r.target, r.source.section, r.source.index, a.references.resolve(r)?.node.start]),
    resources: a.model.resources.map((r) => [r.section, r.index, r.identity, r.identityNode.start, r.node.end]),
  };
}

/** Typing-like edits and edits that change structure, names, declarations and references. */
const INSERTS = ['x', 'x', 'x', '', '', '\n', '  ', '- ', ': ', '#', '"', '${{ vars.A }}', '${{ vars.', '/', 'default/', '\n    - name: n\n', '\t', '&a ', '*a'];

/** A random edit, anywhere or in the first `within` characters. */
function edit(text: string, next: () => number, within = text.length + 1): { text: string; start: number; end: number; inserted: string } {
  const start = Math.floor(next() * Math.min(within, text.length + 1));
  const end = Math.min(text.length, start + (next() < 0.3 ? Math.floor(next() * 4) : 0));
  const inserted = INSERTS[Math.floor(next() * INSERTS.length)];
  return { text: text.slice(0, start) + inserted + text.slice(end), start, end, inserted };
}

function replay(original: string, seed: number, edits: number, noteChanges: boolean, within?: (text: string) => number): void {
  const next = random(seed);
  const parser = new DocumentParser();
  let text = original;
  analyze(text, { parser });
  for (let i = 0; i < edits; i++) {
    const e = edit(text, next, within?.(text));
    if (noteChanges) parser.noteChange(e.start, e.end, e.inserted);
    text = e.text;
    const label = `edit ${i} (seed ${seed}) at ${e.start}-${e.end}: ${JSON.stringify(e.inserted)}`;
    assert.deepEqual(observable(analyze(text, { parser })), observable(analyze(text)), label);
    // Back to the original now and then, so the text keeps its structure and edits keep landing in items.
    if (next() < 0.3) {
      if (noteChanges) parser.noteChange(0, text.length, original);
      text = original;
      assert.deepEqual(observable(analyze(text, { parser })), observable(analyze(text)), `${label}, then back to the original`);
    }
  }
}

describe('incremental analysis', () => {
  it('matches a fresh analysis on every rule fixture after random edits', function () {
    this.timeout(120_000);
    RULE_FIXTURES.forEach((file, k) => replay(readFileSync(file, 'utf8'), k + 1, 3, k % 2 === 0));
  });

  it('matches a fresh analysis on the real packages and a generated one, with and without noted changes', function () {
    this.timeout(120_000);
    const texts = [...CORPUS_FILES.map((f) => readFileSync(f, 'utf8')), generatePackage(400)];
    texts.forEach((text, k) => {
      replay(text, 100 + k, 20, true);
      replay(text, 200 + k, 20, false);
    });
  });

  it('matches a fresh analysis after edits in the package header (entries re-parsed alone), and stops being a package when its kind changes', function () {
    this.timeout(120_000);
    const texts = [...CORPUS_FILES.map((f) => readFileSync(f, 'utf8')), generatePackage(400)];
    const header = (text: string) => Math.max(0, text.indexOf('\nspec:'));
    texts.forEach((text, k) => {
      replay(text, 300 + k, 40, true, header);
      replay(text, 400 + k, 20, false, header);
    });
    // An entry under `spec` holding items (a flow list): its uses are the items', not the header's.
    const flow = `${generatePackage(40).replace('\nspec:\n', '\nspec:\n  queries: [{namespace: default, name: q, connectionName: "\${{ vars.APP_URL }}", sql: "SELECT 1"}]\n')}`;
    for (const typed of ['x', '${{ vars.LOG_LEVEL }}']) {
      const session = new DocumentParser();
      analyze(flow, { parser: session });
      const at = flow.indexOf('name: q') + 'name: q'.length;
      session.noteChange(at, at, typed);
      const text = flow.slice(0, at) + typed + flow.slice(at);
      assert.deepEqual(observable(analyze({ length: text.length, read: () => text }, { parser: session })), observable(analyze(text)), `typed ${typed} in a flow list of items`);
    }
    // The `kind` entry edited alone: a package without `apiVersion` is then no longer one, and is again.
    const original = generatePackage(40).replace(/^apiVersion: .*\n/, '');
    const parser = new DocumentParser();
    assert.equal(analyze(original, { parser }).isSinasPackage, true);
    const at = original.indexOf('SinasPackage') + 'Sinas'.length;
    for (const [start, end, inserted, isPackage] of [[at, at + 1, 'X', false], [at, at + 1, 'P', true]] as const) {
      parser.noteChange(start, end, inserted);
      const text = original.slice(0, start) + inserted + original.slice(end);
      const source = { length: text.length, read: () => text };
      const analysis = analyze(source, { parser });
      assert.equal(analysis.isSinasPackage, isPackage, `kind: ${text.slice(at - 5, at + 7)}`);
      assert.deepEqual(observable(analysis), observable(analyze(text)), `kind: ${text.slice(at - 5, at + 7)}`);
    }
  });

  it('matches a fresh analysis when the cap on findings changes and the text does not (rules stop at the cap)', () => {
    const text = generatePackage(200).replace('Fetches item 0 from the app', '"${{ vars.A }} ${{ vars.B }} ${{ vars.C }} ${{ vars.D }} ${{ vars.E }}"');
    const parser = new DocumentParser();
    for (const maxFindings of [2, 50, 3, 1000]) {
      const analysis = analyze(text, { parser, maxFindings });
      assert.deepEqual(observable(analysis), observable(analyze(text, { maxFindings })), `cap ${maxFindings}`);
    }
  });

  it('matches a fresh analysis after edits that leave a flow or a quote open at an item\'s end, or bring CR, NEL or LS breaks', () => {
    const original = generatePackage(6);
    const item = original.indexOf('      # agent 0 ends here');
    const cases: [at: number, removed: number, inserted: string][] = [
      [item, 0, '      tags: [a,\n'], // the next item's `- ` now continues the flow sequence (PyYAML)
      [item, 0, '      note: "open\n'],
      [item, 0, 'x\r'],
      [item, 0, '\u0085'],
      [item + 2, 0, '\u2028'],
      [original.indexOf('Fetches item 0'), 0, '\r\n      x: 1\r'],
    ];
    for (const [k, [at, removed, inserted]] of cases.entries()) {
      for (const whole of [false, true]) {
        const parser = new DocumentParser();
        analyze(original, { parser });
        const text = original.slice(0, at) + inserted + original.slice(at + removed);
        parser.noteChange(at, at + removed, inserted);
        // As the server gives it: a source read only if the parser asks for the whole text.
        const source = whole ? text : { length: text.length, read: () => text };
        assert.deepEqual(observable(analyze(source, { parser })), observable(analyze(text)), `case ${k}`);
        // And back, with the edit noted.
        parser.noteChange(at, at + inserted.length, original.slice(at, at + removed));
        assert.deepEqual(observable(analyze(whole ? original : { length: original.length, read: () => original }, { parser })), observable(analyze(original)), `case ${k}, undone`);
      }
    }
  });

  it('moves the uses of a section kept as one chunk when an edit before it changes the length (found by npm run fuzz)', () => {
    // A line at column 3 keeps the functions section from being split into items: its items have
    // no chunk of their own, and their uses were cached with the offsets of the version that made them.
    const base = generatePackage(6);
    const functions = base.indexOf('  functions:\n');
    const odd = `${base.slice(0, functions)}  functions:\n    - name: g\n      description: "\${{ vars.MISSING }} \${{ oops"\n   }x\n${base.slice(functions + '  functions:\n'.length)}`;
    const parser = new DocumentParser();
    const opened = analyze(odd, { parser });
    assert.ok(opened.findings.some((f) => f.code === 'malformed-expression') && opened.findings.some((f) => f.code === 'undeclared-variable'));
    const at = odd.indexOf('    - name: ', odd.indexOf('  variables:\n')) + '    - name: '.length;
    assert.ok(at < odd.indexOf('  functions:'), 'the edit lies before the section');
    for (const inserted of ['x', 'xyz', '']) {
      const text = `${odd.slice(0, at)}${inserted}${odd.slice(at)}`;
      parser.noteChange(at, at, inserted);
      assert.deepEqual(observable(analyze(text, { parser })), observable(analyze(text)), JSON.stringify(inserted));
      parser.noteChange(at, at + inserted.length, '');
      assert.deepEqual(observable(analyze(odd, { parser })), observable(analyze(odd)), `${JSON.stringify(inserted)}, undone`);
    }
  });

  it('matches a fresh analysis after edits to each field of each declaration (item findings are kept while the fields rules read are the same)', () => {
    const fixtures = ['variable-type-mismatch/typed-uses.yaml', 'secret-value/values.yaml', 'connector-secret-template/secrets.yaml', 'variables/uses.yaml'];
    const replacements = ['x', 'secret', 'boolean', 'enum', 'text', '[on, off]', '[debug, info]', '"30"', 'KEY'];
    let changed = 0;
    for (const fixture of fixtures) {
      const original = readFileSync(join(__dirname, '../../fixtures/rules', fixture), 'utf8');
      const lines = original.split('\n');
      const first = lines.indexOf('  variables:') + 1;
      assert.ok(first > 0, `${fixture} declares variables`);
      const before = observable(analyze(original));
      for (let line = first; line < lines.length && !/^ {0,2}\S/.test(lines[line]); line++) {
        const colon = lines[line].indexOf(': ');
        if (colon < 0) continue;
        const lineStart = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
        for (const replacement of replacements) {
          // 'x' is typed at the end of the value; the others replace it.
          const start = replacement === 'x' ? lineStart + lines[line].length : lineStart + colon + 2;
          const end = lineStart + lines[line].length;
          const parser = new DocumentParser();
          analyze(original, { parser });
          parser.noteChange(start, end, replacement);
          const text = original.slice(0, start) + replacement + original.slice(end);
          const fresh = observable(analyze(text));
          assert.deepEqual(observable(analyze({ length: text.length, read: () => text }, { parser })), fresh, `${fixture}: ${JSON.stringify(text.slice(start - colon - 2, start + replacement.length))}`);
          if (JSON.stringify(fresh) !== JSON.stringify(before)) changed++;
        }
      }
    }
    assert.ok(changed > 50, `the edits change the findings (${changed} did)`);
    // An item that looks up a dozen names (past the few an item's reads are searched one by one for).
    const uses = Array.from({ length: 12 }, (_, i) => `\${{ vars.V${i} }}`).join(' ');
    const many = `apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: demo\nspec:\n  variables:\n    - name: V11\n    - name: V5\n  functions:\n    - name: f\n      description: "${uses}"\n`;
    for (const target of ['V11', 'V5']) {
      const session = new DocumentParser();
      analyze(many, { parser: session });
      const at = many.indexOf(`name: ${target}`) + `name: ${target}`.length;
      session.noteChange(at, at, 'x');
      const text = many.slice(0, at) + 'x' + many.slice(at);
      assert.deepEqual(observable(analyze({ length: text.length, read: () => text }, { parser: session })), observable(analyze(text)), `${target} renamed`);
    }
    // The section itself goes and comes back: an undeclared variable's message says where to declare it.
    const original = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: demo\nspec:\n  variables: []\n  functions:\n    - name: f\n      description: ${{ vars.A }}\n';
    const parser = new DocumentParser();
    let text = original;
    analyze(text, { parser });
    const at = original.indexOf('variables') + 'variable'.length;
    for (const [start, end, inserted] of [[at, at + 1, 'x'], [at, at + 1, 's']] as const) {
      parser.noteChange(start, end, inserted);
      text = text.slice(0, start) + inserted + text.slice(end);
      assert.deepEqual(observable(analyze({ length: text.length, read: () => text }, { parser })), observable(analyze(text)), text.slice(start - 10, start + 10));
    }
  });

  it('matches a fresh analysis while names and namespaces are typed and erased (item findings kept while what they looked up is the same)', () => {
    const fixtures = [
      ...yamlFiles(join(__dirname, '../../fixtures/rules/unresolved-reference')),
      ...yamlFiles(join(__dirname, '../../fixtures/rules/reference-needs-namespace')),
      ...yamlFiles(join(__dirname, '../../fixtures/rules/reference-must-be-bare')),
      ...yamlFiles(join(__dirname, '../../fixtures/rules/duplicate-identity')),
      ...yamlFiles(join(__dirname, '../../fixtures/rules/variables')),
    ];
    let changed = 0;
    for (const file of fixtures) {
      const original = readFileSync(file, 'utf8');
      const before = JSON.stringify(observable(analyze(original)));
      // One session over all edits: results carried from version to version, as in the editor.
      const parser = new DocumentParser();
      let text = original;
      analyze(text, { parser });
      const step = (start: number, end: number, inserted: string, label: string) => {
        parser.noteChange(start, end, inserted);
        text = text.slice(0, start) + inserted + text.slice(end);
        const fresh = observable(analyze(text));
        assert.deepEqual(observable(analyze({ length: text.length, read: () => text }, { parser })), fresh, `${file}: ${label}`);
        if (JSON.stringify(fresh) !== before) changed++;
      };
      const names = [...original.matchAll(/^ +(?:- )?(?:name|namespace): *([^\n#]*)$/gm)];
      for (const match of names) {
        const at = match.index + match[0].length;
        step(at, at, 'x', `typed after ${JSON.stringify(match[0].trim())}`);
        step(at, at, 'y', `typed after ${JSON.stringify(match[0].trim())}x`);
        step(at, at + 2, '', `erased after ${JSON.stringify(match[0].trim())}`);
      }
      // Every name at once changed and back, with a whole-text change.
      const renamed = original.replace(/^( +(?:- )?name: *[^\n#]*)$/gm, '$1z');
      step(0, text.length, renamed, 'every name renamed');
      step(0, text.length, original, 'every name back');
    }
    assert.ok(changed > 20, `the edits change the findings (${changed} did)`);
  });

  it('re-parses and re-checks only the edited item when typing inside one', () => {
    const text = generatePackage(2000);
    const parser = new DocumentParser();
    analyze(text, { parser });
    const at = text.indexOf('Fetches item 7') + 'Fetches item 7'.length;
    parser.noteChange(at, at, 'x');
    const edited = analyze(text.slice(0, at) + 'x' + text.slice(at), { parser });
    assert.equal(edited.stats.parsedChunks, 1);
    assert.deepEqual(observable(edited), observable(analyze(text.slice(0, at) + 'x' + text.slice(at))));
  });
});
