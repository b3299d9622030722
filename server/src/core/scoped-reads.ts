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

/** What was read: a declaration (its signed fields), whether a name is declared, whether there is a variables section, the definitions of an identity, those of a name, all identities of a kind. */
type Tag = 'declaration' | 'declared' | 'section' | 'defined' | 'named' | 'kind';

/** One read and what it found (one shape for every kind of read: they are compared by the thousand). */
class Read {
  constructor(
    readonly tag: Tag,
    readonly kind: SectionName | '',
    /** The variable name, identity or name looked up. */
    readonly name: string,
    /** Tells this read from every other (each is noted once per item and once per section). */
    readonly key: string,
    public found = '',
  ) {}
}

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

function found(tables: DocumentTables, read: Read): string {
  switch (read.tag) {
    case 'declaration':
      return declarationSignature(tables.declarations.get(read.name));
    case 'declared':
      return tables.declarations.has(read.name) ? 'y' : '';
    case 'section':
      return tables.hasVariablesSection ? 'y' : '';
    case 'defined':
      return String(tables.definitions.get(read.kind as SectionName, read.name).length);
    case 'named':
      return tables.definitions
        .named(read.kind as SectionName, read.name)
        .map((r) => r.identity)
        .join('\u0000');
    case 'kind':
      return kindSignature(tables.definitions, read.kind as SectionName);
  }
}

export class ScopedReads {
  protected readonly reads: Read[] = [];

  /** The tables for the rules, noting each read of `tables` (once per thing read). */
  recording(tables: DocumentTables): ScopedTables {
    const seen = new Set<string>();
    const note = (tag: Tag, kind: SectionName | '', name: string) => {
      const key = `${tag}\u0000${kind}\u0000${name}`;
      if (seen.has(key)) return;
      seen.add(key);
      const read = new Read(tag, kind, name, key);
      read.found = found(tables, read);
      this.reads.push(read);
    };
    const kind = (k: SectionName) => note('kind', k, '');
    return {
      declarations: {
        get: (name) => {
          note('declaration', '', name);
          return tables.declarations.get(name);
        },
        // Whether a name is declared, not how: retyping a variable leaves this read as it was.
        has: (name) => {
          note('declared', '', name);
          return tables.declarations.has(name);
        },
      },
      get hasVariablesSection() {
        note('section', '', '');
        return tables.hasVariablesSection;
      },
      definitions: {
        get: (k, identity) => {
          note('defined', k, identity);
          return tables.definitions.get(k, identity);
        },
        named: (k, name) => {
          note('named', k, name);
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
      const at = this.index.get(read.key);
      if (at !== undefined) this.reads[at] = read;
      else this.index.set(read.key, this.reads.push(read) - 1);
    }
  }
}
