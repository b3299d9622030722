/**
 * Test-local YAML → YNode converter, standing in until the lead's parser (parse-*.ts) lands on
 * main. It follows yaml-tree.ts: absolute offsets, PyYAML-resolved values, aliases pointing at
 * their anchored node.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { PYYAML_OPTIONS } from '../../../../server/src/core/parse/pyyaml-schema';
import type { ScalarStyle, YNode, YPair } from '../../../../server/src/core/parse/yaml-tree';

const STYLE: Record<string, ScalarStyle> = {
  [Scalar.PLAIN]: 'plain',
  [Scalar.QUOTE_SINGLE]: 'single',
  [Scalar.QUOTE_DOUBLE]: 'double',
  [Scalar.BLOCK_LITERAL]: 'literal',
  [Scalar.BLOCK_FOLDED]: 'folded',
};

export interface ParsedYaml {
  root: YNode | null;
  errors: string[];
}

export function parseYaml(text: string): ParsedYaml {
  const doc = parseDocument(text, PYYAML_OPTIONS);
  const converted = new Map<Node, YNode>();
  const aliases: { alias: YNode & { kind: 'alias' }; source: Node }[] = [];

  const convert = (node: unknown): YNode | null => {
    if (!node) return null;
    const range = (node as Node).range ?? [0, 0, 0];
    const base = { start: range[0], end: range[1] };
    const anchor = (node as { anchor?: string }).anchor;
    let out: YNode;
    if (isScalar(node)) {
      // The 1.1 merge key comes back as a symbol; our tree (and toValue) spell it '<<'.
      const value = typeof node.value === 'symbol' ? (node.value.description ?? '<<') : node.value;
      out = { kind: 'scalar', ...base, value, style: STYLE[node.type ?? Scalar.PLAIN] ?? 'plain' };
    } else if (isMap(node)) {
      const pairs: YPair[] = node.items.map((pair) => {
        const key = convert(pair.key);
        const value = convert(pair.value);
        const start = key?.start ?? value?.start ?? base.start;
        return { key, value, start, end: value?.end ?? key?.end ?? start };
      });
      out = { kind: 'map', ...base, pairs, flow: Boolean(node.flow) };
    } else if (isSeq(node)) {
      out = { kind: 'seq', ...base, items: node.items.map((item) => convert(item)).filter((n): n is YNode => n !== null), flow: Boolean(node.flow) };
    } else if (isAlias(node)) {
      const alias: YNode & { kind: 'alias' } = { kind: 'alias', ...base, name: node.source, target: null };
      const target = node.resolve(doc as Document);
      if (target) aliases.push({ alias, source: target });
      out = alias;
    } else if (isPair(node)) {
      return null;
    } else {
      return null;
    }
    if (anchor) out.anchor = anchor;
    converted.set(node as Node, out);
    return out;
  };

  const root = convert(doc.contents);
  for (const { alias, source } of aliases) alias.target = converted.get(source) ?? null;
  return { root, errors: doc.errors.map((e) => e.message) };
}
