// Tokenizing as VS Code does: its TextMate engine (vscode-textmate + vscode-oniguruma from
// vscode.env.appRoot), the grammars of its built-in extensions, and our injection grammars.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId } from './helpers';

/** Built-in extensions whose grammars YAML and our injections need. */
const BUILT_IN = ['yaml', 'python', 'sql', 'html', 'css', 'javascript'];

export interface Token {
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

/**
 * A tokenizer for YAML as this VS Code colours it: its own YAML grammar, our injections, and the
 * grammars they embed (Python, SQL, HTML from the extensions VS Code ships).
 */
export async function yamlTokenizer(): Promise<(lines: string[]) => Token[][]> {
  const root = vscode.env.appRoot;
  const tm = require(path.join(root, 'node_modules/vscode-textmate')) as TextMate;
  const onig = require(path.join(root, 'node_modules/vscode-oniguruma')) as Onig;
  const wasm = fs.readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

  const files = new Map<string, string>();
  for (const name of BUILT_IN) {
    const extension = path.join(root, 'extensions', name);
    const grammars = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8')).contributes.grammars as GrammarContribution[];
    for (const g of grammars) files.set(g.scopeName, path.join(extension, g.path));
  }
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

