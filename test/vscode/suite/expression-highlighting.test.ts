// The injection grammar as VS Code applies it: our contributed grammar injected into the YAML
// grammar this VS Code ships, tokenized with the TextMate engine it ships (from vscode.env.appRoot),
// on the lines of a fixture. Checks scopes, not colours, so it holds under any theme.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, fixtureUri } from './helpers';

interface Token {
  text: string;
  scopes: string[];
}

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

// vscode-textmate / vscode-oniguruma are loaded from the running VS Code, not from our
// dependencies; these are the few members used.
declare const require: (id: string) => unknown;
interface Onig {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}
interface TextMate {
  INITIAL: unknown;
  parseRawGrammar(content: string, filePath: string): unknown;
  Registry: new (options: {
    onigLib: Promise<{ createOnigScanner(patterns: string[]): unknown; createOnigString(text: string): unknown }>;
    loadGrammar(scope: string): Promise<unknown>;
    getInjections(scope: string): string[] | undefined;
  }) => { loadGrammar(scope: string): Promise<Grammar | null> };
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown };
}

async function yamlTokenizer(): Promise<(lines: string[]) => Token[][]> {
  const root = vscode.env.appRoot;
  const tm = require(path.join(root, 'node_modules/vscode-textmate')) as TextMate;
  const onig = require(path.join(root, 'node_modules/vscode-oniguruma')) as Onig;
  const wasm = fs.readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

  const files = new Map<string, string>();
  const yamlExtension = path.join(root, 'extensions/yaml');
  const yamlGrammars = JSON.parse(fs.readFileSync(path.join(yamlExtension, 'package.json'), 'utf8')).contributes.grammars as GrammarContribution[];
  for (const g of yamlGrammars) files.set(g.scopeName, path.join(yamlExtension, g.path));
  const ours = vscode.extensions.getExtension(extensionId)!;
  const injections = (ours.packageJSON.contributes.grammars as GrammarContribution[]).filter((g) => g.injectTo?.includes('source.yaml'));
  for (const g of injections) files.set(g.scopeName, path.join(ours.extensionPath, g.path));

  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s: string[]) => new onig.OnigScanner(s), createOnigString: (s: string) => new onig.OnigString(s) }),
    loadGrammar: async (scope: string) => {
      const file = files.get(scope);
      return file ? tm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope: string) => (scope === 'source.yaml' ? injections.map((g) => g.scopeName) : undefined),
  });
  const grammar = await registry.loadGrammar('source.yaml');
  assert.ok(grammar, 'VS Code’s YAML grammar did not load');
  return (lines) => {
    let state = tm.INITIAL;
    return lines.map((line) => {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    });
  };
}

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
