/**
 * What one item's scoped rules read of the declarations and the definitions, each read with what
 * it found. An edit that changes a declaration or renames an item makes new tables; an item's
 * memoised findings stay valid while every one of its reads finds the same in them, so typing a
 * function's name re-checks the items that looked that name up, not all 6,000 of a large package.
 *
 * What a read "finds" covers everything a rule can see through `ScopedTables` (rule.ts): the
 * signed fields of a declaration, the identities of definitions, all identities of a kind (for
 * did-you-mean suggestions).
 */
import type { Definitions } from './references';
import type { SectionName } from './model/sections';
import { SCOPED_DECLARATION_FIELDS, type DocumentTables, type ScopedDeclaration, type ScopedTables } from './rules/rule';

type Read = { tag: 'declaration'; name: string } | { tag: 'section' } | { tag: 'defined'; kind: SectionName; identity: string } | { tag: 'named'; kind: SectionName; name: string } | { tag: 'kind'; kind: SectionName };
/** A read and what it found. */
type Noted = Read & { found: string };

const declarationSignatures = new WeakMap<ScopedDeclaration, string>();

/** The fields scoped rules may read of a declaration, as one string. */
export function declarationSignature(declaration: ScopedDeclaration | undefined): string {
  if (!declaration) return '';
  let signature = declarationSignatures.get(declaration);
  if (signature === undefined) {
    signature = JSON.stringify(
      SCOPED_DECLARATION_FIELDS.map((field) => declaration[field]),
      (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value),
    );
    declarationSignatures.set(declaration, signature);
  }
  return signature;
}

/** All identities of one kind, as one string, once per definitions table (a new table is built whenever an identity changes). */
const kindSignatures = new WeakMap<Definitions, Map<SectionName, string>>();

function kindSignature(definitions: Definitions, kind: SectionName): string {
  let byKind = kindSignatures.get(definitions);
  if (!byKind) kindSignatures.set(definitions, (byKind = new Map()));
  let signature = byKind.get(kind);
  if (signature === undefined) byKind.set(kind, (signature = [...definitions.identities(kind)].join('\u0000')));
  return signature;
}

/** One string per thing read, to note each once. */
function keyOf(read: Read): string {
  switch (read.tag) {
    case 'declaration':
      return `v\u0000${read.name}`;
    case 'section':
      return 's';
    case 'defined':
      return `d\u0000${read.kind}\u0000${read.identity}`;
    case 'named':
      return `n\u0000${read.kind}\u0000${read.name}`;
    case 'kind':
      return `k\u0000${read.kind}`;
  }
}

function found(tables: DocumentTables, read: Read): string {
  switch (read.tag) {
    case 'declaration':
      return declarationSignature(tables.declarations.get(read.name));
    case 'section':
      return String(tables.hasVariablesSection);
    case 'defined':
      return String(tables.definitions.get(read.kind, read.identity).length);
    case 'named':
      return tables.definitions
        .named(read.kind, read.name)
        .map((r) => r.identity)
        .join('\u0000');
    case 'kind':
      return kindSignature(tables.definitions, read.kind);
  }
}

export class ScopedReads {
  protected readonly reads: Noted[] = [];

  /** The tables for the rules, noting each read of `tables` (once per thing read). */
  recording(tables: DocumentTables): ScopedTables {
    const seen = new Set<string>();
    const note = (read: Read) => {
      const key = keyOf(read);
      if (seen.has(key)) return;
      seen.add(key);
      this.reads.push({ ...read, found: found(tables, read) });
    };
    const declaration = (name: string) => {
      note({ tag: 'declaration', name });
      return tables.declarations.get(name);
    };
    const kind = (k: SectionName) => note({ tag: 'kind', kind: k });
    return {
      declarations: { get: declaration, has: (name) => declaration(name) !== undefined },
      get hasVariablesSection() {
        note({ tag: 'section' });
        return tables.hasVariablesSection;
      },
      definitions: {
        get: (k, identity) => {
          note({ tag: 'defined', kind: k, identity });
          return tables.definitions.get(k, identity);
        },
        named: (k, name) => {
          note({ tag: 'named', kind: k, name });
          return tables.definitions.named(k, name);
        },
        identities: (k) => {
          kind(k);
          return tables.definitions.identities(k);
        },
        nameIndex: (k) => {
          kind(k);
          return tables.definitions.nameIndex(k);
        },
      },
      operations: tables.operations,
      dependencies: tables.dependencies,
      queryParameters: tables.queryParameters,
    };
  }

  /** Whether every read finds the same in `tables`. */
  holdIn(tables: DocumentTables): boolean {
    for (const read of this.reads) if (found(tables, read) !== read.found) return false;
    return true;
  }
}

/**
 * The reads of every item of a section, each thing read once: when they all hold, so do each
 * item's, and the section's results are kept without looking at its items (the functions of a
 * package that read two variables are checked with two lookups after a function is renamed).
 * Reads are only added: one left from an item's earlier version can only make the check fail,
 * and then each item is checked on its own.
 */
export class SectionReads extends ScopedReads {
  private readonly index = new Map<string, number>();

  add(item: ScopedReads): void {
    for (const read of (item as SectionReads).reads) {
      const key = keyOf(read);
      const at = this.index.get(key);
      if (at !== undefined) this.reads[at] = read;
      else this.index.set(key, this.reads.push(read) - 1);
    }
  }
}
