/**
 * analyze(text) -> Analysis: the one entry point of the language core. Parses (incrementally when
 * given the document's parser), builds the model and the variable table once, runs the rules and
 * returns sorted findings. Never throws on user input; a crashing rule becomes a finding.
 */
import { CODES } from './diagnostics/codes';
import { looksLikeSinasPackage } from './detect';
import { embeddedGeneration } from './embedded/parsers';
import type { ConnectionTypeLookup } from './embedded/sql/dialect';
import type { Finding, Severity } from './diagnostics/finding';
import { applyPrecedence } from './diagnostics/precedence';
import { buildModel, type PackageModel, type Resource } from './model/package-model';
import type { DocumentParser } from './parse/parse-document';
import { readStructure, type PackageStructure } from './structure';
import { toValue } from './parse/to-value';
import type { InstanceIndex } from './instance/instance-index';
import { buildReferenceIndex, type ReferenceIndex } from './references';
import { DOCUMENT_RULES, ITEM_RULES } from './rules';
import { checkWithInstance } from './rules/instance';
import type { DocumentContext, ItemContext } from './rules/rule';
import { notAPackageFindings } from './rules/not-a-package';
import { unquotedCronFindings } from './rules/unquoted-cron';
import { LineIndex } from './text/line-index';
import { buildVariableTable } from './variables/variable-table';

export interface AnalyzeOptions {
  /** The document's own parser, kept across versions so unchanged chunks are reused. */
  parser?: DocumentParser;
  /** Larger texts are not analysed (default 5 MB). */
  maxLength?: number;
  /** At most this many findings are returned (default 1000). */
  maxFindings?: number;
  /** Database connection types from the instance, when known (the SQL dialect of queries). */
  connectionTypes?: ConnectionTypeLookup;
  /** What exists on the active instance; without it, nothing is assumed about the instance. */
  instance?: InstanceIndex;
}

export interface ResolvedFinding extends Finding {
  severity: Severity;
}

export interface Analysis extends PackageStructure {
  /** Definitions and cross-references between resources (go to definition, find references, rules). */
  references: ReferenceIndex;
  /** The instance snapshot the findings were computed with (completion, hover and definition use it too). */
  instance?: InstanceIndex;
  findings: ResolvedFinding[];
  stats: { chunked: boolean; parsedChunks: number; chunkCount: number; truncatedFindings: number };
}

const DEFAULT_MAX_LENGTH = 5 * 1024 * 1024;
const DEFAULT_MAX_FINDINGS = 1000;
export { looksLikeSinasPackage };

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  try {
    return analyzeUnguarded(text, options);
  } catch (error) {
    // Last line of defence: stages already isolate their failures, this keeps the server alive.
    const lines = new LineIndex(text);
    return { ...emptyAnalysis(text, lines, true), instance: options.instance, findings: resolve([internalError('analysis', error, lines)]) };
  }
}

function resolve(findings: Finding[]): ResolvedFinding[] {
  return findings.map((f) => ({ ...f, severity: f.severity ?? CODES[f.code].severity }));
}

function emptyAnalysis(text: string, lines: LineIndex, isSinasPackage: boolean): Analysis {
  const model = buildModel(null, new Map());
  return {
    text,
    lines,
    isSinasPackage,
    root: null,
    model,
    variables: buildVariableTable(text, null, undefined),
    references: buildReferenceIndex(model),
    findings: [],
    stats: { chunked: false, parsedChunks: 0, chunkCount: 0, truncatedFindings: 0 },
  };
}

function analyzeUnguarded(text: string, options: AnalyzeOptions): Analysis {
  // Until the parser has its line table, positions come from a plain scan (rare paths only).
  let lines: LineIndex | undefined;
  const plainLines = () => (lines ??= new LineIndex(text));
  const empty = (isSinasPackage: boolean, findings: Finding[] = []): Analysis => ({ ...emptyAnalysis(text, plainLines(), isSinasPackage), instance: options.instance, findings: resolve(findings) });
  if (!looksLikeSinasPackage(text)) return empty(false);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    return empty(true, [
      {
        code: 'file-too-large',
        message: `This file has ${text.length} characters, more than the ${maxLength} analysed; it is not checked.`,
        span: { start: 0, end: plainLines().lineEnd(0) },
      },
    ]);
  }

  const findings: Finding[] = [];
  let structure;
  try {
    structure = readStructure(text, options.parser);
  } catch (error) {
    return empty(true, [internalError('parser', error, plainLines())]);
  }
  const { parsed, model, variables } = structure;
  lines = structure.lines;
  // The text has a package header (looksLikeSinasPackage), but when a syntax error keeps the
  // parser from reading it (a region refused whole, e.g. nested too deep), the header is unknown:
  // the document is still ours, and its syntax errors are what the author must see.
  const headerUnread = model.kind === undefined && model.apiVersion === undefined && parsed.findings.some((f) => f.code === 'yaml-syntax');
  const isSinasPackage = structure.isSinasPackage || headerUnread;
  findings.push(...parsed.findings, ...unquotedCronFindings(text, parsed.findings));
  const references = buildReferenceIndex(model);
  const analysis: Analysis = {
    text,
    lines,
    isSinasPackage,
    root: parsed.root,
    model,
    variables,
    references,
    instance: options.instance,
    findings: [],
    stats: { chunked: parsed.chunked, parsedChunks: parsed.parsedChunks, chunkCount: parsed.chunkCount, truncatedFindings: 0 },
  };
  if (!isSinasPackage) {
    analysis.findings = resolve(notAPackageFindings(model));
    return analysis;
  }

  const max = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  if (headerUnread) {
    // Nothing else can be judged before the syntax error is fixed (no cascade of missing fields).
    analysis.findings = finish(findings, max, analysis);
    return analysis;
  }
  let reported = 0;
  const report = (f: Finding) => {
    reported++;
    findings.push(f);
  };
  const ctx: DocumentContext = { text, root: parsed.root, model, variables, references, report, enough: () => reported >= max };
  for (const rule of DOCUMENT_RULES) {
    reported = 0;
    try {
      rule.check(ctx);
    } catch (error) {
      findings.push(internalError(rule.id, error, lines));
    }
  }
  findings.push(...itemFindings(text, model, parsed.chunked, lines, options.connectionTypes ?? options.instance?.connectionTypes));
  const checked = options.instance ? checkWithInstance(ctx, options.instance, findings, (id, error) => internalError(id, error, structure.lines)) : findings;

  analysis.findings = finish(checked, max, analysis);
  return analysis;
}

