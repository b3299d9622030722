/**
 * Schema validation of one spec item or of the document shell, as findings. The caller passes
 * the YAML node and its plain value (`toValue`), so results can be cached per item: an edit to
 * one agent re-validates only that agent.
 */
import type { Finding } from '../diagnostics/finding';
import { toValue } from '../parse/to-value';
import { keyName, resolve, type YMap, type YNode, type YPair } from '../parse/yaml-tree';
import { loadSchema } from './load-schema';
import { mapErrors } from './map-errors';
import { tick } from './messages';
import { SECTION_ITEMS } from './schema-lookup';
import { findYamlPitfalls } from './yaml-pitfalls';

export interface ValidateOptions {
  /**
   * The document text: lets messages quote values as written (`1.0` rather than `1`). Read only
   * when a message quotes one, so it may be a getter that builds the text then.
   */
  readonly source?: string;
}

const STRICT_ITEM = new Set<string>();
/** The server forbids unknown keys only under `spec` (ConfigSpec); the root and every model ignore them. */
const STRICT_SHELL = new Set(['/spec']);

/** "Function `ddf/validate_ddf`", "Webhook `orders/new`": how messages name the item itself. */
function itemLabel(kind: string, value: unknown): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return `This ${kind}`;
  const record = value as Record<string, unknown>;
  const id = [record.name, record.path, record.packageName, record.email].find((v) => typeof v === 'string') as string | undefined;
  if (id === undefined) return `This ${kind}`;
  const qualified = typeof record.namespace === 'string' && typeof record.name === 'string' ? `${record.namespace}/${id}` : id;
  return `${kind} ${tick(qualified)}`;
}

function sortBySpan(findings: Finding[]): Finding[] {
  return findings.length > 1 ? findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end) : findings;
}

/** Validates one item of `spec.<section>`; unknown sections are the shell's business (nothing here). */
export function validateItem(section: string, itemNode: YNode, value: unknown, options: ValidateOptions = {}): Finding[] {
  const compiled = loadSchema();
  const validator = compiled.validatorFor(section);
  const schema = compiled.itemSchema(section);
  if (!validator || !schema) return [];
  const findings = validator(value)
    ? []
    : mapErrors(validator.errors ?? [], {
        node: itemNode,
        schema,
        strictObjects: STRICT_ITEM,
        rootLabel: itemLabel(schema.title ?? section, value),
        get source() {
          return options.source;
        },
        fallback: { start: itemNode.start, end: itemNode.end },
      });
  findings.push(...findYamlPitfalls(itemNode, schema, options));
  return sortBySpan(findings);
}

const NO_ITEMS: readonly unknown[] = Object.freeze([]);

/**
 * The value the shell validator needs, without converting every resource: a section's list
 * becomes an empty list (the shell does not look at items), the rest goes through `toValue`.
 * Cheap on a big file.
 */
export function shellValue(root: YNode | null): unknown {
  const map = resolve(root);
  if (map?.kind !== 'map') return toValue(root).value;
  const out: Record<string, unknown> = {};
  for (const pair of map.pairs) {
    const name = keyName(pair);
    if (name === undefined) continue;
    const spec = name === 'spec' ? resolve(pair.value) : undefined;
    if (spec?.kind !== 'map' || spec.pairs.some((p) => keyName(p) === '<<')) {
      out[name] = toValue(pair.value).value;
      continue;
    }
    const sections: Record<string, unknown> = {};
    for (const section of spec.pairs) {
      const sectionName = keyName(section);
      if (sectionName === undefined) continue;
      const items = resolve(section.value);
      // The shell checks only that a section is a list (its items are validated one by one).
      sections[sectionName] = items?.kind === 'seq' ? NO_ITEMS : toValue(section.value).value;
    }
    out[name] = sections;
  }
  return out;
}

/**
 * Validates the root, `package`, `metadata`, the keys of `spec` and the type of each section (not
 * their items). `value` may be the whole document's value or `shellValue(root)`; when omitted it
 * is computed with `shellValue`.
 */
export function validateShell(root: YNode | null, value: unknown = shellValue(root), options: ValidateOptions = {}): Finding[] {
  const compiled = loadSchema();
  const validator = compiled.shell;
  const findings = validator(value)
    ? []
    : mapErrors(validator.errors ?? [], {
        node: root,
        schema: compiled.shellRoot,
        strictObjects: STRICT_SHELL,
        documentRoot: true,
        rootLabel: 'The package',
        misplacedKeys: [...SECTION_ITEMS.keys()],
        get source() {
          return options.source;
        },
        fallback: root ? { start: root.start, end: Math.min(root.end, root.start + 1) } : { start: 0, end: 0 },
      });
  findings.push(...findYamlPitfalls(shellTree(root), compiled.shellRoot, options));
  return sortBySpan(findings);
}

/**
 * The root with every section's items left out, so the shell's pitfall walk does not visit the
 * whole document on each edit (items are walked by `validateItem`, memoised per item).
 */
function shellTree(root: YNode | null): YNode | null {
  if (root?.kind !== 'map') return root;
  // Spelled out: nodes keep their offsets in getters, which a spread would not copy.
  const withPairs = (map: YMap, pairs: YPair[]): YMap => ({ kind: 'map', pairs, flow: map.flow, start: map.start, end: map.end, anchor: map.anchor, tag: map.tag });
  const withValue = (pair: YPair, value: YNode): YPair => ({ key: pair.key, value, start: pair.start, end: pair.end });
  return withPairs(
    root,
    root.pairs.map((pair) => {
      if (keyName(pair) !== 'spec' || pair.value?.kind !== 'map') return pair;
      const sections = pair.value.pairs.map((section) => {
        const list = section.value;
        if (list?.kind !== 'seq') return section;
        return withValue(section, { kind: 'seq', items: [], flow: list.flow, start: list.start, end: list.end, anchor: list.anchor, tag: list.tag });
      });
      return withValue(pair, withPairs(pair.value, sections));
    }),
  );
}
