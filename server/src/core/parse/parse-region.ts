/**
 * Parses one region of text with eemeli `yaml` and converts the result into our tree, reading it as
 * Sinas does (PyYAML's `safe_load`): `yaml` only tokenises (every scalar a string), scalars are
 * resolved and constructed by pyyaml-scalars.ts, and what PyYAML refuses but `yaml` tolerates is
 * reported (pyyaml-compose.ts, pyyaml-tabs.ts). A region is either the whole document or one chunk
 * of it (see chunk-plan.ts); problems come back as findings on the exact characters. Offsets are
 * kept relative to the region's origin (nodes.ts), so a region that moves needs no rewriting.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, visit, Scalar, type Node as YamlNode, type Document, type YAMLError } from 'yaml';
import { append } from '../append';
import type { Finding } from '../diagnostics/finding';
import { excessiveNesting, MAX_FLOW_DEPTH } from './flow-depth';
import { joinLines, raiseBlockHeaders } from './join-lines';
import { parseYamlDocuments } from './long-quoted';
import { AliasNode, anchored, LiveSpan, MapNode, PairNode, ScalarNode, SeqNode, type Origin } from './nodes';
import { Composer } from './pyyaml-compose';
import { directiveFindings } from './pyyaml-directives';
import { PYYAML_OPTIONS } from './pyyaml-schema';
import { tabFindings, type ScalarExtent } from './pyyaml-tabs';
import { blankSpans, columnZeroFinding, columnZeroWords } from './stray-words';
import type { Span } from '../text/span';
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

/**
 * `yaml` reports that PyYAML accepts: its own tag resolution (ours replaces it), a comment right
 * after a closing quote or bracket (`"a"#c`, which PyYAML reads as a comment; after a block scalar
 * indicator PyYAML refuses it too), and the YAML version (pyyaml-directives.ts words it).
 */
