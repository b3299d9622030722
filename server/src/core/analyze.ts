/**
 * analyze(text) -> Analysis: the one entry point of the language core. Parses (incrementally when
 * given the document's parser), builds the model and the variable table, runs the rules and
 * returns sorted findings. Never throws on user input; a crashing rule becomes a finding.
 * With the document's parser, an edit costs what it touched: item and scoped results are memoised
 * per item chunk, per section list, and against versions of the document-wide tables.
 */
import { CODES } from './diagnostics/codes';
import { looksLikeSinasPackage } from './detect';
import type { Finding, Severity } from './diagnostics/finding';
import { applyPrecedence } from './diagnostics/precedence';
import { peekForItem } from './model/item-memo';
import { buildModel, resourceFor, type PackageModel, type Resource } from './model/package-model';
import { SECTIONS, type SectionName } from './model/sections';
import { snapshot } from './parse/nodes';
import { anchorFinding, type DocumentParser, type ParsedDocument } from './parse/parse-document';
import { parseStructure, type PackageStructure } from './structure';
import { toValue } from './parse/to-value';
import type { YScalar } from './parse/yaml-tree';
import { normalizeDistribution } from './python/imports';
import { buildReferenceIndex, connectorOperations, Definitions, itemReferences, sameDefinition, type ReferenceIndex } from './references';
import { DOCUMENT_RULES, ITEM_RULES, SCOPED_RULES } from './rules';
import type { DocumentContext, DocumentTables, ItemContext, ScopeContext } from './rules/rule';
import { unquotedCronFindings } from './rules/unquoted-cron';
import { LineIndex } from './text/line-index';
import { buildVariableTable, itemUsedNames, itemUses, usesOutsideItems, type ExpressionUse, type VariableDeclaration } from './variables/variable-table';

export interface AnalyzeOptions {
  /** The document's own parser, kept across versions so unchanged chunks (and their results) are reused. */
  parser?: DocumentParser;
  /** Larger texts are not analysed (default 5 MB). */
  maxLength?: number;
  /** At most this many findings are returned (default 1000). */
  maxFindings?: number;
}

export interface ResolvedFinding extends Finding {
  severity: Severity;
}

export interface Analysis extends PackageStructure {
  /** Definitions and cross-references between resources (go to definition, find references, rules). */
  references: ReferenceIndex;
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
    return { ...emptyAnalysis(text, lines, true), findings: resolve([internalError('analysis', error, lines)]) };
  }
}

function resolve(findings: Finding[]): ResolvedFinding[] {
  return findings.map((f) => ({ ...f, severity: f.severity ?? CODES[f.code].severity }));
}

function emptyAnalysis(text: string, lines: LineIndex, isSinasPackage: boolean): Analysis {
  const model = buildModel(null);
  return {
    text,
    lines,
    isSinasPackage,
    root: null,
    model,
    variables: buildVariableTable(text, model, new Set()),
    references: buildReferenceIndex(model),
    findings: [],
    stats: { chunked: false, parsedChunks: 0, chunkCount: 0, truncatedFindings: 0 },
  };
}

/**
 * What the analysis of a document's previous version leaves for the next one (per parser): the
 * document-wide tables, and a version number per table that changes only when its content does —
 * item results memoised against the same versions stay valid.
 */
interface Carried {
  generation: number;
  definitions: Definitions;
  usedNames?: ReadonlySet<string>;
  signatures: Record<Table, string>;
  versions: Record<Table | 'definitions', number>;
}

type Table = 'declarations' | 'operations' | 'dependencies';

const carried = new WeakMap<DocumentParser, Carried>();

