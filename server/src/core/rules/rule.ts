/**
 * Rule shapes. A rule reads the analysis and reports findings; it never does I/O and keeps no state.
 * - Item rules look at one section item only: memoised per item, an edit re-runs them for the
 *   edited item alone.
 * - Scoped rules look at one scope — a section item, or the text around the items — against
 *   document-wide tables (declared variables, definitions, connector operations, dependencies):
 *   memoised per item until one of those tables changes in content.
 * - Header rules look at the root, `package` and the list of sections (not the items): kept while
 *   an edit changes only items.
 * - Document rules see everything and run on every version, so they must stay cheap: a pass over
 *   declarations or a precomputed table, never over every item, the whole tree or the text.
 */
import type { DiagnosticCode } from '../diagnostics/codes';
import type { ConnectionTypeLookup } from '../embedded/sql/dialect';
import type { Finding } from '../diagnostics/finding';
import type { PackageModel, Resource } from '../model/package-model';
import type { SectionName } from '../model/sections';
import type { YNode, YScalar } from '../parse/yaml-tree';
import type { Definitions, Reference, ReferenceIndex } from '../references';
import type { NameIndex } from '../text/suggest';
import type { ExpressionUse, VariableDeclaration, VariableTable } from '../variables/variable-table';

/**
 * The fields of a declaration scoped rules may read. Their findings are memoised per item against
 * these fields of the declarations they looked up (core/scoped-reads.ts), so typing a variable's
 * default, pattern or description re-checks no item.
 */
export const SCOPED_DECLARATION_FIELDS = ['name', 'type', 'choices'] as const;
export type ScopedDeclaration = Pick<VariableDeclaration, (typeof SCOPED_DECLARATION_FIELDS)[number]>;

/** What scoped rules may read of a definition: its identity (which is what the memo follows). */
export type DefinedIdentity = Pick<Resource, 'identity'>;

/**
 * The document-wide tables as scoped rules see them: every read of the declarations and the
 * definitions is noted with what it found, and an item's findings are kept while each of its reads
 * finds the same (renaming one function re-checks the items that looked that name up, not all).
 */
export interface ScopedTables {
  readonly declarations: { get(name: string): ScopedDeclaration | undefined; has(name: string): boolean };
  readonly hasVariablesSection: boolean;
  readonly definitions: {
    get(kind: SectionName, identity: string): readonly DefinedIdentity[];
    /** The definitions of one kind whose name (without namespace) is `name`. */
    named(kind: SectionName, name: string): readonly DefinedIdentity[];
    identities(kind: SectionName): Iterable<string>;
    nameIndex(kind: SectionName): NameIndex;
  };
  operations: DocumentTables['operations'];
  readonly dependencies: DocumentTables['dependencies'];
  queryParameters: DocumentTables['queryParameters'];
}

/** What scoped rules compare a scope against. Each part changes only when its content does. */
export interface DocumentTables {
  /** Declared variables by name (the first declaration of a name). */
  readonly declarations: ReadonlyMap<string, ScopedDeclaration>;
  /** Whether the package has a `spec.variables` section at all. */
  readonly hasVariablesSection: boolean;
  readonly definitions: Definitions;
  /** Operation names of a connector defined in this file (undefined when it is not in the file). */
  operations(connector: string): ReadonlyMap<string, YScalar> | undefined;
  /** Normalised distribution names of `spec.dependencies`; `dynamic` when one is chosen at install. */
  readonly dependencies: { readonly declared: ReadonlySet<string>; readonly dynamic: boolean };
  /** The `:name` parameters of a query of this package (undefined when it is not here or its SQL has `${{ … }}`). */
  queryParameters(query: string): ReadonlySet<string> | undefined;
  /** The declared variable names as a did-you-mean index. */
  declarationIndex(): NameIndex;
}

export interface HeaderContext {
  readonly text: string;
  readonly root: YNode | null;
  readonly model: PackageModel;
  report(finding: Finding): void;
}

export interface DocumentContext extends HeaderContext {
  readonly variables: VariableTable;
  readonly references: ReferenceIndex;
  readonly tables: DocumentTables;
}

export interface ScopeContext {
  /** The document text; read only inside the scope (results are memoised per item). */
  readonly text: string;
  /** The item checked; undefined for the text around the items (header, keys of `spec`). */
  readonly item?: Resource;
  /** The `${{ … }}` uses in the scope, in document order. */
  readonly uses: readonly ExpressionUse[];
  /** The references the item makes, in document order (none around the items). */
  readonly references: readonly Reference[];
  readonly tables: ScopedTables;
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

export interface HeaderRule {
  readonly id: string;
  readonly codes: readonly DiagnosticCode[];
  check(ctx: HeaderContext): void;
}

export interface DocumentRule {
  readonly id: string;
  readonly codes: readonly DiagnosticCode[];
  check(ctx: DocumentContext): void;
}

export interface ScopedRule {
  readonly id: string;
  readonly codes: readonly DiagnosticCode[];
  check(ctx: ScopeContext): void;
}

export interface ItemRule {
  readonly id: string;
  readonly codes: readonly DiagnosticCode[];
  /** Sections the rule applies to; all sections when omitted. */
  readonly sections?: readonly SectionName[];
  check(ctx: ItemContext): void;
}
