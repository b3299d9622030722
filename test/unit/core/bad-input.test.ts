/** Hostile or broken input gets a clear finding and never an exception. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { excessiveNesting } from '../../../server/src/core/parse/flow-depth';
import { parseRegion, type ParsedRegion } from '../../../server/src/core/parse/parse-region';

const HEAD = 'apiVersion: sinas.co/v1\nkind: SinasPackage\n';
const codes = (text: string) => analyze(text).findings.map((f) => f.code);

describe('bad input', () => {
  it('keeps errors over the findings cap: a syntax error after a thousand warnings still shows, in document order (found by npm run fuzz)', () => {
    let text = `${HEAD}package:\n  name: p\nspec:\n  variables:\n`;
    for (let i = 0; i < 1_100; i++) text += `    - name: UNUSED_${i}\n`;
    text += '  agents:\n    - namespace: a\n      name: b\n      model: "x"y\n';
    const analysis = analyze(text, { maxFindings: 1_000 });
    assert.equal(analysis.findings.length, 1_000);
    assert.ok(analysis.stats.truncatedFindings > 100);
    const error = analysis.findings.find((f) => f.code === 'yaml-syntax');
    assert.ok(error, 'the error past the first thousand warnings is kept');
    assert.equal(analysis.findings[analysis.findings.length - 1], error, 'in document order: it is last');
    const starts = analysis.findings.map((f) => f.span.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  it('quotes at most a short piece of a huge text in a message: a 200,000-character key, a megabyte line read as a word (found by npm run fuzz)', () => {
    const key = 'k'.repeat(200_000);
    const unknown = analyze(`${HEAD}package:\n  name: p\nspec:\n  ${key}: 1\n`).findings.find((f) => f.code === 'unknown-key');
    assert.ok(unknown);
    assert.ok(unknown.message.length <= 1_010, `${unknown.message.length} characters`);
    assert.match(unknown.message, /^Unknown key `k+ … k+` under `spec`; the server rejects it/, 'what is wrong and why are kept, the middle of the key goes');
    const line = 'word '.repeat(200_000);
    const word = analyze(`${HEAD}package:\n  name: p\n${line}\n`).findings.find((f) => f.message.includes('is not a key yet'));
    assert.ok(word);
    assert.equal(word.message, '`word word word word word word word word …` is not a key yet: a key is followed by `:` (`word: …`). Sinas cannot read the file until it is; the rest is checked as if this line were not there.');
  });

  it('reports flow nesting deeper than Sinas can read as one YAML error, without parsing it', () => {
    for (const [open, close] of [['[', ']'], ['{a: ', '}']]) {
      const text = HEAD + 'spec: ' + open.repeat(20_000) + close.repeat(20_000) + '\n';
      const findings = analyze(text).findings.filter((f) => f.code === 'yaml-syntax');
      assert.deepEqual(findings.map((f) => f.message), ['The YAML is nested more than 1,000 levels deep; Sinas (PyYAML) cannot read it.']);
      assert.equal(findings[0].span.start, HEAD.length + 'spec: '.length + open.length * 1000, 'on the bracket that opens level 1,001');
    }
    const fine = `${HEAD}package:\n  name: p\nspec:\n  x: ${'['.repeat(400)}${']'.repeat(400)}\n`;
    assert.ok(!analyze(fine).findings.some((f) => f.code === 'yaml-syntax'), '400 levels still parse (PyYAML reads them too)');
  });

  it('still reports a package whose header the syntax error keeps unread: the error alone, no cascade (found by npm run fuzz)', () => {
    // The whole text is one region refused for its depth, so `kind` is never read (the tagged key at
    // column 0 may start a root entry: the text is not split).
    const text = HEAD + 'spec:\n  agents:\n    - description: ' + '['.repeat(2000) + ']'.repeat(2000) + '\n!!str k: v\n';
    const analysis = analyze(text);
    assert.equal(analysis.isSinasPackage, true);
    assert.deepEqual(codes(text), ['yaml-syntax']);
  });

  it('counts the brackets after a quote left open, up to the line YAML ends it at, not to a quote far below (found by npm run fuzz)', () => {
    // PyYAML (and the parser) end `"1.0.0` at `spec:`, then read the nesting: no stack overflow.
    const deep = '{a: '.repeat(20_000) + '}'.repeat(20_000);
    const text = `${HEAD}package:\n  name: p\n  version: "1.0.0\nspec:\n  agents:\n    - namespace: a\n      name: b\n      description: ${deep}\n      x: "y"\n`;
    const findings = analyze(text).findings;
    assert.ok(!findings.some((f) => f.code === 'internal-error'), findings.find((f) => f.code === 'internal-error')?.message);
    assert.ok(findings.some((f) => f.message === 'The YAML is nested more than 1,000 levels deep; Sinas (PyYAML) cannot read it.'));
    // A `"` that YAML reads as part of a plain scalar (`a:"a` in a flow mapping), never closed.
    const plain = `${HEAD}package:\n  name: p\nspec:\n  x: {a:"a: ${deep}\nother: 1\n`;
    assert.ok(analyze(plain).findings.some((f) => f.message === 'The YAML is nested more than 1,000 levels deep; Sinas (PyYAML) cannot read it.'));
    // A quote continued on deeper lines still hides its brackets.
    const quoted = `${HEAD}package:\n  name: p\nspec:\n  x: "${'['.repeat(1500)}\n    ${'{'.repeat(1500)}"\n`;
    assert.ok(!analyze(quoted).findings.some((f) => /nested more than/.test(f.message)));
  });

  it('reads `key:"` in a block as plain text, not as a quote that hides the brackets below it (found by npm run fuzz)', () => {
    // `:` and `-` are indicators only before a blank: `agents:"` is the plain scalar `agents:"`, and
    // the `[` below nest 20,000 levels for YAML. A `"` among the brackets closed the supposed quote.
    const deep = '['.repeat(10_000) + ']'.repeat(5_000) + '"' + ']'.repeat(5_000);
    for (const opener of ['agents:"', "agents:'", '-"']) {
      const text = `${HEAD}package:\n  name: p\nspec:\n  ${opener}\n    - namespace: a\n      name: b\n      description: ${deep}\nx: 1\n`;
      const findings = analyze(text).findings;
      assert.ok(!findings.some((f) => f.code === 'internal-error'), `${opener}: ${findings.find((f) => f.code === 'internal-error')?.message}`);
      assert.ok(findings.some((f) => f.message === 'The YAML is nested more than 1,000 levels deep; Sinas (PyYAML) cannot read it.'), opener);
    }
    // Before a blank they are indicators: the quote is one, and its brackets are text.
    const quoted = `${HEAD}package:\n  name: p\nspec:\n  x: "${'['.repeat(1500)}\n    ${'{'.repeat(1500)}"\n  y:\n    - '${'['.repeat(1500)}'\n`;
    assert.ok(!analyze(quoted).findings.some((f) => /nested more than/.test(f.message)));
  });

  it('says the YAML is nested too deeply, not "internal error", when the parse runs out of stack below the depth guard', () => {
    // 400 levels pass the guard (and PyYAML reads them); with little stack left the parse overflows.
    const text = `x: ${'['.repeat(400)}${']'.repeat(400)}\n`;
    let deepest = 0;
    const descend = (frames: number, at: number): ParsedRegion => {
      deepest = Math.max(deepest, at);
      return at < frames ? descend(frames, at + 1) : parseRegion(text);
    };
    assert.throws(() => descend(Infinity, 0), RangeError);
    const region = descend(deepest - 300, 0);
    assert.deepEqual(region.findings.map((f) => f.message), ['The YAML is nested too deeply to be read.']);
    assert.equal(region.root, null);
    assert.ok(parseRegion(text).root, 'with the stack it normally has, 400 levels parse');
  });

  it('is linear on a line of many quoted scalars (a megabyte flow list of strings: 40 ms, not 90 s)', () => {
    const text = `${HEAD}spec:\n  x: [${'"a", '.repeat(320_000)}]\n`;
    const started = performance.now();
    assert.equal(excessiveNesting(text), undefined);
    assert.ok(performance.now() - started < 1000, `${Math.round(performance.now() - started)} ms`);
  });

  it('counts every bracket inside a flow collection, where plain text ends at one (found by npm run fuzz)', () => {
    const text = HEAD + 'spec:\n  agents:\n    - description: [[{x' + '['.repeat(20_000) + ']'.repeat(20_000) + '}]]\n';
    const syntax = analyze(text).findings.filter((f) => f.code === 'yaml-syntax');
    assert.deepEqual(syntax.map((f) => f.message), ['The YAML is nested more than 1,000 levels deep; Sinas (PyYAML) cannot read it.']);
  });

  it('counts only brackets that open collections: text, quotes, comments and code blocks are no nesting', () => {
    const many = '['.repeat(2000);
    const text = `${HEAD}package:\n  name: p\nspec:\n  agents:\n    - namespace: a\n      name: b\n` +
      `      description: "${many}"\n      systemPrompt: '${many} it''s'\n      x: a${many}\n      y: ${'${{ vars.Y '.repeat(2000)}\n` +
      `      # ${many}\n  functions:\n    - namespace: a\n      name: f\n      code: |\n        x = ${many}\n`;
    assert.ok(!analyze(text).findings.some((f) => /nested more than/.test(f.message)));
  });

  it('reports 130,000 findings in one item when no limit is set, not an internal error (found by npm run fuzz)', () => {
    const text = `${HEAD}package:\n  name: p\n  version: "1"\nspec:\n  agents:\n    - namespace: a\n      name: b\n      description: "${'${{ }} '.repeat(130_000)}"\n`;
    const findings = analyze(text, { maxFindings: Infinity }).findings;
    assert.ok(!findings.some((f) => f.code === 'internal-error'), findings[0]?.message);
    assert.equal(findings.filter((f) => f.code === 'malformed-expression').length, 130_000);
  });

  it('reports 150,000 YAML errors in one item when no limit is set, not an internal error', () => {
    const text = `${HEAD}package:\n  name: p\nspec:\n  agents:\n    - name: a\n      x: "a"${' ]'.repeat(150_000)}\n`;
    const findings = analyze(text, { maxFindings: Infinity }).findings;
    assert.ok(!findings.some((f) => f.code === 'internal-error'), findings[0]?.message);
    assert.equal(findings.filter((f) => f.code === 'yaml-syntax').length, 150_000);
  });

  it('cuts off an alias bomb with one finding', () => {
    let text = HEAD + 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill('*' + names[i - 1]).join(',')}]\n`;
    text += 'spec:\n  functions:\n    - *i\n';
    assert.deepEqual(codes(text).filter((c) => c === 'alias-expansion'), ['alias-expansion']);
  });

  it('rejects raw control characters the way PyYAML does', () => {
    const text = HEAD + 'spec:\n  functions:\n    - name: "a\u0000b"\n';
    const finding = analyze(text).findings.find((f) => f.code === 'yaml-syntax');
    assert.ok(finding);
    assert.equal(finding.span.start, text.indexOf('\u0000'));
  });

  it('survives binary junk after a SinasPackage header', () => {
    const junk = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const findings = analyze(HEAD + junk).findings;
    assert.ok(findings.length > 0 && findings.length <= 1000);
    assert.ok(findings.every((f) => f.span.start >= 0 && f.span.end <= HEAD.length + junk.length));
  });

  it('does not analyse a file past the size limit, and says so', () => {
    const analysis = analyze(HEAD + 'spec: {}\n' + '#'.repeat(200), { maxLength: 100 });
    assert.deepEqual(analysis.findings.map((f) => f.code), ['file-too-large']);
  });

  it('handles an empty document, a scalar document and a list document', () => {
    for (const text of [HEAD.replace('kind', '# kind'), 'kind: SinasPackage', '- kind: SinasPackage']) assert.doesNotThrow(() => analyze(text));
  });
});
