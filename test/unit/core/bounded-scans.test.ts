/**
 * Searches confined to what they look at, counted rather than timed: looking for `${{` in one item
 * must not run on through the rest of the document (in a package read whole, 2,000 items without
 * `${{` each searched to the end of the text: 160 MB of characters for a 160 kB file, a quarter of
 * every version's time), and a line of many tabs is measured once, not once per tab (80,000 tabs
 * in a quoted value took a second, 400,000 would take half a minute).
 */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { DocumentParser } from '../../../server/src/core/parse/parse-document';

/** Characters `indexOf('${{', …)` was asked to search while `run` ran. */
function searched(run: () => void): number {
  const original = String.prototype.indexOf;
  let characters = 0;
  String.prototype.indexOf = function (this: string, needle: string, from?: number) {
    if (needle === '${{') characters += this.length - Math.max(0, from ?? 0);
    return original.call(this, needle, from);
  };
  try {
    run();
  } finally {
    String.prototype.indexOf = original;
  }
  return characters;
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
    let text = 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: &n scans\n  version: "1.0.0"\nspec:\n  webhooks:\n';
    for (let i = 0; i < 2000; i++) text += `    - path: "\${APP_URL}/h${i}"\n      functionName: f\n`;
    text += '  functions:\n    - name: f\n      description: "${{ vars.MISSING }}"\n';
    const parser = new DocumentParser();
    let analysis = analyze(text, { parser, maxFindings: 10_000 });
    assert.equal(analysis.stats.chunked, false, 'the anchor makes it one chunk');
    assert.ok(analysis.findings.some((f) => f.code === 'undeclared-variable'), 'the use at the end is still found');
    const opening = searched(() => analyze(text));
    const edited = text.replace('/h7"', '/h7x"');
    const editing = searched(() => (analysis = analyze(edited, { parser })));
    for (const [what, characters] of [['open', opening], ['edit', editing]] as const) {
      assert.ok(characters <= 3 * text.length, `${what}: ${characters.toLocaleString('en')} characters searched for \`\${{\` in a ${text.length.toLocaleString('en')}-character text`);
    }
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