function analyzeUnguarded(text: string, options: AnalyzeOptions): Analysis {
  // Until the parser has its line table, positions come from a plain scan (rare paths only).
  let lines: LineIndex | undefined;
  const plainLines = () => (lines ??= new LineIndex(text));
  const empty = (isSinasPackage: boolean, findings: Finding[] = []): Analysis => ({ ...emptyAnalysis(text, plainLines(), isSinasPackage), findings: resolve(findings) });
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

  let structure;
  try {
    structure = parseStructure(text, options.parser);
  } catch (error) {
    return empty(true, [internalError('parser', error, plainLines())]);
  }
  const { parsed, model, isSinasPackage } = structure;
  lines = structure.lines;
  const previous = options.parser ? carried.get(options.parser) : undefined;
  // The item an edit replaced, when the previous version was analysed here and the rest is unchanged.
  const swap = previous?.generation === parsed.generation - 1 ? replacedResource(parsed) : undefined;

  const definitions = swap && previous && sameDefinition(swap.previous, swap.next) ? previous.definitions : new Definitions(allItems(model));
  if (definitions === previous?.definitions) definitions.replace(swap!.previous, swap!.next);
  const usedNames = swap && previous?.usedNames && sameNames(text, swap.previous, swap.next) ? previous.usedNames : undefined;
  const variables = buildVariableTable(text, model, usedNames);
  const operations = connectorOperations(model);
  const dependencies = declaredDependencies(model);
  const signatures: Record<Table, string> = {
    declarations: declarationsSignature(variables.declarations, model),
    operations: operationsSignature(operations),
    dependencies: `${dependencies.dynamic}:${[...dependencies.declared].join(',')}`,
  };
  const bump = (table: Table) => (previous?.signatures[table] === signatures[table] ? previous.versions[table] : (previous?.versions[table] ?? 0) + 1);
  const versions = {
    declarations: bump('declarations'),
    operations: bump('operations'),
    dependencies: bump('dependencies'),
    definitions: definitions === previous?.definitions ? previous.versions.definitions : (previous?.versions.definitions ?? 0) + 1,
  };
  const tables: DocumentTables = {
    declarations: variables.byName,
    hasVariablesSection: model.sections.has('variables'),
    definitions,
    operations: (connector) => operations.get(connector),
    dependencies,
  };
  const references = buildReferenceIndex(model, definitions, operations);
  const analysis: Analysis = {
    text,
    lines,
    isSinasPackage,
    root: parsed.root,
    model,
    variables,
    references,
    findings: [],
    stats: { chunked: parsed.chunked, parsedChunks: parsed.parsedChunks, chunkCount: parsed.chunkCount, truncatedFindings: 0 },
  };
  if (!isSinasPackage) return analysis;

  const findings: Finding[] = [...parsed.findings, ...unquotedCronFindings(text, parsed.findings)];
  const report = (f: Finding) => findings.push(f);
  const ctx: DocumentContext = { text, root: parsed.root, model, variables, references, tables, report };
  for (const rule of DOCUMENT_RULES) {
    try {
      rule.check(ctx);
    } catch (error) {
      findings.push(internalError(rule.id, error, lines));
    }
  }
  findings.push(...scopedFindings(text, undefined, usesOutsideItems(text, model), [], tables, lines));
  const key = `${versions.declarations}:${versions.definitions}:${versions.operations}:${versions.dependencies}`;
  findings.push(...itemFindings(text, model, parsed.chunked, tables, key, lines));

  if (options.parser) carried.set(options.parser, { generation: parsed.generation, definitions, usedNames: variables.usedNames, signatures, versions });
  analysis.findings = finish(findings, options.maxFindings ?? DEFAULT_MAX_FINDINGS, analysis);
  return analysis;
}

/** The resource of the item chunk this version replaced, before and after, when both are items of the model. */
function replacedResource(parsed: ParsedDocument): { previous: Resource; next: Resource } | undefined {
  const { replaced } = parsed;
  const before = replaced?.previous.root?.kind === 'seq' ? resourceFor(replaced.previous.root.items[0]) : undefined;
  const after = replaced?.next.root?.kind === 'seq' ? resourceFor(replaced.next.root.items[0]) : undefined;
  return before && after && before.section === after.section && before.index === after.index ? { previous: before, next: after } : undefined;
}

/** The previous item's names were memoised when it was current; without that memo nothing is assumed. */
function sameNames(text: string, previous: Resource, next: Resource): boolean {
  const before = peekForItem<readonly string[]>(previous, 'used-names');
  return !!before && before.join('\u0000') === itemUsedNames(text, next).join('\u0000');
}

function allItems(model: PackageModel): Resource[] {
  const variables = model.sections.get('variables')?.items ?? [];
  return variables.length ? [...variables, ...model.resources] : model.resources;
}

const declarationSignatures = new WeakMap<VariableDeclaration, string>();

/** What scoped rules read of the declarations: names and the values a variable can take. */
function declarationsSignature(declarations: readonly VariableDeclaration[], model: PackageModel): string {
  const parts = declarations.map((d) => {
    let signature = declarationSignatures.get(d);
    if (signature === undefined) {
      signature = JSON.stringify([d.name, d.type, d.required, d.default, d.choices, d.pattern, d.resource], (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value));
      declarationSignatures.set(d, signature);
    }
    return signature;
  });
  return `${model.sections.has('variables')}\n${parts.join('\n')}`;
}

