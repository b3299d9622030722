/**
 * Python as the Sinas executor reads a function's `code` (CPython 3.11, python:3.11-slim), parsed
 * with pyright's parser (recursive descent, Python-version aware; see the README for why) into
 * the few facts the rules need: syntax errors, imports and the module-level `handler`.
 * Positions are offsets into the source given.
 */
import { DiagnosticSink } from '@zzzen/pyright-internal/dist/common/diagnosticSink';
import { pythonVersion3_11 } from '@zzzen/pyright-internal/dist/common/pythonVersion';
import type { ModuleNode, ParseNode, ParameterNode, StatementNode, SuiteNode } from '@zzzen/pyright-internal/dist/parser/parseNodes';
import { ParseOptions, Parser } from '@zzzen/pyright-internal/dist/parser/parser';
import type { EmbeddedProblem } from '../embedded-text';

export interface PythonImport {
  /** Top-level module name (`google` for `import google.cloud.storage`). */
  module: string;
  index: number;
  length: number;
}

export interface PythonHandler {
  /** How the module binds `handler`: a `def`, an assignment or an import. */
  kind: 'def' | 'other';
  index: number;
  length: number;
  isAsync: boolean;
  /** For a `def`: why `handler(input_data, context)` would raise TypeError, if it would. */
  signatureProblem?: string;
}

export interface PythonFacts {
  errors: EmbeddedProblem[];
  /** Absolute imports outside try statements (those are optional dependencies). */
  imports: PythonImport[];
  handler?: PythonHandler;
  /** Module-level functions by name (the deprecated fallback entry point is one named after the resource), with the whole `def`'s extent. */
  functions: Map<string, { index: number; length: number; start: number; end: number }>;
}

export interface PythonParser {
  parse(source: string): PythonFacts;
}

// pyright's ParseNodeType / ParamCategory values (const enums, not importable one by one).
const NODE = { Class: 10, If: 22, Import: 23, ImportFrom: 25, Function: 31, StatementList: 47, Try: 53, While: 57, With: 58, For: 29, Assignment: 3, Name: 38, TypeAnnotation: 54 } as const;
const PARAM = { Simple: 0, ArgsList: 1, KwargsDict: 2 } as const;
const ERROR_CATEGORY = 0;
/** Messages of problems decided only by text after them. */
const REACHES_END = /unterminated|not closed|was never closed|end of file|EOF/i;

export function createPythonParser(): PythonParser {
  return { parse };
}

function parse(source: string): PythonFacts {
  const options = new ParseOptions();
  options.pythonVersion = pythonVersion3_11;
  options.reportInvalidStringEscapeSequence = false; // a warning in CPython 3.11, not an error
  const sink = new DiagnosticSink();
  let result;
  try {
    result = new Parser().parseSourceFile(source, options, sink);
  } catch (error) {
    // pyright's recursive descent runs out of stack at a few hundred levels of nesting, past the
    // 200 levels of brackets CPython 3.11 accepts: the code cannot compile there either.
    if (!(error instanceof RangeError)) throw error;
    const deep = 'the code is nested too deeply to compile (Python 3.11 allows at most 200 levels of brackets and 100 of indentation)';
    return { errors: [{ start: 0, end: Math.max(1, source.indexOf('\n')), message: deep }], imports: [], functions: new Map() };
  }
  const lineStarts = starts(source);
  const offset = (p: { line: number; character: number }) => Math.min(source.length, (lineStarts[p.line] ?? source.length) + p.character);
  const errors: EmbeddedProblem[] = sink
    .fetchAndClear()
    .filter((d) => d.category === ERROR_CATEGORY)
    .map((d) => ({ start: offset(d.range.start), end: offset(d.range.end), message: d.message, reachesEnd: REACHES_END.test(d.message) }));
  const facts: PythonFacts = { errors, imports: [], functions: new Map() };
  const module: ModuleNode = result.parserOutput.parseTree;
  collectImports(module.d.statements, facts.imports);
  readModuleLevel(module.d.statements, facts);
  return facts;
}

