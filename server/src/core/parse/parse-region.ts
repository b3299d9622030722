/**
 * Parses one region of text with eemeli `yaml` (PyYAML-faithful options) and converts the result
 * into our tree with absolute offsets. A region is either the whole document or one chunk of it
 * (see chunk-plan.ts); YAML errors come back as findings on the exact characters.
 */
import { parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Node as YamlNode, type Document } from 'yaml';
import type { Finding } from '../diagnostics/finding';
import { excessiveNesting, MAX_FLOW_DEPTH } from './flow-depth';
import { PYYAML_OPTIONS } from './pyyaml-schema';
import type { ScalarStyle, YNode, YPair } from './yaml-tree';

export interface ParsedRegion {
  /** Root node of the region's (first) document; null for an empty region. */
  root: YNode | null;
  findings: Finding[];
  /** Number of YAML documents in the region (a package must have exactly one). */
  documentCount: number;
  /** Offset of the second document's start, when there is one. */
  secondDocumentStart?: number;
}

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

const DEEP = 'The YAML is nested too deeply to be read.';

/** Cleans eemeli's message of its trailing location, which our ranges already carry. */
function tidyMessage(message: string): string {
  if (/Maximum call stack size exceeded/.test(message)) return DEEP;
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

// PyYAML's reader refuses characters outside its printable set before parsing anything.
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/g;
const MAX_CHARACTER_FINDINGS = 20;

function nonPrintableFindings(text: string, base: number): Finding[] {
  const out: Finding[] = [];
  NON_PRINTABLE.lastIndex = 0;
  for (let m = NON_PRINTABLE.exec(text); m && out.length < MAX_CHARACTER_FINDINGS; m = NON_PRINTABLE.exec(text)) {
    const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    out.push({
      code: 'yaml-syntax',
      message: `Control character U+${code} is not allowed in YAML; Sinas (PyYAML) rejects the whole file. Remove it or write it as an escape in a double-quoted string.`,
      span: { start: base + m.index, end: base + m.index + 1 },
    });
  }
  return out;
}

export function parseRegion(text: string, base = 0): ParsedRegion {
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== undefined) {
    const message = `The YAML is nested more than ${MAX_FLOW_DEPTH.toLocaleString('en')} levels deep; Sinas (PyYAML) cannot read it.`;
    return { root: null, findings: [{ code: 'yaml-syntax', message, span: { start: base + tooDeep, end: base + tooDeep + 1 } }], documentCount: 1 };
  }
  const docs = parseAllDocuments(text, PYYAML_OPTIONS);
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  const findings: Finding[] = [];
  const first = list[0];
  for (const doc of list.slice(0, 1)) {
    for (const error of [...doc.errors, ...doc.warnings]) {
      const [start, end] = error.pos;
      findings.push({
        code: 'yaml-syntax',
        message: tidyMessage(error.message),
        span: { start: base + start, end: base + Math.max(end, start + 1) },
        severity: doc.errors.includes(error as never) ? 'error' : 'warning',
        data: { yamlCode: error.code },
      });
    }
  }
  // Where the parser ran out of stack depends on the stack it was called on: say it once, at the
  // region's start, so the same text always gets the same finding (an edit session, a fresh open).
  const overflow = findings.findIndex((f) => f.message === DEEP);
  if (overflow !== -1) {
    const first = findings[overflow];
    findings.splice(0, findings.length, ...findings.filter((f) => f.message !== DEEP), { ...first, span: { start: base, end: base + 1 } });
  }
  findings.push(...nonPrintableFindings(text, base));
  const root = first ? convertDocument(first, text, base) : null;
  return {
    root,
    findings,
    documentCount: list.length,
    secondDocumentStart: list[1] ? base + (list[1].range?.[0] ?? 0) : undefined,
  };
}

function convertDocument(doc: Document.Parsed, text: string, base: number): YNode | null {
  const converted = new Map<YamlNode, YNode>();
  const aliases: { alias: YNode & { kind: 'alias' }; source: YamlNode }[] = [];

  const convert = (node: unknown, fallbackAt: number): YNode => {
    if (isScalar(node)) return scalar(node, fallbackAt);
    if (isAlias(node)) {
      const [s, e] = node.range ?? [fallbackAt, fallbackAt];
      const alias: YNode & { kind: 'alias' } = { kind: 'alias', name: node.source, target: null, start: base + s, end: base + e };
      aliases.push({ alias, source: node as unknown as YamlNode });
      return alias;
    }
    if (isMap(node)) {
      const [s, e] = node.range ?? [fallbackAt, fallbackAt];
      const pairs: YPair[] = [];
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = item.key === null || item.key === undefined ? null : convert(item.key, s);
        const keyEnd = key ? key.end - base : s;
        const value = item.value === null || item.value === undefined ? null : convert(item.value, keyEnd);
        const start = key ? key.start : value ? value.start : base + s;
        const end = value && value.end > start ? value.end : key ? key.end : start;
        pairs.push({ key, value, start, end });
      }
      const out: YNode = { kind: 'map', pairs, flow: !!node.flow, start: base + s, end: base + trimEnd(text, s, e) };
      return withMeta(out, node);
    }
    if (isSeq(node)) {
      const [s, e] = node.range ?? [fallbackAt, fallbackAt];
      const items = node.items.map((item) => convert(item, s));
      const out: YNode = { kind: 'seq', items, flow: !!node.flow, start: base + s, end: base + trimEnd(text, s, e) };
      return withMeta(out, node);
    }
    // A null item without a node of its own (e.g. `- ` with nothing after it).
    return { kind: 'scalar', value: null, style: 'plain', start: base + fallbackAt, end: base + fallbackAt };
  };

  const scalar = (node: Scalar, fallbackAt: number): YNode => {
    const [s, e] = node.range ?? [fallbackAt, fallbackAt];
    const style = STYLES[node.type ?? 'PLAIN'] ?? 'plain';
    // Block scalars' ranges run to the end of their last line break; keep the content only.
    const end = style === 'literal' || style === 'folded' ? trimEnd(text, s, e) : e;
    // The merge key `<<` comes back as a symbol; keep plain data in our tree.
    const value = typeof node.value === 'symbol' ? (node.value.description ?? String(node.value)) : node.value;
    const out: YNode = { kind: 'scalar', value, style, start: base + s, end: base + end };
    return withMeta(out, node as unknown as YamlNode);
  };

  const withMeta = (out: YNode, node: YamlNode): YNode => {
    if (node.anchor) out.anchor = node.anchor;
    if (node.tag) out.tag = node.tag;
    converted.set(node, out);
    return out;
  };

  if (doc.contents === null || doc.contents === undefined) return null;
  const root = convert(doc.contents, doc.range?.[0] ?? 0);
  for (const { alias, source } of aliases) {
    const target = (source as unknown as { resolve(doc: Document): YamlNode | undefined }).resolve(doc);
    alias.target = target ? converted.get(target) ?? null : null;
  }
  return root;
}

/** End offset with trailing whitespace and comments of a block collection left out. */
function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (c === 32 || c === 10 || c === 13 || c === 9) e--;
    else break;
  }
  return e;
}
