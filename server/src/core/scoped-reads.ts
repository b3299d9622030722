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
import { SCOPED_DECLARATION_FIELDS, type DefinedIdentity, type DocumentTables, type ScopedDeclaration, type ScopedTables } from './rules/rule';
import type { NameIndex } from './text/suggest';

/** What was read: a declaration (its signed fields), whether a name is declared, whether there is a variables section, the definitions of an identity, those of a name, all identities of a kind. */
type Tag = 'declaration' | 'declared' | 'section' | 'defined' | 'named' | 'kind';

/** One read and what it found (one shape for every kind of read: they are compared by the thousand). */
class Read {
  /** Tells this read from every other, for a section's reads (built when first needed). */
  key: string | undefined;
  found = '';
  constructor(
    readonly tag: Tag,
    readonly kind: SectionName | '',
    /** The variable name, identity or name looked up. */
    readonly name: string,
  ) {}
}

function keyOf(read: Read): string {
  return (read.key ??= readKey(read.tag, read.kind, read.name));
}

function readKey(tag: Tag, kind: SectionName | '', name: string): string {
  return `${tag}\u0000${kind}\u0000${name}`;
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
  /** In the order made; a section's reads take an item's from here. */
  readonly reads: Read[] = [];

  /** The tables for the rules, noting each read of `tables` (once per thing read). */
  recording(tables: DocumentTables): ScopedTables {
    return new Recorder(tables, this.reads);
  }

  /** Whether every read finds the same in `tables`. */
  holdIn(tables: DocumentTables): boolean {
    for (const read of this.reads) if (found(tables, read) !== read.found) return false;
    return true;
  }
}

/** Up to this many reads an item's are searched one by one for a repeat; past it, through a set (a line can hold 100,000 uses). */
const FEW_READS = 8;

/** The tables as one item's scoped rules see them (methods, not closures: one of these per item checked). */
class Recorder implements ScopedTables {
  readonly declarations = new RecordedDeclarations(this);
  readonly definitions = new RecordedDefinitions(this);
  private seen: Set<string> | undefined;

  constructor(
    readonly tables: DocumentTables,
    private readonly into: Read[],
  ) {}

  get hasVariablesSection(): boolean {
    this.note('section', '', '');
    return this.tables.hasVariablesSection;
  }

  get dependencies(): DocumentTables['dependencies'] {
    return this.tables.dependencies;
  }

  operations(connector: string): ReturnType<DocumentTables['operations']> {
    return this.tables.operations(connector);
  }

  queryParameters(query: string): ReturnType<DocumentTables['queryParameters']> {
    return this.tables.queryParameters(query);
  }

  note(tag: Tag, kind: SectionName | '', name: string): void {
    const into = this.into;
    if (!this.seen && into.length >= FEW_READS) this.seen = new Set(into.map(keyOf));
    let key: string | undefined;
    if (this.seen) {
      key = readKey(tag, kind, name);
      if (this.seen.has(key)) return;
      this.seen.add(key);
    } else {
      for (const r of into) if (r.tag === tag && r.kind === kind && r.name === name) return;
    }
    // Only a new read is recorded: a repeat (a line can hold 100,000 uses of one name) allocates nothing more.
    const read = new Read(tag, kind, name);
    read.key = key;
    read.found = found(this.tables, read);
    into.push(read);
  }
}

class RecordedDeclarations {
  constructor(private readonly recorder: Recorder) {}

  get(name: string): ScopedDeclaration | undefined {
    this.recorder.note('declaration', '', name);
    return this.recorder.tables.declarations.get(name);
  }

  /** Whether a name is declared, not how: retyping a variable leaves this read as it was. */
  has(name: string): boolean {
    this.recorder.note('declared', '', name);
    return this.recorder.tables.declarations.has(name);
  }
}

class RecordedDefinitions {
  constructor(private readonly recorder: Recorder) {}

  get(kind: SectionName, identity: string): readonly DefinedIdentity[] {
    this.recorder.note('defined', kind, identity);
    return this.recorder.tables.definitions.get(kind, identity);
  }

  named(kind: SectionName, name: string): readonly DefinedIdentity[] {
    this.recorder.note('named', kind, name);
    return this.recorder.tables.definitions.named(kind, name);
  }

  identities(kind: SectionName): Iterable<string> {
    this.recorder.note('kind', kind, '');
    return this.recorder.tables.definitions.identities(kind);
  }

  nameIndex(kind: SectionName): NameIndex {
    this.recorder.note('kind', kind, '');
    return this.recorder.tables.definitions.nameIndex(kind);
  }
}

/**
 * The reads of every item of a section, each thing read once, with the items that made it: after
 * new tables, only the items some of whose reads find otherwise are checked again (renaming a
 * function re-checks the agent that enables it, not the other 2,999; the functions, which read two
 * variables, cost two lookups). A read left from an item's earlier version only names that item
 * again when it changes.
 */
export class SectionReads extends ScopedReads {
  private readonly index = new Map<string, number>();
  /** For each read, the indexes of the items that made it. */
  private readonly readers: number[][] = [];

  add(item: ScopedReads, itemIndex: number): void {
    for (const read of item.reads) {
      const key = keyOf(read);
      const at = this.index.get(key);
      if (at === undefined) {
        this.index.set(key, this.reads.push(read) - 1);
        this.readers.push([itemIndex]);
        continue;
      }
      this.reads[at] = read;
      // Items are added in order, and one checked again adds its reads again: a repeat is rare and harmless.
      const readers = this.readers[at];
      if (readers[readers.length - 1] !== itemIndex) readers.push(itemIndex);
    }
  }

  /**
   * The items (sorted) some of whose reads find otherwise in `tables`. Those reads now hold what
   * they find in `tables`: the caller checks those items again against it.
   */
  changedReaders(tables: DocumentTables): number[] {
    const items = new Set<number>();
    for (let i = 0; i < this.reads.length; i++) {
      const was = this.reads[i];
      const now = found(tables, was);
      if (now === was.found) continue;
      for (const item of this.readers[i]) items.add(item);
      // A new object: the one here is also the item's own record, which must keep what it found.
      const read = new Read(was.tag, was.kind, was.name);
      read.key = was.key;
      read.found = now;
      this.reads[i] = read;
    }
    return [...items].sort((a, b) => a - b);
  }
}
