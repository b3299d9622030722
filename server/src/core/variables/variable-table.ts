/**
 * Install-time variables: the declarations under `spec.variables` and every `${{ … }}` use in the
 * document, shared by rules, completion, hover, rename and the client's install prompt. Uses are
 * found by scanning the raw text (that is what the server substitutes), keeping only those inside a
 * key or value: an expression in a comment is not a use. Each item's uses are memoised with it, so
 * an edit scans the edited item again, not the document.
 */
import { rememberForItem } from '../model/item-memo';
import type { PackageModel, Resource, Section } from '../model/package-model';
import { isSection } from '../model/sections';
import { anchored, originOf, type Origin } from '../parse/nodes';
import type { Chunk } from '../parse/parse-document';
import { getValue, keyName, locate, nextNodeFrom, stringValue, type NodePath, type YNode } from '../parse/yaml-tree';
import type { Span } from '../text/span';
import { expressionScan, parseExpression, type Expression } from './parse-expression';

export type VariableType = 'text' | 'boolean' | 'enum' | 'resource_ref' | 'secret';

export interface VariableDeclaration {
  name: string;
  /** The item under `spec.variables`. */
  node: YNode;
  /** The value node of `name:` (for definition, rename, diagnostics). */
  nameNode: YNode;
  type?: string;
  required: boolean;
  default?: unknown;
  defaultNode?: YNode;
  choices?: unknown[];
  pattern?: string;
  resource?: string;
  description?: string;
  example?: unknown;
}

export interface ExpressionUse {
  expression: Expression;
  /** The scalar (value or key) holding the expression. */
  scalar: YNode;
  path: NodePath;
  onKey: boolean;
  /** True when the scalar's whole value is this one expression (its type then comes from the variable). */
  whole: boolean;
}

export interface VariableTable {
  declarations: VariableDeclaration[];
  byName: Map<string, VariableDeclaration>;
  /** Every use in document order (gathered on first read: editor features need it, edits do not). */
  readonly uses: ExpressionUse[];
  readonly usesByName: Map<string, ExpressionUse[]>;
  /** Names used anywhere, well-formed or not. */
  readonly usedNames: ReadonlySet<string>;
}

/**
 * Where uses come from: the whole text (built on demand; items read only their own chunk's text)
 * and the uses outside the items (`usesOutsideItems`, which the caller may keep across versions).
 */
export interface UseSources {
  text(): string;
  outside(): readonly ExpressionUse[];
}

/** Use sources for a plain string. */
export function useSourcesOf(text: string, model: PackageModel): UseSources {
  let outside: ExpressionUse[] | undefined;
  return { text: () => text, outside: () => (outside ??= usesOutsideItems(text, model)) };
}

/**
 * The table of one version. `usedNames` may be handed in when the caller knows the names did not
 * change (an edit that kept an item's uses); otherwise they are gathered on first read.
 */
export function buildVariableTable(sources: UseSources, model: PackageModel, usedNames?: ReadonlySet<string>): VariableTable {
  const declarations = collectDeclarations(model.sections.get('variables'));
  const byName = new Map<string, VariableDeclaration>();
  for (const d of declarations) if (!byName.has(d.name)) byName.set(d.name, d);
  let uses: ExpressionUse[] | undefined;
  let usesByName: Map<string, ExpressionUse[]> | undefined;
  const allUses = () => (uses ??= gatherUses(sources, model));
  return {
    declarations,
    byName,
    get uses() {
      return allUses();
    },
    get usesByName() {
      if (!usesByName) {
        usesByName = new Map();
        for (const use of allUses()) {
          const name = use.expression.name;
          if (!name) continue;
          const list = usesByName.get(name);
          if (list) list.push(use);
          else usesByName.set(name, [use]);
        }
      }
      return usesByName;
    },
    get usedNames() {
      return (usedNames ??= namesUsed(sources, model));
    },
  };
}

/** Every variable name the document uses: per item (memoised), plus the text around the items. */
export function namesUsed(sources: UseSources, model: PackageModel): Set<string> {
  const names = new Set<string>();
  for (const use of sources.outside()) if (use.expression.name) names.add(use.expression.name);
  for (const item of model.items) for (const name of itemUsedNames(item, sources.text)) names.add(name);
  return names;
}

/** The names one item uses, sorted and without repeats (memoised with the item). */
export function itemUsedNames(item: Resource, text: () => string): readonly string[] {
  return rememberForItem(item, 'used-names', () => [...new Set(itemUses(item, text).flatMap((u) => (u.expression.name ? [u.expression.name] : [])))].sort());
}

