/**
 * The TextMate injection grammar: contributed for YAML, and its patterns find `${{ … }}` and
 * `vars.NAME` where Sinas does. (The patterns only use regex syntax that JavaScript and
 * Oniguruma read alike; colouring inside VS Code's own YAML grammar is checked in test/vscode.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes/sinas-expression.injection.tmLanguage.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Every (text, scope) the grammar would give on one line, outside of YAML's own scopes. */
function scopes(line: string): [string, string][] {
  const out: [string, string][] = [];
  const expression = new RegExp(grammar.repository.expression.match, 'g');
  for (const m of line.matchAll(expression)) {
    const captures = grammar.repository.expression.captures;
    out.push([m[1], captures['1'].name]);
    const inner = m[2];
    const variable = new RegExp(grammar.repository.variable.match, 'g');
    const v = variable.exec(inner);
    if (v) {
      const names = grammar.repository.variable.captures;
      out.push([v[1], names['1'].name], [v[2], names['2'].name], [v[3], names['3'].name]);
    } else {
      for (const c of inner.matchAll(new RegExp(grammar.repository.context.match, 'g'))) out.push([c[0], grammar.repository.context.name]);
    }
    out.push([m[3], captures['3'].name]);
  }
  return out;
}

describe('expression injection grammar', () => {
  it('is contributed as an injection into YAML, outside comments', () => {
    assert.equal(grammar.scopeName, 'sinas.expression.injection');
    assert.equal(grammar.injectionSelector, 'L:source.yaml -comment');
    const contribution = manifest.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === grammar.scopeName);
    assert.deepEqual(contribution, {
      scopeName: 'sinas.expression.injection',
      path: './syntaxes/sinas-expression.injection.tmLanguage.json',
      injectTo: ['source.yaml'],
    });
  });

  it('scopes the braces, `vars` and the name', () => {
    assert.deepEqual(scopes('      baseUrl: "${{ vars.APP_URL }}/v1"'), [
      ['${{', 'punctuation.definition.template-expression.begin.sinas'],
      ['vars', 'variable.language.vars.sinas'],
      ['.', 'punctuation.accessor.sinas'],
      ['APP_URL', 'variable.other.constant.sinas'],
      ['}}', 'punctuation.definition.template-expression.end.sinas'],
    ]);
  });

  it('finds each expression of a line, and never one that spans lines', () => {
    assert.equal(scopes('a: ${{ vars.A }}-${{ vars.B }}').filter(([, s]) => s.startsWith('variable.other.constant')).length, 2);
    assert.deepEqual(scopes('a: ${{ vars.OPEN'), []);
  });

  it('shows other contexts as plain identifiers', () => {
    assert.deepEqual(
      scopes('x: ${{ secrets.TOKEN }}').map(([t, s]) => `${t} ${s}`),
      [
        '${{ punctuation.definition.template-expression.begin.sinas',
        'secrets variable.other.sinas',
        'TOKEN variable.other.sinas',
        '}} punctuation.definition.template-expression.end.sinas',
      ],
    );
  });
});
