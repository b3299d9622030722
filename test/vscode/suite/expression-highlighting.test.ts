// The injection grammar as VS Code applies it: our contributed grammar injected into the YAML
// grammar this VS Code ships, tokenized with the TextMate engine it ships (from vscode.env.appRoot),
// on the lines of a fixture. Checks scopes, not colours, so it holds under any theme.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fixtureUri } from './helpers';
import { yamlTokenizer, type Token } from './tokenize';

/** The sinas scope of each token on a line that has one, as `text scope`. */
function sinasScopes(tokens: Token[]): string[] {
  return tokens.flatMap((t) => {
    const scope = t.scopes.filter((s) => s.endsWith('.sinas')).pop();
    return scope && t.text.trim() ? [`${t.text} ${scope}`] : [];
  });
}

describe('${{ vars.NAME }} highlighting', () => {
  let lines: string[];
  let tokens: Token[][];
  before(async () => {
    lines = fs.readFileSync(fixtureUri('expression-highlighting.yaml').fsPath, 'utf8').split('\n');
    tokens = (await yamlTokenizer())(lines);
  });

  const onLine = (marker: string) => {
    const index = lines.findIndex((l) => l.includes(marker));
    assert.ok(index >= 0, `no line with ${marker}`);
    return tokens[index];
  };
  const EXPECTED = (name: string) => [
    '${{ punctuation.definition.template-expression.begin.sinas',
    'vars variable.language.vars.sinas',
    '. punctuation.accessor.sinas',
    `${name} variable.other.constant.sinas`,
    '}} punctuation.definition.template-expression.end.sinas',
  ];

  for (const [style, name] of [
    ['a double-quoted scalar', 'DOUBLE'],
    ['a single-quoted scalar', 'SINGLE'],
    ['a plain scalar', 'PLAIN'],
    ['a literal block scalar', 'LITERAL'],
    ['a folded block scalar', 'FOLDED'],
    ['a flow sequence', 'FLOW'],
  ] as const) {
    it(`in ${style}`, () => {
      assert.deepEqual(sinasScopes(onLine(`vars.${name} `)), EXPECTED(name));
    });
  }

  it('keeps the YAML string scope around the expression in quoted scalars', () => {
    const brace = onLine('vars.DOUBLE ').find((t) => t.text === '${{')!;
    assert.ok(brace.scopes.includes('string.quoted.double.yaml'), brace.scopes.join(' '));
  });

  it('leaves comments alone', () => {
    assert.deepEqual(sinasScopes(onLine('vars.COMMENT')), []);
  });
});
