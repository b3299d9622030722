/**
 * Rule shapes. A rule reads the analysis and reports findings; it never does I/O and keeps no state.
 * Item rules look at one section item only, so their results are memoised per chunk and an edit
 * re-runs them for the edited item alone. Document rules see everything and run every version, so
 * they must stay cheap (a pass over resources or uses, never over the whole tree).
 */
import type { DiagnosticCode } from '../diagnostics/codes';
import type { ConnectionTypeLookup } from '../embedded/sql/dialect';
import type { Finding } from '../diagnostics/finding';
import type { PackageModel, Resource } from '../model/package-model';
import type { SectionName } from '../model/sections';
import type { YNode } from '../parse/yaml-tree';
import type { ReferenceIndex } from '../references';
import type { VariableTable } from '../variables/variable-table';

export interface DocumentContext {
  readonly text: string;
  readonly root: YNode | null;
  readonly model: PackageModel;
  readonly variables: VariableTable;
  readonly references: ReferenceIndex;
  report(finding: Finding): void;
  /**
   * This rule has reported as many findings as are shown. A rule that reports in position order,
   * on distinct spans, with codes no precedence removes, may stop then: nothing after could be
   * shown (a hostile file can hold a hundred thousand malformed expressions).
   */
  enough(): boolean;
}

export interface ItemContext {
  /** The document text; read only inside the item's own span (results are memoised per item). */
  readonly text: string;
  readonly item: Resource;
  /** The item as plain JS (PyYAML semantics), computed once per chunk. */
  readonly value: unknown;
  /** Database connection types from the instance, when known (findings are memoised per its revision). */
  readonly connectionTypes?: ConnectionTypeLookup;
  report(finding: Finding): void;
}

export interface DocumentRule {
  readonly id: string;
  readonly codes: readonly DiagnosticCode[];
  check(ctx: DocumentContext): void;
}

export interface ItemRule {
  readonly id: string;
  readonly codes: readonly DiagnosticCode[];
  /** Sections the rule applies to; all sections when omitted. */
  readonly sections?: readonly SectionName[];
  check(ctx: ItemContext): void;
}