function operationsSignature(operations: ReadonlyMap<string, ReadonlyMap<string, YScalar>>): string {
  const parts: string[] = [];
  for (const [connector, ops] of operations) parts.push(`${connector}\u0000${[...ops.keys()].join('\u0000')}`);
  return parts.join('\n');
}

function declaredDependencies(model: PackageModel): DocumentTables['dependencies'] {
  const declared = new Set<string>();
  let dynamic = false;
  for (const dep of model.sections.get('dependencies')?.items ?? []) {
    if (dep.dynamic) dynamic = true;
    else if (dep.identity !== undefined) declared.add(normalizeDistribution(dep.identity));
  }
  return { declared, dynamic };
}

/** Scoped rules on one scope: a section item, or (item undefined) the text around the items. */
function scopedFindings(text: string, item: Resource | undefined, uses: readonly ExpressionUse[], references: ScopeContext['references'], tables: DocumentTables, lines: LineIndex): Finding[] {
  const found: Finding[] = [];
  const ctx: ScopeContext = { text, item, uses, references, tables, report: (f) => found.push(f) };
  for (const rule of SCOPED_RULES) {
    try {
      rule.check(ctx);
    } catch (error) {
      found.push(internalError(rule.id, error, lines, item?.node.start));
    }
  }
  return found;
}

const ITEM_RULES_KEY = Object.fromEntries(SECTIONS.map((s) => [s, `items:${s}`])) as Record<SectionName, string>;

/** Findings of every section's items, per section list: a section whose items did not change costs nothing. */
const sectionMemo = new WeakMap<readonly Resource[], { key: string; findings: Finding[] }>();

function itemFindings(text: string, model: PackageModel, chunked: boolean, tables: DocumentTables, key: string, lines: LineIndex): Finding[] {
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
  for (const section of model.sections.values()) {
    const known = sectionMemo.get(section.items);
    if (known?.key === key) {
      out.push(...known.findings);
      continue;
    }
    const found: Finding[] = [];
    let memoised = true;
    for (const item of section.items) {
      memoised &&= !!item.chunk;
      const run = () => runItemRules(text, item, () => (chunked ? toValue(item.node).value : itemValue(rootValue, item)), lines);
      found.push(...(item.chunk ? item.chunk.remember(ITEM_RULES_KEY[item.section], run) : run()));
      found.push(...itemScopedFindings(text, item, tables, key, lines));
    }
    // Only memoised results (positions relative to their chunks) may be kept across versions.
    if (memoised) sectionMemo.set(section.items, { key, findings: found });
    out.push(...found);
  }
  return out;
}

/** Scoped rules on one item, memoised on its chunk while the tables keep their versions. */
function itemScopedFindings(text: string, item: Resource, tables: DocumentTables, key: string, lines: LineIndex): Finding[] {
  const run = () => scopedFindings(text, item, itemUses(text, item), itemReferences(item), tables, lines);
  const chunk = item.chunk;
  if (!chunk) return run();
  const slot = chunk.rememberValue('scoped', () => ({ key: '', findings: [] as Finding[] }));
  const slotKey = `${item.section}:${key}`;
  if (slot.key !== slotKey) {
    slot.findings = run().map((f) => anchorFinding(f, chunk));
    slot.key = slotKey;
  }
  return slot.findings;
}

function itemValue(rootValue: unknown, item: Resource): unknown {
  const spec = (rootValue as { spec?: Record<string, unknown> } | null)?.spec;
  const list = spec?.[item.section];
  return Array.isArray(list) ? list[item.index] : undefined;
}

function runItemRules(text: string, item: Resource, valueOf: () => unknown, lines: LineIndex): Finding[] {
  const found: Finding[] = [];
  let value: unknown;
  let computed = false;
  const ctx: ItemContext = {
    text,
    item,
    get value() {
      if (!computed) {
        value = valueOf();
        computed = true;
      }
      return value;
    },
    report: (f) => found.push(f),
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
  const seen = new Set<string>();
  const out: ResolvedFinding[] = [];
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (const f of applyPrecedence(findings)) {
    const key = `${f.code}:${f.span.start}:${f.span.end}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Plain copies with today's offsets: memoised findings follow their chunks and must not leak.
    const copy: Finding = { ...f, span: snapshot(f.span) };
    if (f.related) copy.related = f.related.map((r) => ({ ...r, span: snapshot(r.span) }));
    out.push(...resolve([copy]));
  }
  if (out.length > max) {
    analysis.stats.truncatedFindings = out.length - max;
    return out.slice(0, max);
  }
  return out;
}
