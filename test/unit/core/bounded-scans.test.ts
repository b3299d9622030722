/**
 * Searches confined to what they look at, counted rather than timed: looking for `${{` in one item
 * must not run on through the rest of the document. In a package read whole (an anchor, a tab,
 * junk at column 0), 2,000 items without `${{` each searched to the end of the text: 160 MB of
 * characters for a 160 kB file, a quarter of every version's time.
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
});
