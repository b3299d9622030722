// The languages inside a package, coloured as VS Code colours them: our embedded grammar with the
// Python, SQL and HTML grammars this VS Code ships. Checks scopes, not colours (any theme).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fixtureUri } from './helpers';
import { yamlTokenizer, type Token } from './tokenize';

describe('embedded language highlighting', () => {
  let lines: string[];
  let tokens: Token[][];
  before(async () => {
    lines = fs.readFileSync(fixtureUri('embedded-highlighting.yaml').fsPath, 'utf8').split('\n');
    tokens = (await yamlTokenizer())(lines);
  });

  /** The scopes of the first token with this text on the line containing `marker`. */
  const scopesOf = (marker: string, text: string): string[] => {
    const index = lines.findIndex((l) => l.includes(marker));
    assert.ok(index >= 0, `no line with ${marker}`);
    const token = tokens[index].find((t) => t.text.trim() === text);
    assert.ok(token, `no token ${text} on line ${index + 1}: ${tokens[index].map((t) => JSON.stringify(t.text)).join(' ')}`);
    return token.scopes;
  };
  const has = (scopes: string[], ...wanted: string[]) => {
    for (const w of wanted) assert.ok(scopes.some((s) => s.startsWith(w)), `${w} not in ${scopes.join(' ')}`);
  };

  it('reads function code as Python', () => {
    has(scopesOf('import json', 'import'), 'meta.embedded.block.python', 'keyword.control.import.python');
    has(scopesOf('def handler', 'def'), 'meta.embedded.block.python', 'storage.type.function.python');
  });

  it('ends the Python block at the next key, even inside an unclosed string', () => {
    const scopes = scopesOf('description: after the code block', 'description');
    assert.ok(!scopes.some((s) => s.includes('python')), scopes.join(' '));
    has(scopes, 'entity.name.tag.yaml');
  });

  it('keeps ${{ vars.X }} highlighted inside embedded code', () => {
    has(scopesOf('vars.API_URL', 'vars'), 'variable.language.vars.sinas');
  });

  it('reads query sql as SQL', () => {
    has(scopesOf('SELECT id', 'SELECT'), 'meta.embedded.block.sql', 'keyword.other.DML.sql');
    assert.ok(!scopesOf('description: after the sql block', 'description').some((s) => s.includes('sql')));
  });

  it('reads htmlContent as HTML with Jinja2 tags', () => {
    has(scopesOf('<p class', 'p'), 'meta.embedded.block.html', 'entity.name.tag');
    has(scopesOf('<p class', '{{'), 'punctuation.definition.tag.begin.jinja');
    has(scopesOf('<p class', 'upper'), 'support.function.filter.jinja');
    has(scopesOf('{% if premium', 'if'), 'keyword.control.jinja');
  });

  it('never reads ${{ vars.X }} as Jinja2', () => {
    const scopes = scopesOf('{% if premium', 'BRAND');
    has(scopes, 'variable.other.constant.sinas');
    assert.ok(!scopes.some((s) => s.endsWith('.jinja')), scopes.join(' '));
  });

  it('reads prompts as Jinja2 text', () => {
    has(scopesOf('You help', 'user_name'), 'meta.embedded.block.jinja', 'variable.other.jinja');
    has(scopesOf('You help', '{#'), 'comment.block.jinja');
    assert.ok(!scopesOf('description: after the prompt', 'description').some((s) => s.includes('jinja')));
  });
});
