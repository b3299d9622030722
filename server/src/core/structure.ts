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
import { buildVariableTable, type VariableTable } from './variables/variable-table';

export interface PackageStructure {
  text: string;
  lines: LineIndex;
  isSinasPackage: boolean;
  root: YNode | null;
  model: PackageModel;
  variables: VariableTable;
}

/** Parses (incrementally with the document's own parser) and builds the model and variables. */
export function readStructure(text: string, parser: DocumentParser = new DocumentParser()): PackageStructure & { parsed: ParsedDocument } {
  // A key still being typed is read as absent (one finding on it), not as the cascade YAML makes of it.
  const parsed = parseAsTyped(text, parser);
  // NEL, LS and PS break YAML lines but not the editor's: count those lines on the original.
  const lines = parsed.editorLinesDiffer ? new LineIndex(text) : new LineIndex(text, parsed.lines.start.subarray(0, parsed.lines.count));
  const model = buildModel(parsed.root, parsed.itemChunks);
  // `kind: SinasConfig` is a different document; anything else claiming sinas.co is ours to check,
  // and so is a text that has a package's header lines but YAML too broken to read them from.
  const isSinasPackage =
    model.kind === 'SinasPackage' ||
    (!!model.apiVersion?.startsWith('sinas.co/') && model.kind !== 'SinasConfig') ||
    (model.kind === undefined && parsed.findings.some((f) => f.code === 'yaml-syntax' && f.severity === 'error') && looksLikeSinasPackage(text));
  const variables = buildVariableTable(text, parsed.root, model.sections.get('variables'));
  return { text, lines, isSinasPackage, root: parsed.root, model, variables, parsed };
}
