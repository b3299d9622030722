/**
 * Completion in a YAML document that is not a SinasPackage yet: what makes it one. In an empty
 * document, the package skeleton (the schema's root snippet); at the top level, the header keys
 * (`apiVersion`, `kind`, `package`, `spec`) and `package`'s own keys; after `apiVersion:` and
 * `kind:`, their one value. Offered in a `*.sinas.yaml` file, and in other YAML only while it is
 * empty (just the skeleton) or holds nothing but package keys at its top level, so completion in
 * unrelated YAML (a Kubernetes manifest, a CI file) is left alone.
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../../core/analyze';
import { deref, schemaAt } from '../../core/schema/schema-lookup';
import { isSpace, trailingCommentStart } from '../../core/text/chars';
import { toRange } from '../ranges';
import { layoutOf } from '../yaml-layout';
import { TextLines } from '../yaml-lines';
import { cursorPositions, type CursorPosition } from './cursor-context';
import { keyCompletions } from './key-completion';
import { valueCompletions } from './value-completion';
import { renderBody } from './yaml-snippet';

const PACKAGE_KEYS = ['apiVersion', 'kind', 'package', 'metadata', 'spec'];
/** Values of these keys that another kind of document has (`apiVersion: apps/v1`, `kind: Pod`). */
const HEADER_VALUES: Record<string, string> = { apiVersion: 'sinas.co/v1', kind: 'SinasPackage' };

/** How far the document is from being a package: empty, only package keys at the top, or other YAML. */
function rootKind(lines: TextLines): 'empty' | 'package-keys' | 'other' {
  let empty = true;
  for (let line = 0; line < lines.count; line++) {
    const indent = lines.indentOf(line);
    if (indent < 0) continue;
    empty = false;
    if (indent > 0) continue;
    const shape = lines.shape(line);
    // A bare word at the top is a key being typed; anything else (`- x`, `---`, a key we do not know) is other YAML.
    const word = /^[A-Za-z]*$/.exec(lines.textOf(line).trimEnd())?.[0];
    const key = shape.key?.name ?? word;
    if (key === undefined || !PACKAGE_KEYS.some((k) => k.startsWith(key))) return 'other';
    const expected = HEADER_VALUES[key];
    if (expected && shape.value !== undefined) {
      const value = withoutComment(lines.textOf(line).slice(shape.value)).trim().replace(/^["']|["']$/g, '');
      if (!expected.startsWith(value) && !value.startsWith(expected)) return 'other';
    }
  }
  return empty ? 'empty' : 'package-keys';
}

/**
 * `value` up to a comment (a `#` after whitespace), its blanks before it kept: the regular
 * expression `\s+#.*$` removed, read in one pass (it backtracks quadratically over a long run of
 * blanks: a header line of 100,000 spaces took 4 s per completion).
 */
export function withoutComment(value: string): string {
  const comment = trailingCommentStart(value, 1, (c) => isSpace(String.fromCharCode(c)));
  return comment === -1 ? value : value.slice(0, comment);
}

/** `byFileName`: the document is a `*.sinas.yaml` / `*.sinas.yml` file. */
export function headerCompletions(analysis: Analysis, line: number, column: number, byFileName: boolean): CompletionItem[] {
  const lines = new TextLines(analysis.text, analysis.lines);
  const kind = rootKind(lines);
  if (kind === 'other' && !byFileName) return [];
  const layout = layoutOf(analysis);
  const items: CompletionItem[] = [];
  for (const at of cursorPositions(lines, line, column)) {
    if (!inHeader(at)) continue;
    if (at.kind === 'value') {
      items.push(...valueCompletions(analysis, at));
      continue;
    }
    if (at.path.length === 0 && kind === 'empty') items.push(...skeletonCompletions(analysis, at.range, layout));
    // In YAML that is not named as a package, an empty document only gets the skeleton.
    if (kind !== 'empty' || byFileName) items.push(...keyCompletions(analysis, at, layout));
  }
  return items;
}

/** The top level and `package:`; `spec` completes once the document is a package. */
function inHeader(at: CursorPosition): boolean {
  if (at.kind === 'key') return at.path.length === 0 || (at.path.length === 1 && at.path[0] === 'package');
  return at.path.length === 1 ? at.path[0] === 'apiVersion' || at.path[0] === 'kind' : at.path.length === 2 && at.path[0] === 'package';
}

function skeletonCompletions(analysis: Analysis, range: { start: number; end: number }, layout: ReturnType<typeof layoutOf>): CompletionItem[] {
  const snippets = deref(schemaAt([])!).defaultSnippets ?? [];
  return snippets.map((snippet) => {
    const body = snippet.bodyText ?? renderBody(snippet.body, 0, layout);
    return {
      label: snippet.label ?? 'SinasPackage',
      kind: CompletionItemKind.Snippet,
      detail: snippet.description,
      documentation: { kind: MarkupKind.Markdown, value: 'A SinasPackage: the header, the package’s name and version, and an empty `spec`.' },
      sortText: '0',
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range: toRange(analysis.lines, range), newText: body },
    };
  });
}
