/**
 * The schema's snippets hold placeholders where a reference goes (`functionName: ${2:my_function}`,
 * `enabledFunctions: [${5:namespace/function}]`); inserted as they are, each would be flagged at
 * once as a reference to nothing. Here each one becomes a choice of what the field can really
 * name — the package's resources in the form the field takes (reference-completion.ts decides) —
 * or, when there is nothing to name, an empty tab stop (in a list: no entry), never an invented name.
 * (An empty required value is reported as missing, which is what it is: something to fill in.)
 */
import type { Analysis } from '../../core/analyze';
import type { NodePath, YNode, YScalar } from '../../core/parse/yaml-tree';
import { yamlScalar } from '../yaml-layout';
import { PROBE, referenceCandidates, referenceExpectedAt } from './reference-completion';
import { choice } from './yaml-snippet';

/** `${2:my_function}`: a whole value that is one placeholder with its default text. */
const PLACEHOLDER = /^\$\{(\d+):([^}]*)\}$/;
const TABSTOP = /\$\{?(\d+)/g;

type Segment = string | number;

/** The snippet body of a new item at `itemPath` (a path into the document), references filled in. */
export function withReferenceChoices(analysis: Analysis, itemPath: NodePath, body: unknown): unknown {
  const uses = new Map<string, number>();
  for (const m of JSON.stringify(body).matchAll(TABSTOP)) uses.set(m[1], (uses.get(m[1]) ?? 0) + 1);
  let result = body;
  // Last first: dropping a list entry must not shift the paths still to visit.
  for (const { path, tabstop } of placeholders(body).reverse()) {
    // A placeholder mirrored elsewhere in the body is one value typed once; leave it be.
    if (uses.get(tabstop) !== 1) continue;
    const reference = referenceExpectedAt(analysis, itemPath, toNode(body, path));
    if (!reference) continue;
    const names = [...new Set(referenceCandidates(analysis, reference).map((c) => c.text))];
    // Infrastructure of the instance (a database connection's name) is not checked: its
    // placeholder is as good a start as any.
    if (!names.length && reference.form === 'name') continue;
    result = replaceAt(result, path, names.length ? choice(Number(tabstop), names.map(yamlScalar)) : undefined, `$${tabstop}`);
  }
  return result;
}

function placeholders(value: unknown, path: Segment[] = []): { path: Segment[]; tabstop: string }[] {
  if (typeof value === 'string') {
    const m = PLACEHOLDER.exec(value);
    return m ? [{ path, tabstop: m[1] }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholders(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => placeholders(v, [...path, k]));
  return [];
}

/**
 * `value` with the leaf at `path` replaced: by `text`, or when there is none, dropped from its
 * list, or (a mapping's value) left as the empty tab stop `empty`.
 */
function replaceAt(value: unknown, path: Segment[], text: string | undefined, empty: string): unknown {
  if (path.length === 0) return text ?? empty;
  const [segment, ...rest] = path;
  if (Array.isArray(value)) {
    if (rest.length === 0 && text === undefined) return value.filter((_, i) => i !== segment);
    return value.map((v, i) => (i === segment ? replaceAt(v, rest, text, empty) : v));
  }
  const map = value as Record<string, unknown>;
  return { ...map, [segment]: replaceAt(map[segment as string], rest, text, empty) };
}

const SPAN = { start: -1, end: -1 };

/** The body as our YAML tree (placeholders read as their default text), with the probe at `probe`. */
function toNode(value: unknown, probe: Segment[] | undefined): YNode {
  if (probe?.length === 0) return PROBE;
  if (Array.isArray(value)) return { kind: 'seq', flow: false, ...SPAN, items: value.map((v, i) => toNode(v, probe?.[0] === i ? probe.slice(1) : undefined)) };
  if (value && typeof value === 'object') {
    const pairs = Object.entries(value).map(([k, v]) => ({ key: scalar(k), value: toNode(v, probe?.[0] === k ? probe.slice(1) : undefined), ...SPAN }));
    return { kind: 'map', flow: false, ...SPAN, pairs };
  }
  return scalar(typeof value === 'string' ? value.replace(/^\^/, '').replace(/\$\{\d+[:|]([^,|}]*)[^}]*\}/g, '$1') : value);
}

function scalar(value: unknown): YScalar {
  return { kind: 'scalar', value: value as YScalar['value'], style: 'plain', ...SPAN };
}
