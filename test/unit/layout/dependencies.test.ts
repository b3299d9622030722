/**
 * The folders' dependency direction, as the README's "How it is built" describes it:
 *   server/src/core  ← server/src/{features,lsp}, client/, cli/, test/sandbox
 *   api/             ← client/, cli/   (the Sinas REST client; no vscode, no language server)
 *   server/src/protocol ← everything    (wire contracts shared by client, server and API client; imports nothing)
 *   cli/             ← nothing but its own entry point
 * Checked on the import specifiers of every source file.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const IMPORT = /(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

/** Every import of `file`: relative ones as repo-relative paths, packages as their names. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map(([, spec]) => (spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec));
}

function offending(dir: string, forbidden: (spec: string) => boolean): string[] {
  const files = sources(dir);
  assert.ok(files.length >= 5, `${dir} has sources`);
  return files.flatMap((file) => importsOf(file).filter(forbidden).map((spec) => `${file} imports ${spec}`));
}

const isVscode = (spec: string) => /^vscode(-[\w-]+)?$/.test(spec);

describe('layout: dependency direction', () => {
  it('nothing under server/ imports from client/, cli/ or api/', () => {
    assert.deepEqual(offending('server/src', (s) => /^(client|cli|api)\//.test(s)), []);
  });

  it('the language core and features import no vscode or LSP server module', () => {
    const lspOnly = (s: string) => isVscode(s) && s !== 'vscode-languageserver-types' && s !== 'vscode-languageserver-textdocument';
    assert.deepEqual(offending('server/src/core', (s) => isVscode(s) || /^server\/src\/(lsp|features)\//.test(s)), []);
    assert.deepEqual(offending('server/src/features', (s) => lspOnly(s) || s.startsWith('server/src/lsp/')), []);
  });

  it('the API client imports no vscode, client, cli or server module but the shared protocol (the extension and the CLI share it)', () => {
    assert.deepEqual(offending('api/src', (s) => isVscode(s) || (/^(client|cli|server)\//.test(s) && !s.startsWith('server/src/protocol/'))), []);
  });

  it('the protocol module imports nothing (client, server and API client share it)', () => {
    const files = readdirSync(join(ROOT, 'server/src/protocol')).map((f) => join('server/src/protocol', f));
    assert.deepEqual(files.flatMap((file) => importsOf(file).map((spec) => `${file} imports ${spec}`)), []);
  });

  it('the CLI imports no vscode and nothing from the extension (client/)', () => {
    assert.deepEqual(offending('cli/src', (s) => isVscode(s) || s.startsWith('client/')), []);
  });

  it('nothing but the CLI itself imports from cli/', () => {
    for (const dir of ['server/src', 'client/src', 'api/src']) assert.deepEqual(offending(dir, (s) => s.startsWith('cli/')), []);
  });
});