function gatherUses(sources: UseSources, model: PackageModel): ExpressionUse[] {
  const uses = [...sources.outside()];
  for (const item of model.items) uses.push(...itemUses(item, sources.text));
  return uses.sort((a, b) => a.expression.span.start - b.expression.span.start);
}

const declarationsOf = new WeakMap<Resource, VariableDeclaration | null>();

function collectDeclarations(variables: Section | undefined): VariableDeclaration[] {
  const out: VariableDeclaration[] = [];
  for (const item of variables?.items ?? []) {
    let declaration = declarationsOf.get(item);
    if (declaration === undefined) declarationsOf.set(item, (declaration = declare(item.node)));
    if (declaration) out.push(declaration);
  }
  return out;
}

function declare(node: YNode): VariableDeclaration | null {
  const nameNode = getValue(node, 'name');
  const name = stringValue(nameNode);
  if (!nameNode || name === undefined) return null;
  const scalar = (key: string) => {
    const v = getValue(node, key);
    return v && v.kind === 'scalar' ? v.value : undefined;
  };
  const choicesNode = getValue(node, 'choices');
  const defaultNode = getValue(node, 'default') ?? undefined;
  const required = scalar('required');
  return {
    name,
    node,
    nameNode,
    type: stringValue(getValue(node, 'type')),
    required: required === true || (typeof required === 'string' && /^(true|yes|on|1|y|t)$/i.test(required)),
    default: defaultNode && defaultNode.kind === 'scalar' ? defaultNode.value : undefined,
    defaultNode,
    choices: choicesNode?.kind === 'seq' ? choicesNode.items.map((c) => (c.kind === 'scalar' ? c.value : undefined)) : undefined,
    pattern: stringValue(getValue(node, 'pattern')),
    resource: stringValue(getValue(node, 'resource')),
    description: stringValue(getValue(node, 'description')),
    example: scalar('example'),
  };
}

/**
 * The uses inside one section item, memoised on its chunk (read from the chunk's own text):
 * expression spans are kept relative to the chunk and paths start at `spec.<section>[index]`.
 * `text` gives the whole text, needed only for an item without a chunk of its own.
 */
/**
 * Uses of items without a chunk of their own, per node: the rules and the used names read them
 * once per version. The node is kept across versions when its chunk is (a section that is one
 * chunk, in a document otherwise chunked), so the spans are anchored to that chunk and move with it.
 */
const unchunkedUses = new WeakMap<YNode, { section: string; index: number; uses: ExpressionUse[] }>();

export function itemUses(item: Resource, text: () => string): ExpressionUse[] {
  const chunk = item.chunk;
  if (!chunk) {
    const known = unchunkedUses.get(item.node);
    if (known?.section === item.section && known.index === item.index) return known.uses;
    const origin = originOf(item.node);
    const uses = origin ? anchorUses(scanItemUses(text(), item), origin) : scanItemUses(text(), item);
    unchunkedUses.set(item.node, { section: item.section, index: item.index, uses });
    return uses;
  }
  const memo = chunk.rememberValue('uses', () => ({ section: item.section, index: item.index, uses: chunk.local((own) => anchorUses(scanItemUses(own, item), chunk)) }));
  if (memo.section === item.section && memo.index === item.index) return memo.uses;
  // The item moved to another place in its section: its paths are recomputed, not memoised.
  return chunk.local((own) => anchorUses(scanItemUses(own, item), chunk));
}

function scanItemUses(text: string, item: Resource): ExpressionUse[] {
  return scanUses(text, item.node, item.node.start, item.node.end, ['spec', item.section, item.index]);
}

function anchorUses(uses: ExpressionUse[], origin: Origin): ExpressionUse[] {
  for (const use of uses) use.expression = anchorExpression(use.expression, origin);
  return uses;
}

/** Anchors a use's expression in place: scanUses made it for this use alone. */
function anchorExpression(e: Expression, origin: Origin): Expression {
  e.span = anchored(e.span, origin);
  if (e.nameSpan) e.nameSpan = anchored(e.nameSpan, origin);
  return e;
}

/**
 * Uses that are not inside a section item (the header, keys of `spec`, sections whose value is
 * not a list of items). Their spans are anchored to the chunks holding them, so a caller may keep
 * them while an edit changes only items.
 */
