/**
 * What an editor shows about a package without analysing it again: whether the document is one,
 * its name (and where it is written), its version as written, and its kind. The language server
 * sends these to the client after each analysis; the client's commands read them the same way.
 */
import type { PackageModel } from './model/package-model';
import { Chunk } from './parse/parse-document';
import { getValue, stringValue, type YNode } from './parse/yaml-tree';
import type { Span } from './text/span';

export interface PackageFacts {
  isPackage: boolean;
  name?: string;
  /** Where the `package.name` value is written. */
  nameSpan?: Span;
  /** `package.version` as written (`version: 1.0` is a YAML float; it is shown as `1.0`). */
  version?: string;
  kind?: string;
}

export function packageFacts(isPackage: boolean, model: PackageModel, text: () => string): PackageFacts {
  const versionNode = getValue(getValue(model.root, 'package'), 'version');
  const nameNode = model.packageNameNode;
  return {
    isPackage,
    name: model.packageName,
    nameSpan: nameNode ? { start: nameNode.start, end: nameNode.end } : undefined,
    version: versionNode?.kind === 'scalar' ? sourceOf(versionNode, text).replace(/^["']|["']$/g, '') : stringValue(versionNode),
    kind: model.kind,
  };
}

/** A node's text as written, from its chunk's own text when it has one (no need for the whole document). */
function sourceOf(node: YNode, text: () => string): string {
  const origin = (node as { origin?: unknown }).origin;
  if (origin instanceof Chunk) return origin.local((own) => own.slice(node.start, node.end));
  return text().slice(node.start, node.end);
}
