/**
 * The differential tier: our verdict on each document of cases.ts against the backend's verdict
 * written there. Where the backend accepts, we must report no error (warnings are fine); where it
 * rejects, at least one of our errors must sit on the node it blames (inside that key/value pair,
 * on that key, or on that YAML line).
 */
import assert from 'node:assert/strict';
import { analyze, type ResolvedFinding } from '../../server/src/core/analyze';
import { keyName, resolve, type YNode } from '../../server/src/core/parse/yaml-tree';
import type { Span } from '../../server/src/core/text/span';
import { CASES, type Where } from './cases';

/** The span a backend path names: the pair holding the value, or the key itself for `key:<name>`. */
function spanAt(text: string, root: YNode | null, path: string): Span | undefined {
  if (path === '') return { start: 0, end: text.length };
  let node: YNode | null | undefined = root;
  let span: Span | undefined;
  for (const segment of path.split('.')) {
    node = resolve(node);
    if (/^\d+$/.test(segment)) {
      if (node?.kind !== 'seq') return undefined;
      node = node.items[Number(segment)];
      span = node ?? undefined;
      continue;
    }
    if (node?.kind !== 'map') return undefined;
    if (segment.startsWith('key:')) {
      const written = segment.slice(4);
      return node.pairs.find((p) => p.key && text.slice(p.key.start, p.key.end) === written)?.key ?? undefined;
    }
    const pair = [...node.pairs].reverse().find((p) => keyName(p) === segment);
    if (!pair) return undefined;
    span = pair;
    node = pair.value;
  }
  return span;
}

/** 1-based line of an offset as PyYAML counts lines. */
function yamlLine(text: string, offset: number): number {
  return (text.slice(0, offset).match(/\r\n|[\r\n\u0085\u2028\u2029]/g) ?? []).length + 1;
}

function onNode(text: string, root: YNode | null, error: ResolvedFinding, where: Where): boolean {
  if ('line' in where) return yamlLine(text, error.span.start) <= where.line && where.line <= yamlLine(text, error.span.end);
  const span = spanAt(text, root, where.path);
  assert.ok(span, `the case names ${where.path}, which is not in the document`);
  return span.start <= error.span.start && error.span.end <= span.end;
}

function describeErrors(text: string, errors: readonly ResolvedFinding[]): string {
  return errors.map((f) => `${yamlLine(text, f.span.start)}: ${f.code} ${f.message}`).join('\n') || 'none';
}

describe('differential: our verdict against the backend (test/differential/cases.ts)', () => {
  let agreed = 0;
  after(() => console.log(`      ${agreed}/${CASES.length} documents: same verdict as the backend`));

  for (const c of CASES) {
    const expected = c.backend === 'accepts' ? 'accepted' : `rejected at ${'line' in c.backend.rejects ? `line ${c.backend.rejects.line}` : c.backend.rejects.path || 'the document'}`;
    it(`${c.name}: ${expected} (${c.source})`, () => {
      const analysis = analyze(c.text);
      const errors = analysis.findings.filter((f) => f.severity === 'error');
      if (c.backend === 'accepts') {
        assert.equal(describeErrors(c.text, errors), 'none', 'the backend accepts this document');
      } else {
        const where = c.backend.rejects;
        assert.ok(
          errors.some((e) => onNode(c.text, analysis.root, e, where)),
          `the backend rejects it at ${JSON.stringify(where)}; our errors: ${describeErrors(c.text, errors)}`,
        );
      }
      agreed++;
    });
  }
});
