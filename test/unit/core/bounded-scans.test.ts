/**
 * Searches confined to what they look at, counted rather than timed: looking for `${{` in one item
 * must not run on through the rest of the document (in a package read whole, 2,000 items without
 * `${{` each searched to the end of the text: 160 MB of characters for a 160 kB file, a quarter of
 * every version's time), and a line of many tabs is measured once, not once per tab (80,000 tabs
 * in a quoted value took a second, 400,000 would take half a minute); and the line patterns that
 * regular expressions read quadratically (a key line, a cron value) are read in one pass.
 */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { isKeyLine } from '../../../server/src/core/parse/key-line';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';
import { randomLines } from '../../support/random-lines';
import { starValueOf } from '../../../server/src/core/rules/unquoted-cron';
import { keyAt } from '../../../server/src/features/yaml-lines';
import { oneLine, stripControls } from '../../../api/src/server-text';
import { withoutTrailingSlashes } from '../../../api/src/http';
import { withoutComment } from '../../../server/src/features/completion/header-completion';
import { fileStem } from '../../../client/src/documents/file-stem';
import { conventionalPackageName } from '../../../server/src/core/model/package-name';

/** The searches for `${{` while `run` ran: how many, and how many characters they were asked to search. */
function searched(run: () => void): { calls: number; characters: number } {
  const original = String.prototype.indexOf;
  const counted = { calls: 0, characters: 0 };
  String.prototype.indexOf = function (this: string, needle: string, from?: number) {
    if (needle === '${{') {
      counted.calls++;
      counted.characters += this.length - Math.max(0, from ?? 0);
    }
    return original.call(this, needle, from);
  };
  try {
    run();
  } finally {
    String.prototype.indexOf = original;
  }
  return counted;
}

/** Characters `lastIndexOf('\n', at)` may scan back over while `run` runs (`at` for each call). */
function scannedBack(run: () => void): number {
  const original = String.prototype.lastIndexOf;
  let characters = 0;
  String.prototype.lastIndexOf = function (this: string, needle: string, from?: number) {
    const found = original.call(this, needle, from);
    if (needle === '\n') characters += Math.min(this.length, from ?? this.length) - found;
    return found;
  };
  try {
    run();
  } finally {
    String.prototype.lastIndexOf = original;
  }
  return characters;
}

describe('bounded scans', () => {
  it('finds the `${{` of each item within the item, in a package read whole', () => {
    let text = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: &n scans\n  title: *n\n  version: "1.0.0"\nspec:\n  webhooks:\n';
    for (let i = 0; i < 2000; i++) text += `    - path: "\${APP_URL}/h${i}"\n      functionName: f\n`;
    text += '  functions:\n    - name: f\n      description: "${{ vars.MISSING }}"\n';
    const parser = new DocumentParser();
    let analysis = analyze(text, { parser, maxFindings: 10_000 });
    assert.equal(analysis.stats.chunked, false, 'the anchor and its alias make it one chunk');
    assert.ok(analysis.findings.some((f) => f.code === 'undeclared-variable'), 'the use at the end is still found');
    const opening = searched(() => analyze(text)).characters;
    const edited = text.replace('/h7"', '/h7x"');
    const editing = searched(() => (analysis = analyze(edited, { parser }))).characters;
    for (const [what, characters] of [['open', opening], ['edit', editing]] as const) {
      assert.ok(characters <= 3 * text.length, `${what}: ${characters.toLocaleString('en')} characters searched for \`\${{\` in a ${text.length.toLocaleString('en')}-character text`);
    }
  });

  it('does not look for a node at each `${{` of a line that is in no node (found by npm run fuzz: 80,000 lookups, half of each analysis)', () => {
    // The fuzz's mutation of the 1.4 MB line: a half-typed key the parser reads around, in no node.
    const fragment = '${{ vars.X }} ${{ }} ${{ vars. }} ${{ vars.Y';
    const text = `apiVersion: sinas.co/v1*a\nkind: SinasPackage\npackage:\n  name: ho\n  - name: n\ns.Y${fragment.repeat(20_000)}"\n? `;
    let findings: string[] = [];
    const count = searched(() => (findings = analyze(text).findings.map((f) => f.code))).calls;
    assert.ok(count < 100, `${count.toLocaleString('en')} searches for \`\${{\` among 80,000 of them`);
    assert.ok(findings.includes('yaml-syntax'));
  });

  it('measures a line of many tabs once, in a quoted value, a comment, a block header and plain text', () => {
    const tabs = '\t'.repeat(50_000);
    const bodies = [`  description: "x${tabs}y"\n`, `  description: x # ${tabs}\n`, `  description: |  # ${tabs}\n    text\n`, `  description: x${tabs}y\n`];
    for (const [k, body] of bodies.entries()) {
      const text = `apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: t\n${body}spec: {}\n`;
      let tabFindings = 0;
      const characters = scannedBack(() => (tabFindings = analyze(text).findings.filter((f) => /accepts a tab only/.test(f.message)).length));
      assert.equal(tabFindings, k === 3 ? 1 : 0, 'a tab is allowed in quotes, comments and a header\'s comment; in plain text it is one finding per line');
      assert.ok(characters <= 3 * text.length, `${characters.toLocaleString('en')} characters scanned back for line starts in a ${text.length.toLocaleString('en')}-character text`);
    }
  });
});

