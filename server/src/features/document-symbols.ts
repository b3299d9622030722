/**
 * getDocumentSymbols(analysis): the outline — the package, its sections, and each resource named
 * by the identity Sinas uses for it (`ns/name`, a webhook's path, a variable's name). Capped, so
 * a huge file cannot flood the editor (Red Hat YAML's `maxItemsComputed`, VY #485).
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyze';
import type { Resource } from '../core/model/package-model';
import { KIND_NAME, type SectionName } from '../core/model/sections';
import { documentSpan } from '../core/embedded/embedded-text';
import { functionCode } from '../core/embedded/python/function-code';
import { findPair } from '../core/parse/yaml-tree';
import { toRange } from './ranges';

export const DEFAULT_MAX_SYMBOLS = 5000;

const SYMBOL_KIND: Record<SectionName, SymbolKind> = {
  variables: SymbolKind.Variable,
  roles: SymbolKind.Key,
  users: SymbolKind.Key,
  llmProviders: SymbolKind.Key,
  databaseConnections: SymbolKind.Key,
  dependencies: SymbolKind.Package,
  secrets: SymbolKind.Key,
  connectors: SymbolKind.Interface,
  skills: SymbolKind.Field,
  components: SymbolKind.Class,
  functions: SymbolKind.Function,
  queries: SymbolKind.Method,
  collections: SymbolKind.Array,
  templates: SymbolKind.File,
  stores: SymbolKind.Struct,
  manifests: SymbolKind.Module,
  agents: SymbolKind.Object,
  webhooks: SymbolKind.Event,
  schedules: SymbolKind.Event,
  databaseTriggers: SymbolKind.Event,
};

export interface DocumentSymbolsResult {
  symbols: DocumentSymbol[];
  /** True when the cap cut the outline short. */
  truncated: boolean;
}

export function getDocumentSymbols(analysis: Analysis, maxItems = DEFAULT_MAX_SYMBOLS): DocumentSymbolsResult {
  const { model, lines, text } = analysis;
  if (!analysis.isSinasPackage || !model.root) return { symbols: [], truncated: false };
  let budget = maxItems - 1;
  const sections: DocumentSymbol[] = [];
  let truncated = false;
  for (const section of model.sections.values()) {
    if (budget <= 0) {
      truncated = true;
      break;
    }
    budget--;
    const children: DocumentSymbol[] = [];
    for (const item of section.items) {
      if (budget <= 0) {
        truncated = true;
        break;
      }
      budget--;
      children.push(resourceSymbol(analysis, item, budget));
      budget -= children[children.length - 1].children?.length ?? 0;
    }
    const key = section.pair.key ?? section.pair;
    sections.push({
      name: section.name,
      detail: `${section.items.length} ${section.items.length === 1 ? KIND_NAME[section.name] : 'items'}`,
      kind: SymbolKind.Namespace,
      range: toRange(lines, section.pair),
      selectionRange: toRange(lines, key),
      children,
    });
  }
  const packagePair = findPair(model.root, 'package');
  const selection = model.packageNameNode ?? packagePair?.key ?? model.root;
  const root: DocumentSymbol = {
    name: model.packageName ?? 'package',
    detail: 'SinasPackage',
    kind: SymbolKind.Package,
    range: toRange(lines, { start: 0, end: text.length }),
    selectionRange: toRange(lines, selection),
    children: sections,
  };
  return { symbols: [root], truncated };
}

function resourceSymbol(analysis: Analysis, item: Resource, budget: number): DocumentSymbol {
  const { lines } = analysis;
  const name = item.identity ?? item.name ?? `(unnamed ${KIND_NAME[item.section]} #${item.index + 1})`;
  const detail = item.section === 'variables' ? analysis.variables.declarations.find((d) => d.node === item.node)?.type ?? 'text' : KIND_NAME[item.section];
  const symbol: DocumentSymbol = {
    name: name === '' ? `(empty name)` : name,
    detail,
    kind: SYMBOL_KIND[item.section],
    range: toRange(lines, item.node),
    selectionRange: toRange(lines, item.identityNode),
  };
  if (item.section === 'functions') {
    const python = pythonFunctions(analysis, item).slice(0, Math.max(0, budget));
    if (python.length) symbol.children = python;
  }
  return symbol;
}

/** The module-level `def`s of a function's code (once the Python parser has loaded). */
function pythonFunctions(analysis: Analysis, item: Resource): DocumentSymbol[] {
  const code = functionCode(item);
  if (!code) return [];
  const { text, lines } = analysis;
  return [...code.facts.functions].map(([name, f]) => {
    const first = documentSpan(text, code.text, f.start, f.start + 1);
    const last = documentSpan(text, code.text, f.end - 1, f.end);
    return {
      name: `${name}()`,
      detail: name === 'handler' ? 'entry point' : 'Python',
      kind: SymbolKind.Function,
      range: toRange(lines, { start: first.start, end: Math.max(first.end, last.end) }),
      selectionRange: toRange(lines, documentSpan(text, code.text, f.index, f.index + f.length)),
    };
  });
}
