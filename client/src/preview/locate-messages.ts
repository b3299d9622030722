/**
 * Maps what a preview or install answered back onto the YAML: each warning and error string is
 * matched to the resource it names (`"Functions 'ns/x' exists but is managed by 'pkg:y'"`,
 * `"Database connection 'c' not found for query 'ns/q'"`, …), and on a first install every
 * `update` becomes a warning on the resource it would overwrite (api-contract §7.2). Pure: spans
 * are offsets; the extension turns them into ranges.
 */
import type { ConfigApplyResponse, ResourceChange, ValidationItem } from '../../../api/src';
import { KIND_NAME, SECTIONS, SKIPPED_SECTIONS, type SectionName } from '../../../server/src/core/model/sections';
import { findPair, getValue, type YNode } from '../../../server/src/core/parse/yaml-tree';
import type { Resource } from '../../../server/src/core/model/package-model';
import { findResource, resourcesNamed, spanOfPath, type PackageFile, type Span } from '../packages/read-package';

export type FindingCode = 'server-error' | 'server-warning' | 'overwrites-unmanaged' | 'managed-elsewhere' | 'server-validation';

export interface PreviewFinding {
  severity: 'error' | 'warning' | 'information';
  code: FindingCode;
  message: string;
  /** Undefined when the message names nothing in this file (the caller anchors it on `package.name`). */
  span?: Span;
}

export interface LocateInput {
  apply: ConfigApplyResponse;
  /** The values sent with the request, so `${{ vars.X }}` identities compare as the server saw them. */
  values?: Record<string, unknown>;
  /** The package is not installed yet: `update` means overwriting a resource someone else made. */
  firstInstall: boolean;
  instanceName: string;
}

export function locateApplyMessages(file: PackageFile, input: LocateInput): PreviewFinding[] {
  const values = input.values ?? {};
  const findings: PreviewFinding[] = [];
  for (const error of input.apply.errors) {
    findings.push({ severity: 'error', code: 'server-error', message: error, span: locateMessage(file, error, values) });
  }
  for (const warning of input.apply.warnings) {
    const managed = MANAGED_ELSEWHERE.exec(warning);
    findings.push({
      severity: 'warning',
      code: managed ? 'managed-elsewhere' : 'server-warning',
      message: managed ? `${warning} It is not installed from this file.` : warning,
      span: locateMessage(file, warning, values),
    });
  }
  if (input.firstInstall) {
    for (const change of input.apply.changes) {
      if (change.action !== 'update') continue;
      findings.push({
        severity: 'warning',
        code: 'overwrites-unmanaged',
        message: `${label(change.resourceType)} \`${change.resourceName}\` already exists on ${input.instanceName} and is not managed by this package: installing overwrites it, and it stays unmanaged, so uninstalling the package will not remove it.`,
        span: locateChange(file, change, values),
      });
    }
  }
  return findings;
}

/** The identity of the resource a change line is about (`functions` + `ns/name`, a webhook path, …). */
export function locateChange(file: PackageFile, change: Pick<ResourceChange, 'resourceType' | 'resourceName'>, values: Record<string, unknown> = {}): Span | undefined {
  const resource = findResource(file, change.resourceType, change.resourceName, values);
  return resource ? identitySpan(resource) : undefined;
}

/** A 400/422's validation items, each on the node its path names. */
export function locateValidationItems(file: PackageFile, items: readonly ValidationItem[]): PreviewFinding[] {
  return items.map((item) => ({
    severity: 'error',
    code: 'server-validation',
    message: item.path && item.path !== 'root' ? `${item.message} (${item.path})` : item.message,
    span: spanOfPath(file, item.path),
  }));
}

// `<Type> '<name>' exists but is managed by '<other>'. Skipping.` where Type is resourceType.title().
const MANAGED_ELSEWHERE = /^(\w+) '(.+?)' exists but is managed by '(.+?)'/;
const SKIPPED_WARNING = /^SinasPackage includes (.+?) —/;
// A kind word (one or two words) right before a quoted name: "query 'ns/q'", "Database trigger 'n'".
const QUOTED = /((?:[A-Za-z]+ )?[A-Za-z]+) '([^']+)'/g;

/** Section for a kind word as the server writes it: `Functions`, `Databasetriggers`, `query`, `Database trigger`. */
const SECTION_BY_WORD = new Map<string, SectionName>();
for (const section of SECTIONS) {
  const flat = (s: string) => s.replace(/[\s_]/g, '').toLowerCase();
  SECTION_BY_WORD.set(flat(section), section);
  SECTION_BY_WORD.set(flat(KIND_NAME[section]), section);
}
// Irregular singulars the table above does not produce.
SECTION_BY_WORD.set('query', 'queries');
SECTION_BY_WORD.set('databasetrigger', 'databaseTriggers');

function sectionFor(words: string): SectionName | undefined {
  const flat = words.replace(/[\s_]/g, '').toLowerCase();
  // Two words ("Database trigger") first, then the last word alone ("applying function").
  return SECTION_BY_WORD.get(flat) ?? SECTION_BY_WORD.get(words.split(' ').pop()!.toLowerCase());
}

/** The span a free-text server message is about, if it names something in this file. */
export function locateMessage(file: PackageFile, message: string, values: Record<string, unknown> = {}): Span | undefined {
  const skipped = SKIPPED_WARNING.exec(message);
  if (skipped) {
    const spec = file.structure.model.spec;
    for (const section of SKIPPED_SECTIONS) {
      const key = findPair(spec, section)?.key;
      if (key && skipped[1].includes(section)) return { start: key.start, end: key.end };
    }
  }
  // Names preceded by a kind word point at that kind's resource.
  for (const match of message.matchAll(QUOTED)) {
    const section = sectionFor(match[1]);
    if (!section) continue;
    const resource = findResource(file, section, match[2], values);
    if (resource) return fieldSpan(resource, message) ?? identitySpan(resource);
  }
  // Otherwise any quoted name that is exactly one resource of this file.
  for (const match of message.matchAll(/'([^']+)'/g)) {
    const candidates = resourcesNamed(file, match[1], values);
    if (candidates.length === 1) return fieldSpan(candidates[0], message) ?? identitySpan(candidates[0]);
  }
  return undefined;
}

/** For messages about a resource's connection, the `connectionName` value rather than its name. */
function fieldSpan(resource: Resource, message: string): Span | undefined {
  if (!/connection '/i.test(message)) return undefined;
  const node: YNode | null | undefined = getValue(resource.node, 'connectionName');
  return node ? { start: node.start, end: node.end } : undefined;
}

function identitySpan(resource: Resource): Span {
  const node = resource.identityNode;
  if (node !== resource.node) return { start: node.start, end: node.end };
  return { start: node.start, end: node.start };
}

function label(resourceType: string): string {
  const section = sectionFor(resourceType);
  const name = section ? KIND_NAME[section] : resourceType;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
