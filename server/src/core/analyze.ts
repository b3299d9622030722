/**
 * analyze(text) -> Analysis: the one entry point of the language core. Parses (incrementally when
 * given the document's parser), builds the model and the variable table, runs the rules and
 * returns sorted findings. Never throws on user input; a crashing rule becomes a finding.
 * With the document's parser, an edit costs what it touched: item and scoped results are memoised
 * per item chunk, per section list, and against versions of the document-wide tables.
 */
import { CODES } from './diagnostics/codes';
import { looksLikeSinasPackage } from './detect';
import { embeddedGeneration } from './embedded/parsers';
import type { ConnectionTypeLookup } from './embedded/sql/dialect';
import type { Finding, Lookups, Severity } from './diagnostics/finding';
import { applyPrecedence } from './diagnostics/precedence';
import { boundedMessage } from './diagnostics/shown-text';
import { peekForItem, rememberForItem } from './model/item-memo';
import { buildModel, resourceFor, type PackageModel, type Resource } from './model/package-model';
import { SECTIONS, type SectionName } from './model/sections';
import { anchored, snapshot, type Origin } from './parse/nodes';
import { anchorFinding, Chunk, DocumentParser, type ParsedDocument } from './parse/parse-document';
import { parseStructure, type PackageStructure } from './structure';
import { toValue } from './parse/to-value';
import { getValue, type YScalar } from './parse/yaml-tree';
import { normalizeDistribution } from './embedded/python/distributions';
import { embeddedText } from './embedded/embedded-text';
import { sinasParameters } from './embedded/sql/parse-sql';
import { buildReferenceIndex, connectorOperations, Definitions, itemReferences, sameDefinition, type ReferenceIndex } from './references';
import { DOCUMENT_RULES, HEADER_RULES, ITEM_RULES, SCOPED_RULES } from './rules';
import type { DocumentContext, DocumentTables, HeaderContext, ItemContext, ScopeContext, ScopedTables } from './rules/rule';
import type { InstanceIndex } from './instance/instance-index';
import { checkWithInstance } from './rules/instance';
import { declarationSignature, ScopedReads, SectionReads } from './scoped-reads';
import { notAPackageFindings } from './rules/not-a-package';
import { unquotedCronFindings } from './rules/unquoted-cron';
import { readAsAbsent } from './parse/stray-words';
import { append } from './append';
import { LineIndex } from './text/line-index';
import type { Span } from './text/span';
import { nameIndex, type NameIndex } from './text/suggest';
import { partitionPoint } from './text/partition-point';
import { textOf, type DocumentText } from './text/text-source';
import { buildVariableTable, itemUsedNames, itemUses, usesOutsideItems, usesOutsideItemsAfterEntryEdit, type ExpressionUse, type UseSources, type VariableDeclaration } from './variables/variable-table';