export function usesOutsideItems(text: string, model: PackageModel): ExpressionUse[] {
  const root = model.root;
  if (!root) return [];
  const uses: ExpressionUse[] = [];
  if (root.kind !== 'map' || !model.spec) uses.push(...scanUses(text, root, root.start, root.end, []));
  else {
    for (const pair of root.pairs) {
      if (pair.value !== model.spec) {
        uses.push(...scanUses(text, root, pair.start, pair.end, []));
        continue;
      }
      if (pair.key) uses.push(...scanUses(text, root, pair.key.start, pair.key.end, []));
      if (model.spec.kind !== 'map') continue;
      for (const section of model.spec.pairs) {
        const name = keyName(section);
        const isItems = name !== undefined && isSection(name) && model.sections.get(name)?.pair === section && section.value?.kind === 'seq';
        if (isItems && section.key) uses.push(...scanUses(text, root, section.key.start, section.key.end, []));
        else uses.push(...scanUses(text, root, section.start, section.end, []));
      }
    }
  }
  for (const use of uses) {
    const origin = (use.scalar as { origin?: Origin }).origin;
    if (origin) use.expression = anchorExpression(use.expression, origin);
  }
  return uses;
}

/**
 * The uses around the items after an edit inside one entry of the header (`replaced`, as the parser
 * says): those of every other chunk as they were (anchored, they moved with their chunks), the
 * entry's read again from its own text, so the document is not read whole. Undefined when the entry
 * cannot be read alone that way: under `spec` (where a section's items are not the header's), or
 * not one named key.
 */
export function usesOutsideItemsAfterEntryEdit(before: readonly ExpressionUse[], replaced: { previous: Chunk; next: Chunk }, root: YNode | null): ExpressionUse[] | undefined {
  const { previous, next } = replaced;
  const entry = next.root;
  const pair = entry?.kind === 'map' && entry.pairs.length === 1 ? entry.pairs[0] : undefined;
  if (!entry || !pair?.key || keyName(pair) === undefined) return undefined;
  const location = locate(root, pair.key.start);
  if (location.node !== pair.key || location.path[0] === 'spec') return undefined;
  const prefix = location.path.slice(0, -1);
  const found = next.local((text) => anchorUses(scanUses(text, entry, 0, text.length, prefix), next));
  const kept = before.filter((use) => originOf(use.scalar) !== previous);
  return found.length ? [...kept, ...found].sort((a, b) => a.expression.span.start - b.expression.span.start) : kept;
}

/** Uses in [from, to), located in the tree under `node`, whose path is `prefix`. */
function scanUses(text: string, node: YNode, from: number, to: number, prefix: NodePath): ExpressionUse[] {
  const uses: ExpressionUse[] = [];
  const scan = expressionScan(text);
  let shared: (ReturnType<typeof locate> & { fullPath: NodePath }) | undefined;
  // Searched in [from, to) only (a slice is a view, not a copy): an item without `${{` would
  // otherwise scan the rest of the document, once per item.
  const window = text.slice(from, Math.min(text.length, to + 2));
  // Past this, the next `${{` may be in a node; before it, none is (text outside every node).
  let inNodesFrom = from;
  for (let found = window.indexOf('${{'); found !== -1 && from + found < to; found = window.indexOf('${{', Math.max(found + 3, inNodesFrom - from))) {
    const at = from + found;
    // Uses in one scalar share its location and path (a long line can hold a hundred thousand).
    const previous = shared?.node;
    if (!(previous && previous.kind === 'scalar' && at >= previous.start && at < previous.end)) {
      const found = locate(node, at);
      shared = { ...found, fullPath: [...prefix, ...found.path] };
    }
    const location = shared!;
    const scalar = location.node;
    if (!scalar || scalar.kind !== 'scalar' || at < scalar.start || at >= scalar.end) {
      inNodesFrom = nextNodeFrom(node, at);
      continue;
    }
    const end = contentEnd(text, scalar);
    const expression = parseExpression(text, at, end, scan);
    const whole = expression.span.start === contentStart(text, scalar) && expression.span.end === end;
    uses.push({ expression, scalar, path: location.fullPath, onKey: location.onKey, whole });
  }
  return uses;
}

/** Where a scalar's content starts, inside quotes. */
function contentStart(text: string, scalar: Span & { style?: string }): number {
  const c = text[scalar.start];
  return c === '"' || c === "'" ? scalar.start + 1 : scalar.start;
}

function contentEnd(text: string, scalar: Span): number {
  const c = text[scalar.end - 1];
  return (c === '"' || c === "'") && scalar.end - 1 > scalar.start ? scalar.end - 1 : scalar.end;
}