function pyyamlAccepts(error: YAMLError, text: string): boolean {
  return (
    (error.code === 'TAG_RESOLVE_FAILED' && error.message.startsWith('Unresolved tag')) ||
    (error.code === 'MISSING_CHAR' && error.message.startsWith('Comments must be separated') && /["'\]}]/.test(text[error.pos[0] - 1] ?? '')) ||
    (error.code === 'BAD_DIRECTIVE' && error.message.startsWith('Unsupported YAML version'))
  );
}

/**
 * A flow collection or quoted scalar cut off by YAML 1.2's indentation rule, which PyYAML does not
 * have: `yaml` then reports the node as unterminated.
 */
export function isCutOff(code: unknown, message: string): boolean {
  return (code === 'BAD_INDENT' && /^Flow (?:sequence|map) in block collection/.test(message)) || (code === 'MISSING_CHAR' && /^Missing closing .?quote/.test(message));
}

const cutOff = (error: YAMLError) => isCutOff(error.code, error.message);

// PyYAML's reader refuses characters outside its printable set before parsing anything.
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/g;
const MAX_CHARACTER_FINDINGS = 20;

function nonPrintableFindings(text: string, origin: Origin): Finding[] {
  const out: Finding[] = [];
  NON_PRINTABLE.lastIndex = 0;
  for (let m = NON_PRINTABLE.exec(text); m && out.length < MAX_CHARACTER_FINDINGS; m = NON_PRINTABLE.exec(text)) {
    const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    out.push({
      code: 'yaml-syntax',
      message: `Control character U+${code} is not allowed in YAML; Sinas (PyYAML) rejects the whole file. Remove it or write it as an escape in a double-quoted string.`,
      span: new LiveSpan(origin, m.index, m.index + 1),
    });
  }
  return out;
}

/** Cut-off nodes are joined and the text parsed again, at most this often (a pass may reach nodes the last hid). */
const MAX_JOIN_PASSES = 2;

/** Parses, and again with block headers raised to their key's line or cut-off nodes joined onto one line when only their indentation was wrong. */
function parseDocuments(text: string): Document.Parsed[] {
  const parse = (source: string) => {
    // Every syntax error `yaml` finds is an Error, and capturing its stack trace is most of what
    // a broken text costs (a line of a hundred thousand errors: 1.5 s); nothing reads those stacks.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return parseYamlDocuments(source, PYYAML_OPTIONS);
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
  let original = parse(text);
  let current = text;
  if (original[0]?.errors.some((e) => e.code === 'MULTILINE_IMPLICIT_KEY')) {
    const raised = raiseBlockHeaders(text);
    const again = raised === text ? [] : parse(raised);
    if (again[0] && again[0].errors.length < original[0].errors.length) {
      original = again;
      current = raised;
    }
  }
  let list = original;
  for (let pass = 0; pass < MAX_JOIN_PASSES && list[0]?.errors.some(cutOff); pass++) {
    const starts: number[] = [];
    visit(list[0], {
      Collection(_, node) {
        if (node.flow && node.range) starts.push(node.range[0]);
      },
      Scalar(_, node) {
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) starts.push(node.range[0]);
      },
    });
    const joined = joinLines(current, starts);
    if (joined === current) return original;
    current = joined;
    list = parse(current);
  }
  return list[0]?.errors.some(cutOff) ? original : list;
}

/**
 * `origin`: where the region starts in the document (a chunk moves it; the nodes follow). `text`
 * has PyYAML's line breaks as `\n` or `\r\n` (line-breaks.ts, `yamlBreaks`): `yaml` and the
 * readers here (stray-words.ts, flow-depth.ts, pyyaml-tabs.ts) break lines at `\n` only.
 */
export function parseRegion(text: string, origin: Origin = { base: 0 }): ParsedRegion {
  try {
    return parseRegionUnguarded(text, origin);
  } catch (error) {
    // Nesting under MAX_FLOW_DEPTH can still run out of stack when the parse is called on a deep
    // one (and the depth guard is a reading of the text, not the parser): say what PyYAML would.
    // (No regular expression here: the fuzz replay that found this was aborted by V8 in its regular
    // expression compiler soon after such overflows; a plain string search needs no compiling.)
    if (!(error instanceof RangeError) || !error.message.includes('call stack')) throw error;
    return { root: null, findings: [{ code: 'yaml-syntax', message: DEEP, span: new LiveSpan(origin, 0, 1) }], documentCount: 1 };
  }
}

function parseRegionUnguarded(text: string, origin: Origin): ParsedRegion {
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== undefined) {
    const message = `The YAML is nested more than ${MAX_FLOW_DEPTH.toLocaleString('en')} levels deep; Sinas (PyYAML) cannot read it.`;
    return { root: null, findings: [{ code: 'yaml-syntax', message, span: new LiveSpan(origin, tooDeep, tooDeep + 1) }], documentCount: 1 };
  }
  // Words alone at column 0 are read as blank lines (stray-words.ts), unless that changes a node.
  let words = columnZeroWords(text);
  const original = text;
  let list: Document.Parsed[];
  if (words.length) {
    text = blankSpans(original, words);
    list = parseDocuments(text);
    if (!standAlone(list, text, words)) {
      words = [];
      text = original;
      list = parseDocuments(text);
    }
  } else list = parseDocuments(text);
  const findings: Finding[] = [];
  const first = list[0];
  for (const doc of list.slice(0, 1)) {
    const errors = new Set<unknown>(doc.errors);
    for (const error of [...doc.errors, ...doc.warnings]) {
      if (pyyamlAccepts(error, text)) continue;
      const [start, end] = error.pos;
      findings.push({
        code: 'yaml-syntax',
        message: tidyMessage(error.message),
        span: new LiveSpan(origin, start, Math.max(end, start + 1)),
        severity: errors.has(error) ? 'error' : 'warning',
        data: { yamlCode: error.code },
      });
    }
  }
  // Where the parser ran out of stack depends on the stack it was called on: say it once, at the
  // region's start, so the same text always gets the same finding (an edit session, a fresh open).
  const overflow = findings.findIndex((f) => f.message === DEEP);
  if (overflow !== -1) {
    const first = findings[overflow];
    findings.splice(0, findings.length, ...findings.filter((f) => f.message !== DEEP), { ...first, span: new LiveSpan(origin, 0, 1) });
  }
  // PyYAML's finer points are checked at the region's current offsets, then anchored to its origin.
  const base = origin.base;
  append(append(findings, nonPrintableFindings(text, origin)), directiveFindings(text, base));
  const extents: ScalarExtent[] | undefined = text.includes('\t') ? [] : undefined;
  const composer = new Composer(text, base);
  // After a stack overflow the tree `yaml` kept can be as deep as the stack was: walking it would
  // overflow later, wherever the stack is shallower. PyYAML cannot read such a text anyway.
  const root = first && overflow === -1 ? convertDocument(first, text, origin, composer, extents) : null;
  const syntaxErrors = findings.filter((f) => f.severity === 'error');
  // Where `yaml` already found the text broken, PyYAML's finer points would only add noise.
  if (syntaxErrors.length === 0) append(findings, composer.findings);
  if (extents) {
    extents.sort((a, b) => a.start - b.start);
    append(findings, tabFindings(text, base, extents, (at) => syntaxErrors.some((f) => f.span.start <= at && at < Math.max(f.span.end, f.span.start + 1))));
  }
  for (const word of words) findings.push(columnZeroFinding(original.slice(word.start, word.end), new LiveSpan(origin, word.start, word.end)));
  for (const finding of findings) finding.span = anchored(finding.span, origin);
  return {
    root,
    findings,
    documentCount: list.length,
    secondDocumentStart: list[1] ? origin.base + (list[1].range?.[0] ?? 0) : undefined,
  };
}

/**
 * Whether the blanked words were lines of their own: one document whose root is a block
 * collection, and no quoted scalar or flow collection running across any of them. PyYAML reads
 * those across lines whatever the indentation, so a word there is content; a plain or block
 * scalar of a block collection ends at a line in column 0, so a word there is not.
 */
function standAlone(list: Document.Parsed[], text: string, words: readonly Span[]): boolean {
  const contents = list[0]?.contents;
  if (list.length !== 1 || !(isMap(contents) || isSeq(contents)) || contents.flow) return false;
  const holdsWord = (start: number, end: number) => words.some((w) => start <= w.start && w.start < end);
  let alone = true;
  visit(list[0], {
    Scalar(_, node) {
      if (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') return undefined;
      const [s, e] = node.range ?? [0, 0];
      if (holdsWord(s, e)) {
        alone = false;
        return visit.BREAK;
      }
      return undefined;
    },
    Collection(_, node) {
      const [s, e] = node.range ?? [0, 0];
      if (!holdsWord(s, trimEnd(text, s, e))) return visit.SKIP;
      if (node.flow) {
        alone = false;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return alone;
}

function convertDocument(doc: Document.Parsed, text: string, origin: Origin, composer: Composer, extents: ScalarExtent[] | undefined): YNode | null {
  const converted = new Map<YamlNode, YNode>();
  const aliases: { alias: AliasNode; source: YamlNode }[] = [];

  const convert = (node: unknown, fallbackAt: number, isKey: boolean): YNode => {
    if (isScalar(node)) return scalar(node, fallbackAt, isKey);
    if (isAlias(node)) {
      const [s, e] = node.range ?? [fallbackAt, fallbackAt];
      const alias = new AliasNode(origin, s, e, node.source);
      composer.alias(alias);
      aliases.push({ alias, source: node as unknown as YamlNode });
      return alias;
    }
    if (isMap(node)) {
      const [s, e] = node.range ?? [fallbackAt, fallbackAt];
      const pairs: YPair[] = [];
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = item.key === null || item.key === undefined ? null : convert(item.key, s, true);
        // Offsets relative to the origin, like yaml's ranges.
        const keyEnd = key ? key.end - origin.base : s;
        const value = item.value === null || item.value === undefined ? null : convert(item.value, keyEnd, false);
        const start = key ? key.start - origin.base : value ? value.start - origin.base : s;
        const valueEnd = value ? value.end - origin.base : -1;
        const pair = new PairNode(origin, start, valueEnd > start ? valueEnd : key ? keyEnd : start, key, value);
        composer.pair(pair, !!node.flow);
        pairs.push(pair);
      }
      const out = new MapNode(origin, s, trimEnd(text, s, e), pairs, !!node.flow);
      return withMeta(out, node);
    }
    if (isSeq(node)) {
      const [s, e] = node.range ?? [fallbackAt, fallbackAt];
      const items = node.items.map((item) => convert(item, s, false));
      const out = new SeqNode(origin, s, trimEnd(text, s, e), items, !!node.flow);
      return withMeta(out, node);
    }
    // A null item without a node of its own (e.g. `- ` with nothing after it).
    return new ScalarNode(origin, fallbackAt, fallbackAt, null, 'plain');
  };

  const scalar = (node: Scalar, fallbackAt: number, isKey: boolean): YNode => {
    const [s, e, raw] = node.range ?? [fallbackAt, fallbackAt, fallbackAt];
    const style = STYLES[node.type ?? 'PLAIN'] ?? 'plain';
    const block = style === 'literal' || style === 'folded';
    extents?.push({ start: s, end: block ? raw : e, kind: style === 'plain' ? 'plain' : block ? 'block' : 'quoted' });
    // Block scalars' ranges run to the end of their last line break; keep the content only.
    const end = block ? trimEnd(text, s, e) : e;
    const out = new ScalarNode(origin, s, end, flat(node.value), style);
    withMeta(out, node as unknown as YamlNode);
    composer.scalar(out, String(node.value), isKey);
    return out;
  };

  const withMeta = (out: YNode, node: YamlNode): YNode => {
    if (node.anchor) out.anchor = node.anchor;
    if (node.tag) out.tag = node.tag;
    if (out.kind !== 'scalar') composer.collection(out);
    if (node.anchor) composer.anchor(out);
    // Aliases resolve to anchored nodes only: no need to remember the others.
    if (node.anchor) converted.set(node, out);
    return out;
  };

  if (doc.contents === null || doc.contents === undefined) return null;
  const root = convert(doc.contents, doc.range?.[0] ?? 0, false);
  for (const { alias, source } of aliases) {
    const target = (source as unknown as { resolve(doc: Document): YamlNode | undefined }).resolve(doc);
    alias.target = target ? converted.get(target) ?? null : null;
  }
  composer.finish();
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

/**
 * The `yaml` library builds a quoted scalar's value piece by piece; in V8 that is a chain of one
 * string object per piece (1.5 million for a 1.4 MB line of escapes and `${{ }}`), which every
 * garbage collection walks while the tree is kept. Converting it to a number makes V8 store it as
 * one flat string (the number itself is discarded).
 */
function flat<T>(value: T): T {
  if (typeof value === 'string' && value.length > 1024) void Number(value);
  return value;
}
