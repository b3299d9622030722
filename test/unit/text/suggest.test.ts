/**
 * Did-you-mean (server/src/core/text/suggest.ts): the bounded edit distance agrees with the full
 * one, a small set gives exactly what a full scan gives, and a large set (3,000 names) is answered
 * from its index with the intended name for one-typo words, in near-linear total work.
 */
import assert from 'node:assert/strict';
import { closest, editDistance, nameIndex, NameIndex } from '../../../server/src/core/text/suggest';
import { analyze } from '../../../server/src/core/analyze';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';

function seeded(seed: number) {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** The plain definition: every cell, no early exit. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('did-you-mean', () => {
  it('the bounded distance equals the full one, or says "over the limit"', () => {
    const next = seeded(7);
    const word = () => Array.from({ length: Math.floor(next() * 9) }, () => 'abcab'[Math.floor(next() * 5)]).join('');
    for (let n = 0; n < 3000; n++) {
      const [a, b, max] = [word(), word(), Math.floor(next() * 5)];
      const full = fullDistance(a, b);
      assert.equal(editDistance(a, b), full, `${a} ${b}`);
      assert.equal(editDistance(a, b, max), full <= max ? full : max + 1, `${a} ${b} max ${max}`);
    }
  });

  it('a small set: case-insensitive match first, then the closest within a third of the length, first on ties', () => {
    assert.equal(closest('api_url', ['APP_URL', 'API_URL']), 'API_URL');
    assert.equal(closest('APP_ULR', ['APP_URL', 'APP_URI']), 'APP_URL');
    assert.equal(closest('APP_UR', ['APP_URL', 'APP_URI']), 'APP_URL', 'a tie goes to the first declared');
    assert.equal(closest('TOTALLY_ELSE', ['APP_URL']), undefined);
    assert.equal(closest('APP_URL', ['APP_URL']), undefined, 'never the word itself');
  });

  it('a large set: the intended name for a one-typo word, from a few neighbours only', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `DECLARED_VARIABLE_${i}`);
    const index = new NameIndex(names);
    const next = seeded(11);
    for (let n = 0; n < 3000; n++) {
      const target = names[Math.floor(next() * names.length)];
      const at = Math.floor(next() * target.length);
      const typo = target.slice(0, at) + 'X' + target.slice(at + 1);
      const found = index.closest(typo);
      assert.ok(found !== undefined && editDistance(typo.toLowerCase(), found.toLowerCase()) <= 1, `${typo} → ${found}`);
      // One edit away, the answer is exactly a full scan's: the first declared of the nearest.
      if (n % 10 === 0) {
        const scan = names.filter((name) => name !== typo).reduce<[string | undefined, number]>(([best, d], name) => {
          const e = editDistance(typo.toLowerCase(), name.toLowerCase());
          return e < d ? [name, e] : [best, d];
        }, [undefined, Infinity]);
        if (scan[1] === 1) assert.equal(found, scan[0], typo);
      }
    }
    assert.equal(index.closest('COMPLETELY_DIFFERENT_THING'), undefined);
  });

  it('keeps the index of a set of names across calls (answers are reused after an edit)', () => {
    const names = Array.from({ length: 100 }, (_, i) => `NAME_${i}`);
    assert.equal(nameIndex(names), nameIndex([...names]));
    assert.notEqual(nameIndex(names), nameIndex([...names, 'MORE']));
  });

  it('3,000 declared and 3,000 undeclared variables: every use reported, with suggestions, without quadratic work', () => {
    let text = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: many\n  version: "1.0.0"\nspec:\n  variables:\n';
    for (let i = 0; i < 3000; i++) text += `    - name: DECLARED_VARIABLE_${i}\n`;
    text += '  agents:\n';
    for (let i = 0; i < 3000; i++) text += `    - namespace: a\n      name: a${i}\n      description: "\${{ vars.DECLARED_VARIABLE_${i} }} \${{ vars.DECLARED_VARIABEL_${i} }}"\n`;
    const started = performance.now();
    const findings = analyze(text, { maxFindings: 10_000 }).findings.filter((f) => f.code === 'undeclared-variable');
    assert.equal(findings.length, 3000);
    assert.ok(findings.every((f) => f.data?.replacement !== undefined), 'each has a suggestion');
    assert.ok(performance.now() - started < 15_000, 'once 25 s and more');
  });

  it('looks a did-you-mean up only for the findings shown, and an edit to a declaration re-words only those', () => {
    let text = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: many\n  version: "1.0.0"\nspec:\n  agents:\n';
    for (let i = 0; i < 2000; i++) text += `    - namespace: a\n      name: a${i}\n      description: "\${{ vars.DECLARED_VARIABEL_${i} }}"\n`;
    text += '  variables:\n';
    for (let i = 0; i < 2000; i++) text += `    - name: DECLARED_VARIABLE_${i}\n`;
    const asked: string[] = [];
    const original = NameIndex.prototype.closest;
    NameIndex.prototype.closest = function (this: NameIndex, word: string, max?: number) {
      asked.push(word);
      return original.call(this, word, max);
    };
    try {
      const parser = new DocumentParser();
      const first = analyze(text, { parser, maxFindings: 50 });
      const undeclared = first.findings.filter((f) => f.code === 'undeclared-variable');
      assert.equal(undeclared.length, 50);
      assert.equal(undeclared[0].message, 'Variable `DECLARED_VARIABEL_0` is not declared; did you mean `DECLARED_VARIABLE_0`?');
      assert.deepEqual(undeclared[0].data, { name: 'DECLARED_VARIABEL_0', replacement: 'DECLARED_VARIABLE_0' });
      assert.ok(first.findings.every((f) => !('describe' in f)), 'findings are plain data');
      assert.ok(asked.length <= 50, `${asked.length} look-ups for 50 findings shown`);
      // Renaming a declaration changes the names every use is checked against.
      asked.length = 0;
      const at = text.indexOf('DECLARED_VARIABLE_1999');
      parser.noteChange(at, at + 'DECLARED_VARIABLE_1999'.length, 'RENAMED');
      const edited = text.slice(0, at) + 'RENAMED' + text.slice(at + 'DECLARED_VARIABLE_1999'.length);
      const second = analyze(edited, { parser, maxFindings: 50 });
      assert.equal(second.findings.filter((f) => f.code === 'undeclared-variable').length, 50);
      assert.ok(asked.length <= 50, `${asked.length} look-ups after the rename`);
    } finally {
      NameIndex.prototype.closest = original;
    }
  });
});