function starts(source: string): number[] {
  const out = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** Imports anywhere (functions included), except inside try statements. */
function collectImports(statements: readonly (StatementNode | ParseNode)[], out: PythonImport[]): void {
  for (const statement of statements) {
    const node = statement as ParseNode;
    switch (node.nodeType as number) {
      case NODE.StatementList:
        collectImports((node as { d: { statements: ParseNode[] } }).d.statements, out);
        break;
      case NODE.Import:
        for (const item of (node as { d: { list: { d: { module: ModuleName } }[] } }).d.list) addImport(item.d.module, out);
        break;
      case NODE.ImportFrom:
        addImport((node as { d: { module: ModuleName } }).d.module, out);
        break;
      case NODE.Try:
        break; // an import guarded by try/except is an optional dependency, and so is its fallback
      default:
        for (const suite of suitesOf(node)) collectImports(suite.d.statements, out);
    }
  }
}

interface ModuleName {
  d: { leadingDots: number; nameParts: { start: number; length: number; d: { value: string } }[] };
}

function addImport(module: ModuleName, out: PythonImport[]): void {
  const first = module.d.nameParts[0];
  if (module.d.leadingDots > 0 || !first || !first.d.value) return; // relative: part of the function itself
  out.push({ module: first.d.value, index: first.start, length: first.length });
}

/** The suites of a compound statement (if/while/for/with/def/class), for walking into them. */
function suitesOf(node: ParseNode): SuiteNode[] {
  const d = node.d as Record<string, unknown>;
  const out: SuiteNode[] = [];
  for (const key of ['ifSuite', 'whileSuite', 'forSuite', 'suite', 'elseSuite']) {
    const value = d[key] as ParseNode | undefined;
    if (!value) continue;
    if ((value.nodeType as number) === NODE.If) out.push({ d: { statements: [value] } } as unknown as SuiteNode);
    else out.push(value as SuiteNode);
  }
  for (const c of (d.cases as { d: { suite: SuiteNode } }[] | undefined) ?? []) out.push(c.d.suite);
  return out;
}

/**
 * Module-level bindings, as `exec` leaves them in the namespace: `def`s, assignments and imports
 * of `handler`, also inside module-level if/try/with/for/while blocks (not inside functions or classes).
 */
function readModuleLevel(statements: readonly (StatementNode | ParseNode)[], facts: PythonFacts): void {
  for (const statement of statements) {
    const node = statement as ParseNode;
    const type = node.nodeType as number;
    if (type === NODE.Function) {
      const d = (node as unknown as { d: { name: { start: number; length: number; d: { value: string } }; isAsync: boolean; params: ParameterNode[] } }).d;
      facts.functions.set(d.name.d.value, { index: d.name.start, length: d.name.length, start: node.start, end: node.start + node.length });
      if (d.name.d.value === 'handler') {
        facts.handler = { kind: 'def', index: d.name.start, length: d.name.length, isAsync: d.isAsync, signatureProblem: signatureProblem(d.params) };
      }
    } else if (type === NODE.StatementList) {
      for (const simple of (node as { d: { statements: ParseNode[] } }).d.statements) bindsHandler(simple, facts);
    } else if (type === NODE.Try) {
      const d = (node as { d: { trySuite: SuiteNode; exceptClauses: { d: { exceptSuite: SuiteNode } }[]; elseSuite?: SuiteNode; finallySuite?: SuiteNode } }).d;
      for (const suite of [d.trySuite, ...d.exceptClauses.map((c) => c.d.exceptSuite), d.elseSuite, d.finallySuite]) if (suite) readModuleLevel(suite.d.statements, facts);
    } else if (type !== NODE.Class) {
      for (const suite of suitesOf(node)) readModuleLevel(suite.d.statements, facts);
    }
  }
}

/** `handler = …`, `handler: T = …`, `import … as handler`, `from … import handler`. */
function bindsHandler(node: ParseNode, facts: PythonFacts): void {
  const found = (name: { start: number; length: number; d: { value: string } } | undefined) => {
    if (name?.d.value === 'handler') facts.handler = { kind: 'other', index: name.start, length: name.length, isAsync: false };
  };
  const type = node.nodeType as number;
  if (type === NODE.Assignment) {
    let target = (node as { d: { leftExpr: ParseNode } }).d.leftExpr;
    if ((target.nodeType as number) === NODE.TypeAnnotation) target = (target as { d: { valueExpr: ParseNode } }).d.valueExpr;
    if ((target.nodeType as number) === NODE.Name) found(target as never);
  } else if (type === NODE.ImportFrom) {
    for (const item of (node as { d: { imports: { d: { name: never; alias?: never } }[] } }).d.imports) found(item.d.alias ?? item.d.name);
  } else if (type === NODE.Import) {
    for (const item of (node as { d: { list: { d: { alias?: never } }[] } }).d.list) found(item.d.alias);
  }
}

/** Sinas calls `handler(input_data, context)`: two positional arguments, nothing else. */
function signatureProblem(params: readonly ParameterNode[]): string | undefined {
  let positional = 0;
  let required = 0;
  let varArgs = false;
  let keywordOnly = false;
  const requiredKeywordOnly: string[] = [];
  for (const p of params) {
    const name = p.d.name?.d.value;
    if (p.d.category === PARAM.ArgsList) {
      if (name) varArgs = true;
      keywordOnly = true; // a bare `*` or `*args`: what follows is keyword-only
    } else if (p.d.category === PARAM.Simple && name) {
      if (keywordOnly) {
        if (!p.d.defaultValue) requiredKeywordOnly.push(name);
      } else {
        positional++;
        if (!p.d.defaultValue) required++;
      }
    }
  }
  if (required > 2) return `it requires ${required} positional arguments`;
  if (positional < 2 && !varArgs) return positional === 0 ? 'it takes no positional arguments' : 'it takes only 1 positional argument';
  if (requiredKeywordOnly.length) return `it requires the keyword argument${requiredKeywordOnly.length > 1 ? 's' : ''} ${requiredKeywordOnly.map((n) => `\`${n}\``).join(', ')}`;
  return undefined;
}
