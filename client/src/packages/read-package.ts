/**
 * What the install commands need from a package text, read through the language core's
 * `readStructure()` (the same parse the language server uses, without its checks): name and version, the declared
 * variables, whether `${{ }}` is used at all, and where resources and paths sit in the file.
 */
import type { DocumentParser } from '../../../server/src/core/parse/parse-document';
import { readStructure, type PackageStructure } from '../../../server/src/core/structure';
import type { Resource } from '../../../server/src/core/model/package-model';
import { packageFacts } from '../../../server/src/core/package-facts';
import { findPair, nodeAtPath, type PathSegment, type YNode } from '../../../server/src/core/parse/yaml-tree';
import type { Span } from '../../../server/src/core/text/span';
import { substituteVariables, substitutionTexts } from '../../../server/src/core/variables/substitution';
import type { VariableDeclaration } from '../../../server/src/core/variables/variable-table';

export type { Span, VariableDeclaration };

export interface PackageFile {
  structure: PackageStructure;
  isPackage: boolean;
  name?: string;
  version?: string;
  /** The span of the `package.name` value (code lens, fallback for messages). */
  nameSpan?: Span;
  declarations: VariableDeclaration[];
  /** Any `${{` in keys or values (what an instance without variables would store literally). */
  usesExpressions: boolean;
}

/** `parser`: a document's own incremental parser, for callers that read every version. */
export function readPackage(text: string, parser?: DocumentParser): PackageFile {
  const structure = readStructure(text, parser);
  const { model, variables } = structure;
  const facts = packageFacts(structure.isSinasPackage, model, () => text);
  return {
    structure,
    isPackage: facts.isPackage,
    name: facts.name,
    version: facts.version,
    nameSpan: facts.nameSpan,
    declarations: variables.declarations,
    usesExpressions: variables.uses.length > 0 || variables.declarations.length > 0,
  };
}

const span = (node: YNode): Span => ({ start: node.start, end: node.end });

/**
 * The resource of `section` whose identity is `identity` (`ns/name`, a webhook path, a schedule
 * name). Identities containing `${{ vars.X }}` are compared after substituting `values` (as sent:
 * defaults and secrets are applied as the server applies them).
 */
export function findResource(file: PackageFile, section: string, identity: string, values: Record<string, unknown> = {}): Resource | undefined {
  const wanted = identity.trim();
  return file.structure.model.resources.find((r) => r.section === section && r.identity !== undefined && identityAfterInstall(file, r, values) === wanted);
}

/** Every resource whose identity or bare name equals `name`, in any section. */
export function resourcesNamed(file: PackageFile, name: string, values: Record<string, unknown> = {}): Resource[] {
  return file.structure.model.resources.filter((r) => identityAfterInstall(file, r, values) === name || r.name === name);
}

/** An identity as the server sees it: `${{ vars.X }}` replaced as the install replaces it. */
function identityAfterInstall(file: PackageFile, resource: Resource, values: Record<string, unknown>): string | undefined {
  if (resource.identity === undefined || !resource.dynamic) return resource.identity;
  return substituteVariables(resource.identity, substitutionTexts(file.declarations, values));
}

/**
 * The node a server path points at: `spec.agents[0].enabledFunctions`, `spec.functions.0.code`,
 * `variables.API_KEY` (a declaration), `package.name`; the nearest existing ancestor when the
 * path goes past what the file has (a missing field is reported on its parent).
 */
export function spanOfPath(file: PackageFile, path: string): Span | undefined {
  const root = file.structure.model.root;
  if (!root || !path || path === 'root' || path === 'body' || path === 'body.source') return undefined;
  const variable = /^variables\.([A-Za-z_]\w*)$/.exec(path);
  if (variable) {
    const declaration = file.declarations.find((d) => d.name === variable[1]);
    return declaration ? span(declaration.nameNode) : undefined;
  }
  const segments: PathSegment[] = [];
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (part === '') continue;
    segments.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  for (let length = segments.length; length > 0; length--) {
    const found = narrow(file, segments.slice(0, length));
    if (found) return found;
  }
  return undefined;
}

/** The narrowest useful span for an existing path: a scalar value, a key, or a resource's name. */
function narrow(file: PackageFile, segments: PathSegment[]): Span | undefined {
  const root = file.structure.model.root;
  const node = nodeAtPath(root, segments);
  if (!node) return undefined;
  const text = file.structure.text;
  const multiline = text.slice(node.start, node.end).includes('\n');
  if (node.kind === 'scalar' && !multiline) return span(node);
  const last = segments[segments.length - 1];
  if (typeof last === 'string') {
    const key = findPair(nodeAtPath(root, segments.slice(0, -1)), last)?.key;
    if (key) return span(key);
  }
  if (segments.length === 3 && segments[0] === 'spec' && typeof last === 'number') {
    const resource = file.structure.model.resources.find((r) => r.section === segments[1] && r.index === last);
    if (resource && resource.identityNode !== resource.node) return span(resource.identityNode);
  }
  // A collection: its first line only, not the whole block.
  const lines = file.structure.lines;
  return { start: node.start, end: Math.max(node.start, Math.min(node.end, lines.lineEnd(lines.lineOf(node.start)))) };
}