describe('line patterns read in one pass', () => {
  it('a key line, exactly as the regular expression it replaces, in linear time', () => {
    const reference = /^ *(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#'"?:,[\]{}&*!|>%@`-][^\n#]*?|-[^\s\n#][^\n#]*?)\s*:(?:[ \t]|$)/;
    for (const line of randomLines([' ', '\t', '-', 'a', '#', ':', '\r', '\n', '"', "'", '\\', '?', '\u2028'], 30_000, 5)) {
      assert.equal(isKeyLine(line), reference.test(line), JSON.stringify(line));
    }
    const blanks = `  a${' '.repeat(200_000)}b${'\t'.repeat(200_000)}"`;
    const started = performance.now();
    assert.equal(isKeyLine(blanks), false);
    assert.equal(isKeyLine(`${blanks}: x`), true);
    assert.ok(performance.now() - started < 1000, 'the regular expression took minutes');
  });
});

describe('the unquoted-cron line, read in one pass', () => {
  it('is what the regular expression it replaces matched, in linear time', () => {
    const reference = /^([ \t]*(?:-[ \t]+)?(?:"[^"\n]*"|'[^'\n]*'|[^\s#'"][^:\n#]*?)[ \t]*:[ \t]+)(\*[^\n#]*?)[ \t]*(?:#.*)?$/;
    const alphabet = [' ', '\t', '-', 'a', '*', ':', '#', '"', "'", '\n', '\u2028', '5'];
    for (const line of randomLines(alphabet, 40_000, 3)) {
      const m = reference.exec(line);
      assert.deepEqual(starValueOf(line), m ? { start: m[1].length, value: m[2] } : undefined, JSON.stringify(line));
    }
    const blanks = `  a${' '.repeat(200_000)}b${'\t'.repeat(200_000)}*`;
    const started = performance.now();
    assert.equal(starValueOf(blanks), undefined);
    assert.deepEqual(starValueOf(`  cron: * * * * *${' '.repeat(200_000)}x`), { start: 8, value: `* * * * *${' '.repeat(200_000)}x` });
    assert.ok(performance.now() - started < 1000, 'the regular expression took seconds');
  });
});

describe('the key of a line as completion reads it, in one pass', () => {
  it('is what the regular expression it replaces matched, in linear time', () => {
    const reference = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`?:-][^#]*?|[?:-][^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/;
    const alphabet = [' ', '\t', '-', 'a', '?', ':', '#', '"', "'", '\\', '\n', '\u2028'];
    for (const line of randomLines(alphabet, 40_000, 9)) {
      const m = reference.exec(line);
      assert.deepEqual(keyAt(line), m ? { raw: m[1], colon: m[0].length - 1 } : undefined, JSON.stringify(line));
    }
    const blanks = `a${' '.repeat(200_000)}b${'\t'.repeat(200_000)}`;
    const started = performance.now();
    assert.equal(keyAt(blanks), undefined);
    assert.deepEqual(keyAt(`${blanks}:`)?.colon, blanks.length);
    assert.ok(performance.now() - started < 1000, 'the regular expression took minutes');
  });
});

describe('text clean-ups in one pass', () => {
  it('equal the regular expressions they replace, in linear time on long runs', () => {
    const pairs: [string, (t: string) => string, (t: string) => string][] = [
      ['one line', oneLine, (t) => stripControls(t).replace(/\s*[\n\t]\s*/g, ' ')],
      ['package name', conventionalPackageName, (t) => t.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').replace(/-{2,}/g, '-')],
      ['trailing slashes', withoutTrailingSlashes, (t) => t.replace(/\/+$/, '')],
      ['header value without its comment', (t) => withoutComment(t).trimEnd(), (t) => t.replace(/\s+#.*$/, '').trimEnd()],
      ['file name of a package', fileStem, (t) => t.trim().replace(/[^\w.-]+/g, '-').replace(/^[.-]+|-+$/g, '') || 'package'],
    ];
    const alphabet = [' ', '\t', '\n', '-', 'a', 'B', '/', '.', '_', '\r', '#', '\u00a0'];
    for (const text of randomLines(alphabet, 10_000, 21, 10)) {
      for (const [what, fast, reference] of pairs) assert.equal(fast(text), reference(text), `${what}: ${JSON.stringify(text)}`);
    }
    for (const [what, fast] of pairs) {
      const started = performance.now();
      for (const run of [' ', '-', '/', '\u00a0']) fast(`a${run.repeat(200_000)}b`);
      assert.ok(performance.now() - started < 1000, `${what}: the regular expression took seconds`);
    }
  });
});