/** Item rules, memoised on each item's chunk so unchanged items are not checked again. */
function itemFindings(text: string, model: PackageModel, chunked: boolean, lines: LineIndex, connectionTypes?: ConnectionTypeLookup): Finding[] {
  const out: Finding[] = [];
  // Without chunks (anchors in the file), item values come from one whole-document conversion,
  // which is also where an alias bomb is caught.
  let rootValue: unknown;
  if (!chunked && model.root) {
    const { value, truncatedAliases } = toValue(model.root);
    rootValue = value;
    // One finding for the first alias past the limit is clearer than one per alias.
    const [first] = truncatedAliases;
    if (first) {
      const more = truncatedAliases.length - 1;
      out.push({
        code: 'alias-expansion',
        message: `This alias would expand the document past 100,000 nodes${more ? ` (as would ${more} more)` : ''}; it is not expanded. Sinas would hang or fail on it.`,
        span: first,
      });
    }
  }
  const items: Resource[] = [...(model.sections.get('variables')?.items ?? []), ...model.resources];
  // Results change when an embedded-language parser has loaded or the instance's facts changed.
  const key = `@${embeddedGeneration()}:${connectionTypes?.revision ?? ''}`;
  for (const item of items) {
    const run = () => runItemRules(text, item, () => (chunked ? toValue(item.node).value : itemValue(rootValue, item)), lines, connectionTypes);
    out.push(...(item.chunk ? item.chunk.remember(`items:${item.section}${key}`, run) : run()));
  }
  return out;
}

function itemValue(rootValue: unknown, item: Resource): unknown {
  const spec = (rootValue as { spec?: Record<string, unknown> } | null)?.spec;
  const list = spec?.[item.section];
  return Array.isArray(list) ? list[item.index] : undefined;
}

function runItemRules(text: string, item: Resource, valueOf: () => unknown, lines: LineIndex, connectionTypes: ConnectionTypeLookup | undefined): Finding[] {
  const found: Finding[] = [];
  let value: unknown;
  let computed = false;
  const ctx: ItemContext = {
    text,
    item,
    connectionTypes,
    get value() {
      if (!computed) {
        value = valueOf();
        computed = true;
      }
      return value;
    },
    // Memoised findings are shifted with their chunk, which shifts its nodes too: a span that is
    // a node (`span: pair.key`) would move twice, so each finding gets spans of its own.
    report: (f) => {
      const owned: Finding = { ...f, span: { start: f.span.start, end: f.span.end } };
      if (f.related) owned.related = f.related.map((r) => ({ ...r, span: { start: r.span.start, end: r.span.end } }));
      found.push(owned);
    },
  };
  for (const rule of ITEM_RULES) {
    if (rule.sections && !rule.sections.includes(item.section)) continue;
    try {
      rule.check(ctx);
    } catch (error) {
      found.push(internalError(rule.id, error, lines, item.node.start));
    }
  }
  return found;
}

function internalError(where: string, error: unknown, lines: LineIndex, at = 0): Finding {
  const line = lines.lineOf(at);
  return {
    code: 'internal-error',
    message: `Internal error in ${where}: ${error instanceof Error ? error.message : String(error)}. Please report it.`,
    span: { start: at, end: Math.max(at, lines.lineEnd(line)) },
  };
}

function finish(findings: Finding[], max: number, analysis: Analysis): ResolvedFinding[] {
  const out: ResolvedFinding[] = [];
  let distinct = 0;
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const kept = applyPrecedence(findings);
  // Exact duplicates share a span, so they are looked for among the findings on the same span only.
  const run = new Set<string>();
  for (let k = 0; k < kept.length; k++) {
    const f = kept[k];
    if (k > 0 && (f.span.start !== kept[k - 1].span.start || f.span.end !== kept[k - 1].span.end)) run.clear();
    const key = `${f.code}\u0000${f.message}`;
    if (run.has(key)) continue;
    run.add(key);
    distinct++;
    // Copy (only what is returned): findings memoised on chunks must not be mutated by consumers.
    if (out.length < max) out.push({ ...f, span: { ...f.span }, severity: f.severity ?? CODES[f.code].severity });
  }
  if (distinct > max) analysis.stats.truncatedFindings = distinct - max;
  return out;
}
