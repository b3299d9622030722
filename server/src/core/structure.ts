/**
 * The package's structure without any checks: the parsed tree, positions, sections and resource
 * identities, and the variable table. analyze() builds on it; the VS Code client reads it for
 * install prompts and the code lens without loading the schema or the rules.
 */
import { looksLikeSinasPackage } from './detect';
import { buildModel, type PackageModel } from './model/package-model';
import { parseAsTyped } from './parse/half-typed-keys';
import { DocumentParser, type ParsedDocument } from './parse/parse-document';
import type { YNode } from './parse/yaml-tree';
import { LineIndex } from './text/line-index';
import { textOf, type DocumentText } from './text/text-source';
import { buildVariableTable, useSourcesOf, type VariableTable } from './variables/variable-table';

export interface PackageStructure {
  /** The document text (for a large document edited in place, built when first read). */
  readonly text: string;
  lines: LineIndex;
  isSinasPackage: boolean;
  root: YNode | null;
  model: PackageModel;
  variables: VariableTable;
}

export type ParsedStructure = Omit<PackageStructure, 'variables'> & { parsed: ParsedDocument };

/** Parses (incrementally with the document's own parser) and builds the model. */
export function parseStructure(source: DocumentText, parser: DocumentParser = new DocumentParser()): ParsedStructure {
  // A key still being typed is read as absent (one finding on it), not as the cascade YAML makes of it.
  const parsed = parseAsTyped(source, parser);
  const model = buildModel(parsed.root, parsed.replaced);
  let text = typeof source === 'string' ? source : undefined;
  const read = () => (text ??= textOf(source));
  return {
    get text() {
      return read();
    },
    // Positions come from the parser's line table: no need for the text — unless it has NEL, LS or
    // PS, which break YAML lines but not the editor's: those lines are counted on the original.
    lines: parsed.editorLinesDiffer ? new LineIndex(read()) : new LineIndex(parsed.lines),
    isSinasPackage: isSinasDocument(model, parsed, read),
    root: parsed.root,
    model,
    parsed,
  };
}

/**
 * `kind: SinasConfig` is a different document; anything else claiming sinas.co is ours to check,
 * and so is a text that has a package's header lines but YAML too broken to read them from.
 */
function isSinasDocument(model: PackageModel, parsed: ParsedDocument, read: () => string): boolean {
  return (
    model.kind === 'SinasPackage' ||
    (!!model.apiVersion?.startsWith('sinas.co/') && model.kind !== 'SinasConfig') ||
    (model.kind === undefined && parsed.findings.some((f) => f.code === 'yaml-syntax' && f.severity === 'error') && looksLikeSinasPackage(read()))
  );
}

/** Parses and builds the model and the variable table. */
export function readStructure(text: string, parser?: DocumentParser): PackageStructure & { parsed: ParsedDocument } {
  const structure = parseStructure(text, parser);
  return { ...structure, text, variables: buildVariableTable(useSourcesOf(text, structure.model), structure.model) };
}