export interface AnalyzeOptions {
  /** The document's own parser, kept across versions so unchanged chunks (and their results) are reused. */
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

/** A finding as reported: worded (plain data, nothing left to look up) and with its severity. */
export interface ResolvedFinding extends Omit<Finding, 'describe'> {
  severity: Severity;
}

export interface Analysis extends PackageStructure {
  /** Definitions and cross-references between resources (go to definition, find references, rules). */
  references: ReferenceIndex;
  /** The instance snapshot the findings were computed with (completion, hover and definition use it too). */
  instance?: InstanceIndex;
  findings: ResolvedFinding[];
  stats: { chunked: boolean; parsedChunks: number; parsedLength: number; chunkCount: number; truncatedFindings: number };
}

const DEFAULT_MAX_LENGTH = 5 * 1024 * 1024;
const DEFAULT_MAX_FINDINGS = 1000;
export { looksLikeSinasPackage };

/** `source`: the text, or (an editor's document) a source that builds it only when read. */
export function analyze(source: DocumentText, options: AnalyzeOptions = {}): Analysis {
  try {
    return analyzeUnguarded(source, options);
  } catch (error) {
    // Last line of defence: stages already isolate their failures, this keeps the server alive.
    const text = textOf(source);
    return { ...emptyAnalysis(text, new LineIndex(text), true), instance: options.instance, findings: resolve([internalError('analysis', error, text)]) };
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
    variables: buildVariableTable({ text: () => text, outside: () => [] }, model, new Set()),
    references: buildReferenceIndex(model),
    findings: [],
    stats: { chunked: false, parsedChunks: 0, parsedLength: 0, chunkCount: 0, truncatedFindings: 0 },
  };
}

/**
 * What the analysis of a document's previous version leaves for the next one (per parser): the
 * document-wide tables, a version number per table that changes only when its content does (item
 * results memoised against the same versions stay valid), and what the header rules found.
 */
interface Carried {
  generation: number;
  definitions: Definitions;
  definitionsVersion: number;
  /** Each section's items, the lists the definitions were built from (see sameLists). */
  sections: readonly (readonly Resource[])[];
  usedNames?: ReadonlySet<string>;
  tables: SectionTables;
  /** Findings of the header rules and uses around the items, anchored to their chunks; undefined when they cannot be kept. */
  header?: Header;
}

interface Header {
  findings: Finding[];
  outsideUses: readonly ExpressionUse[];
}

/** A document-wide table built from one section, the signature of what rules read of it, and its version. */
interface SectionTable<T> {
  value: T;
  signature: string;
  version: number;
}

interface SectionTables {
  declarations: SectionTable<{ index?: NameIndex }>;
  operations: SectionTable<ReadonlyMap<string, ReadonlyMap<string, YScalar>>>;
  dependencies: SectionTable<DocumentTables['dependencies']>;
  queries: SectionTable<ReadonlyMap<string, ReadonlySet<string> | undefined>>;
}

/**
 * The table built from `section`: the previous one when an edit changed only an item of another
 * section, else built again, keeping its version when its signature did not change.
 */
function sectionTable<T>(section: SectionName, previous: SectionTable<T> | undefined, swap: { next: Resource } | undefined, build: () => { value: T; signature: string }): SectionTable<T> {
  if (previous && swap && swap.next.section !== section) return previous;
  const { value, signature } = build();
  if (previous?.signature === signature) return { value, signature, version: previous.version };
  return { value, signature, version: (previous?.version ?? 0) + 1 };
}

const carried = new WeakMap<DocumentParser, Carried>();

function analyzeUnguarded(source: DocumentText, options: AnalyzeOptions): Analysis {
  let text = typeof source === 'string' ? source : undefined;
  /** The whole text: an edit inside one item never needs it, other paths build it once. */
  const full = () => (text ??= textOf(source));
  const empty = (isSinasPackage: boolean, findings: Finding[] = []): Analysis => ({ ...emptyAnalysis(full(), new LineIndex(full()), isSinasPackage), instance: options.instance, findings: resolve(findings) });
  const parser = options.parser ?? new DocumentParser();
  const previous = carried.get(parser);
  carried.delete(parser);
  // Detection reads the text; a package stays one while edits change only its items (checked below).
  if (!previous && !looksLikeSinasPackage(full())) return empty(false);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (source.length > maxLength) {
    return empty(true, [
      {
        code: 'file-too-large',
        message: `This file has ${source.length} characters, more than the ${maxLength} analysed; it is not checked.`,
        span: { start: 0, end: new LineIndex(full()).lineEnd(0) },
      },
    ]);
  }

  let structure;
  try {
    structure = parseStructure(source, parser);
  } catch (error) {
    return empty(true, [internalError('parser', error, full())]);
  }
  const { parsed, model, lines } = structure;
  // The text has a package header (looksLikeSinasPackage), but when a syntax error keeps the
  // parser from reading it (a region refused whole, e.g. nested too deep), the header is unknown:
  // the document is still ours, and its syntax errors are what the author must see.
  const headerUnread = model.kind === undefined && model.apiVersion === undefined && parsed.findings.some((f) => f.code === 'yaml-syntax');
  const isSinasPackage = structure.isSinasPackage || headerUnread;
  // Only an edit inside one item, right after the version analysed here, keeps the rest as it was;
  // one inside one entry of the header keeps what lies around it.
  const afterPrevious = previous?.generation === parsed.generation - 1 ? previous : undefined;
  const itemEdit = parsed.replaced ? afterPrevious : undefined;
  const entryEdit = parsed.replacedEntry ? afterPrevious : undefined;
  // The verdict stands too unless the entry was the `kind` or `apiVersion` line: detecting again
  // reads the whole text, most of such an edit's cost in a large package.
  const keepsVerdict = itemEdit || (entryEdit && !looksLikeSinasPackage(parsed.replacedEntry!.previous.text));
  if (!keepsVerdict && previous && !looksLikeSinasPackage(full())) return empty(false);
  const swap = itemEdit && replacedResource(parsed);

  const sections = [...model.sections.values()].map((section) => section.items);
  // A section's list of resources is kept while none of its items changes: after an edit around
  // the items (the package's name or version) every list is the same and so are the definitions,
  // which keeps every item's memoised results valid instead of checking 6,000 items again at
  // 100,000 lines.
  const definitions =
    swap && sameDefinition(swap.previous, swap.next) ? itemEdit.definitions : previous && !swap && sameLists(previous.sections, sections) ? previous.definitions : new Definitions(model.items);
  if (swap && definitions === itemEdit.definitions) definitions.replace(swap.previous, swap.next);
  // Uses in items of unknown sections count as uses around the items: then the header is redone.
  let header = swap ? itemEdit.header : undefined;
  const outside = () => (header ??= headerOf(full, parsed, parser, model, entryEdit?.header)).outsideUses;
  const sources: UseSources = { text: full, outside };
  const usedNames = swap && itemEdit.usedNames && sameNames(swap.previous, swap.next) ? itemEdit.usedNames : undefined;
  const variables = buildVariableTable(sources, model, usedNames);
  const was = previous?.tables;
  const declarations = sectionTable('variables', was?.declarations, swap, () => ({ value: {} as { index?: NameIndex }, signature: declarationsSignature(variables.declarations, model) }));
  const operations = sectionTable('connectors', was?.operations, swap, () => {
    const value = connectorOperations(model);
    return { value, signature: operationsSignature(value) };
  });
  const dependencies = sectionTable('dependencies', was?.dependencies, swap, () => {
    const value = declaredDependencies(model);
    return { value, signature: `${value.dynamic}:${[...value.declared].join(',')}` };
  });
  const queries = sectionTable('queries', was?.queries, swap, () => queryParameterTable(model));
  const sectionTables: SectionTables = { declarations, operations, dependencies, queries };
  const definitionsVersion = definitions === previous?.definitions ? previous.definitionsVersion : (previous?.definitionsVersion ?? 0) + 1;
  const versions = { declarations: declarations.version, definitions: definitionsVersion, operations: operations.version, dependencies: dependencies.version, queries: queries.version };
  const tables: DocumentTables = {
    declarations: variables.byName,
    hasVariablesSection: model.sections.has('variables'),
    definitions,
    operations: (connector) => operations.value.get(connector),
    dependencies: dependencies.value,
    queryParameters: (query) => queries.value.get(query),
    // Kept with the declarations table while the declared names stay the same.
    declarationIndex: () => (declarations.value.index ??= nameIndex(variables.byName.keys())),
  };
  const references = buildReferenceIndex(model, definitions, operations.value);
  const analysis: Analysis = {
    get text() {
      return full();
    },
    lines,
    isSinasPackage,
    root: parsed.root,
    model,
    variables,
    references,
    instance: options.instance,
    findings: [],
    stats: { chunked: parsed.chunked, parsedChunks: parsed.parsedChunks, parsedLength: parsed.parsedLength, chunkCount: parsed.chunkCount, truncatedFindings: 0 },
  };
  const keep = (withRules?: { header?: Header; usedNames: ReadonlySet<string> }) =>
    carried.set(parser, { generation: parsed.generation, definitions, definitionsVersion, sections, usedNames: withRules?.usedNames, tables: sectionTables, header: withRules?.header });
  if (!isSinasPackage) {
    keep();
    analysis.findings = resolve(notAPackageFindings(model)).map((f) => ({ ...f, span: snapshot(f.span) }));
    return analysis;
  }

  const max = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const lookups: Lookups = { closestVariable: (name) => tables.declarationIndex().closest(name) };
  const findings: Finding[] = [...parsed.findings, ...unquotedCron(parsed, full)];
  if (headerUnread) {
    // Nothing else can be judged before the syntax error is fixed (no cascade of missing fields).
    keep();
    analysis.findings = finish(findings, max, analysis, lookups);
    return analysis;
  }
  header ??= headerOf(full, parsed, parser, model, entryEdit?.header);
  append(findings, header.findings);
  const report = (f: Finding) => findings.push(f);
  const ctx: DocumentContext = {
    get text() {
      return full();
    },
    root: parsed.root,
    model,
    variables,
    references,
    tables,
    report,
  };
  for (const rule of DOCUMENT_RULES) {
    try {
      rule.check(ctx);
    } catch (error) {
      report(internalError(rule.id, error, full()));
    }
  }
  append(findings, scopedFindings(full, undefined, header.outsideUses, [], tables, max));
  // Item results also change when an embedded-language parser has loaded, the instance's facts
  // changed, or the number of findings shown did (scoped rules stop once they have reported that many).
  const connectionTypes = options.connectionTypes ?? options.instance?.connectionTypes;
  // Declarations and definitions apart: an item's results stay valid while what it read of them is the same (scoped-reads.ts).
  const memo: ItemMemoKey = {
    key: `${versions.operations}:${versions.dependencies}:${versions.queries}@${embeddedGeneration()}:${connectionTypes?.revision ?? ''}/${max}`,
    tablesVersion: `${versions.declarations}:${versions.definitions}`,
  };
  append(findings, itemFindings(full, model, parsed.chunked, tables, memo, connectionTypes, max));
  // The instance pass reads every reference: it runs only while a snapshot is set.
  const checked = options.instance ? checkWithInstance(ctx, options.instance, findings, (id, error) => internalError(id, error, full())) : findings;

  keep({ header: header.findings.every(isLiveFinding) ? header : undefined, usedNames: variables.usedNames });
  analysis.findings = finish(checked, max, analysis, lookups);
  return analysis;
}

/**
 * The header rules' findings and the uses around the items. Kept for the next version when an
 * edit changes only items: each span is anchored to the chunk holding it (a span no single chunk
 * holds is left plain, and the header is then computed again next time). After an edit inside
 * one entry of the header, the uses of the `previous` header are kept but the entry's. The rules
 * read the text only to word or place what they found (in a large package, building it costs more
 * than the rest of such an edit).
 */
function headerOf(full: () => string, parsed: ParsedDocument, parser: DocumentParser, model: PackageModel, previous?: Header): Header {
  const found: Finding[] = [];
  const ctx: HeaderContext = {
    get text() {
      return full();
    },
    root: parsed.root,
    model,
    report: (f) => found.push(f),
  };
  for (const rule of HEADER_RULES) {
    try {
      rule.check(ctx);
    } catch (error) {
      found.push(internalError(rule.id, error, full()));
    }
  }
  const anchorAt = (span: Span): Span => {
    const chunk = parser.chunkAround(span);
    return chunk ? anchored(span, chunk) : span;
  };
  const findings = found.map((f) => {
    const owned: Finding = { ...f, span: anchorAt(f.span) };
    if (f.related) owned.related = f.related.map((r) => ({ ...r, span: anchorAt(r.span) }));
    return owned;
  });
  const kept = previous && parsed.replacedEntry && usesOutsideItemsAfterEntryEdit(previous.outsideUses, parsed.replacedEntry, parsed.root);
  return { findings, outsideUses: kept || usesOutsideItems(full(), model) };
}

function isLiveFinding(f: Finding): boolean {
  return isLive(f.span) && (f.related ?? []).every((r) => isLive(r.span));
}

function isLive(span: Span): boolean {
  return typeof (span as { origin?: unknown }).origin === 'object';
}

/** Unquoted cron expressions behind YAML syntax errors, found in the text of the chunk holding each error. */
function unquotedCron(parsed: ParsedDocument, full: () => string): Finding[] {
  const out: Finding[] = [];
  const byOrigin = new Map<Origin, Finding[]>();
  for (const f of parsed.findings) {
    // A word read as blanks (a key being typed) has no `key: *…` on its line.
    if (f.code !== 'yaml-syntax' || readAsAbsent(f)) continue;
    const origin = (f.span as { origin?: Origin }).origin;
    if (!(origin instanceof Chunk)) {
      append(out, unquotedCronFindings(full(), [f]));
      continue;
    }
    const list = byOrigin.get(origin);
    if (list) list.push(f);
    else byOrigin.set(origin, [f]);
  }
  for (const [chunk, syntax] of byOrigin as Map<Chunk, Finding[]>) {
    append(out, chunk.rememberValue('unquoted-cron', () => chunk.local((text) => unquotedCronFindings(text, syntax).map((f) => anchorFinding(f, chunk)))));
  }
  return out;
}

/** The resource of the item chunk this version replaced, before and after, when both are items of the model. */
function replacedResource(parsed: ParsedDocument): { previous: Resource; next: Resource } | undefined {
  const { replaced } = parsed;
  const before = replaced?.previous.root?.kind === 'seq' ? resourceFor(replaced.previous.root.items[0]) : undefined;
  const after = replaced?.next.root?.kind === 'seq' ? resourceFor(replaced.next.root.items[0]) : undefined;
  // Both must be memoised on their chunks: what they stood for is compared through those memos.
  if (!before?.chunk || !after?.chunk || before.section !== after.section || before.index !== after.index) return undefined;
  return { previous: before, next: after };
}

/** The previous item's names were memoised when it was current; without that memo nothing is assumed. */
function sameNames(previous: Resource, next: Resource): boolean {
  const before = peekForItem<readonly string[]>(previous, 'used-names');
  // The next item has a chunk (it replaced one), so its names come from the chunk's own text.
  return !!before && before.join('\u0000') === itemUsedNames(next, () => '').join('\u0000');
}

function sameLists(before: readonly (readonly Resource[])[], after: readonly (readonly Resource[])[]): boolean {
  return before.length === after.length && before.every((items, i) => items === after[i]);
}

/** What scoped rules can read of the declarations (SCOPED_DECLARATION_FIELDS): names, types and the values a variable can take. */
function declarationsSignature(declarations: readonly VariableDeclaration[], model: PackageModel): string {
  return `${model.sections.has('variables')}\n${declarations.map(declarationSignature).join('\n')}`;
}

function operationsSignature(operations: ReadonlyMap<string, ReadonlyMap<string, YScalar>>): string {
  const parts: string[] = [];
  for (const [connector, ops] of operations) parts.push(`${connector}\u0000${[...ops.keys()].join('\u0000')}`);
  return parts.join('\n');
}

/** The `:name` parameters of each query of the package, by identity (the last of a duplicated identity, as at apply). */
function queryParameterTable(model: PackageModel): { value: Map<string, ReadonlySet<string> | undefined>; signature: string } {
  const value = new Map<string, ReadonlySet<string> | undefined>();
  const parts: string[] = [];
  for (const query of model.sections.get('queries')?.items ?? []) {
    if (query.identity === undefined || query.dynamic) continue;
    const names = rememberForItem(query, 'sql-parameters', () => {
      const sql = embeddedText(getValue(query.node, 'sql'));
      return sql && !sql.placeholders.length ? new Set(sinasParameters(sql.source).map((p) => p.name)) : undefined;
    });
    value.set(query.identity, names);
    parts.push(`${query.identity}\u0000${names ? [...names].join(',') : '?'}`);
  }
  return { value, signature: parts.join('\n') };
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
function scopedFindings(text: () => string, item: Resource | undefined, uses: readonly ExpressionUse[], references: ScopeContext['references'], tables: ScopedTables, max: number): Finding[] {
  const found: Finding[] = [];
  let reported = 0;
  const ctx: ScopeContext = {
    get text() {
      return text();
    },
    item,
    uses,
    references,
    tables,
    report: (f) => {
      reported++;
      found.push(f);
    },
    enough: () => reported >= max,
  };
  for (const rule of SCOPED_RULES) {
    reported = 0;
    try {
      rule.check(ctx);
    } catch (error) {
      found.push(internalError(rule.id, error, text(), item?.node.start));
    }
  }
  return found;
}

const ITEM_RULES_KEY = Object.fromEntries(SECTIONS.map((s) => [s, `items:${s}`])) as Record<SectionName, string>;

/**
 * Findings of every section's items, per section list: a section whose items did not change costs
 * nothing, and one whose list was patched (an edit inside one item) re-reads that item only.
 */
const sectionMemo = new WeakMap<readonly Resource[], ItemMemoKey & { reads: SectionReads; perItem: Finding[][]; withFindings: number[]; findings: Finding[] }>();

/**
 * What item results are memoised against: `key`, the versions of the tables read whole and of
 * what else they depend on; `tablesVersion`, those of the declarations and the definitions, which
 * an item's results may outlive (its reads are checked again when this changes).
 */
interface ItemMemoKey {
  key: string;
  tablesVersion: string;
}

function itemFindings(full: () => string, model: PackageModel, chunked: boolean, tables: DocumentTables, memo: ItemMemoKey, connectionTypes: ConnectionTypeLookup | undefined, max: number): Finding[] {
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
  const itemRulesKey = `@${embeddedGeneration()}:${connectionTypes?.revision ?? ''}`;
  for (const section of model.sections.values()) {
    const known = sectionMemo.get(section.items);
    const patched = known ? undefined : section.patchedFrom;
    // The same list, or (an edit inside one item) the list it replaced, with results for the same key.
    const base = known ?? (patched && sectionMemo.get(patched.items));
    const kept = base?.key === memo.key ? base : undefined;
    // After new tables, the items some of whose reads now find otherwise are checked again.
    const stale = kept && kept.tablesVersion !== memo.tablesVersion ? kept.reads.changedReaders(tables) : [];
    if (kept) kept.tablesVersion = memo.tablesVersion;
    if (known && kept && stale.length === 0) {
      append(out, known.findings);
      continue;
    }
    // Kept while only some items are checked again, built anew when all are (so reads of gone items drop out).
    const reads = kept?.reads ?? new SectionReads();
    const findingsOf = (item: Resource): Finding[] => {
      const chunk = item.chunk;
      const own = chunk
        ? chunk.remember(ITEM_RULES_KEY[item.section] + itemRulesKey, (text) => runItemRules(text, item, () => toValue(item.node).value, connectionTypes))
        : runItemRules(full(), item, () => itemValue(rootValue, item), connectionTypes);
      const scoped = itemScopedFindings(full, item, tables, memo, max, reads);
      return own.length === 0 ? scoped : scoped.length === 0 ? own : [...own, ...scoped];
    };
    let perItem: Finding[][];
    /** Indexes of the items with findings: gathering them costs what they found, not a pass over every item. */
    let withFindings: number[];
    // Only memoised results (positions relative to their chunks) may be kept across versions.
    let memoised: boolean;
    if (kept) {
      const again = patched && !stale.includes(patched.index) ? [...stale, patched.index] : stale;
      perItem = kept.perItem.slice();
      for (const i of again) perItem[i] = findingsOf(section.items[i]);
      withFindings = again.length > 32 ? indexesWithFindings(perItem) : withFindingsAt(kept.withFindings, again, perItem);
      memoised = again.every((i) => section.items[i].chunk); // the others were, or `kept` would not be kept
    } else {
      perItem = section.items.map(findingsOf);
      withFindings = indexesWithFindings(perItem);
      memoised = section.items.every((item) => item.chunk);
    }
    const findings: Finding[] = [];
    for (const i of withFindings) append(findings, perItem[i]);
    if (memoised) sectionMemo.set(section.items, { ...memo, reads, perItem, withFindings, findings });
    append(out, findings);
  }
  return out;
}

function indexesWithFindings(perItem: readonly Finding[][]): number[] {
  const out: number[] = [];
  perItem.forEach((list, i) => {
    if (list.length) out.push(i);
  });
  return out;
}

/** `withFindings` after the items at `again` (a few) were checked again. */
function withFindingsAt(withFindings: readonly number[], again: readonly number[], perItem: readonly Finding[][]): number[] {
  const out = withFindings.filter((i) => !again.includes(i));
  for (const index of again) if (perItem[index].length) out.splice(partitionPoint(out.length, (k) => out[k] < index), 0, index);
  return out;
}

const NO_READS = new ScopedReads();

/**
 * Scoped rules on one item, memoised on its chunk while the tables keep their versions, or what
 * it read of them is the same; its reads are added to its section's.
 */
function itemScopedFindings(full: () => string, item: Resource, tables: DocumentTables, memo: ItemMemoKey, max: number, sectionReads: SectionReads): Finding[] {
  const chunk = item.chunk;
  if (!chunk) return scopedFindings(full, item, itemUses(item, full), itemReferences(item), tables, max);
  const slot = chunk.rememberValue('scoped', () => ({ section: '', key: '', tablesVersion: '', reads: NO_READS, findings: [] as Finding[] }));
  if (slot.key !== memo.key || slot.section !== item.section || (slot.tablesVersion !== memo.tablesVersion && !slot.reads.holdIn(tables))) {
    const reads = new ScopedReads();
    slot.findings = chunk.local((text) => scopedFindings(() => text, item, itemUses(item, () => text), itemReferences(item), reads.recording(tables), max).map((f) => anchorFinding(f, chunk)));
    slot.reads = reads;
    slot.key = memo.key;
    slot.section = item.section;
  }
  slot.tablesVersion = memo.tablesVersion;
  sectionReads.add(slot.reads, item.index);
  return slot.findings;
}

function itemValue(rootValue: unknown, item: Resource): unknown {
  const spec = (rootValue as { spec?: Record<string, unknown> } | null)?.spec;
  const list = spec?.[item.section];
  return Array.isArray(list) ? list[item.index] : undefined;
}

function runItemRules(text: string, item: Resource, valueOf: () => unknown, connectionTypes: ConnectionTypeLookup | undefined): Finding[] {
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
    report: (f) => found.push(f),
  };
  for (const rule of ITEM_RULES) {
    if (rule.sections && !rule.sections.includes(item.section)) continue;
    try {
      rule.check(ctx);
    } catch (error) {
      found.push(internalError(rule.id, error, text, item.node.start));
    }
  }
  return found;
}

/** A crash of one check, reported from `at` to the end of its line in `text`. */
function internalError(where: string, error: unknown, text: string, at = 0): Finding {
  const lineEnd = text.indexOf('\n', at);
  const end = lineEnd === -1 ? text.length : lineEnd > at && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
  return {
    code: 'internal-error',
    message: `Internal error in ${where}: ${error instanceof Error ? error.message : String(error)}. Please report it.`,
    span: { start: at, end: Math.max(at, end) },
  };
}

/** Which findings a capped list keeps first: errors, then warnings, then the rest. */
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function finish(findings: Finding[], max: number, analysis: Analysis, lookups: Lookups): ResolvedFinding[] {
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const kept = applyPrecedence(findings);
  // Exact duplicates share a span, so they are looked for among the findings on the same span only.
  let distinct: Finding[] = [];
  const run = new Set<string>();
  for (let k = 0; k < kept.length; k++) {
    const f = kept[k];
    if (k > 0 && (f.span.start !== kept[k - 1].span.start || f.span.end !== kept[k - 1].span.end)) run.clear();
    const key = `${f.code}\u0000${f.message}`;
    if (run.has(key)) continue;
    run.add(key);
    distinct.push(f);
  }
  const severity = (f: Finding) => f.severity ?? CODES[f.code].severity;
  if (distinct.length > max) {
    analysis.stats.truncatedFindings = distinct.length - max;
    // Over the cap, an error past the first thousand warnings must still show (the file is rejected):
    // the most severe are kept, in document order.
    const order = distinct.map((_, i) => i).sort((a, b) => SEVERITY_RANK[severity(distinct[a])] - SEVERITY_RANK[severity(distinct[b])] || a - b);
    const chosen = order.slice(0, max).sort((a, b) => a - b);
    distinct = chosen.map((i) => distinct[i]);
  }
  return distinct.map((f) => {
    // Plain copies with today's offsets (only what is returned): memoised findings follow their chunks and must not leak.
    const { describe, ...plain } = f;
    const copy: ResolvedFinding = { ...plain, ...describe?.(lookups), span: snapshot(f.span), severity: severity(f) };
    copy.message = boundedMessage(copy.message);
    if (f.related) copy.related = f.related.map((r) => ({ ...r, message: boundedMessage(r.message), span: snapshot(r.span) }));
    return copy;
  });
}
