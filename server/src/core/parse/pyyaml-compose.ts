/**
 * What PyYAML's composer and SafeConstructor do with the nodes the `yaml` library gives us: each
 * scalar gets PyYAML's value (pyyaml-scalars.ts), and what `yaml_safe_load` refuses although YAML
 * 1.2 allows it becomes a finding on the node — tags it cannot construct (`!Ref`,
 * `!!python/object`), `=` and `<<` as values, a merge of anything but mappings, a collection as a
 * key, an empty key without `?`, a duplicate anchor, anchor names outside `[-0-9A-Za-z_]`, and
 * flow keys over 1024 characters or across lines. Sinas answers all of them with "Invalid YAML".
 */
import type { Finding } from '../diagnostics/finding';
import { CORE_PREFIX, cannotConstruct, constructPlain, constructScalar, resolvePlain, type Constructed, type CoreTag } from './pyyaml-scalars';
import { isMergeKey, resolve, type YAlias, type YNode, type YPair, type YScalar } from './yaml-tree';

const SCALAR_TAGS = new Set<string>(['null', 'bool', 'int', 'float', 'binary', 'timestamp', 'str']);
const COLLECTION_TAGS: Record<string, 'map' | 'seq'> = { map: 'map', set: 'map', seq: 'seq', omap: 'seq', pairs: 'seq' };
const ANCHOR_NAME = /^[-0-9A-Za-z_]+$/;
/** PyYAML gives up on a simple key whose `:` is more than 1024 characters after its start. */
const MAX_SIMPLE_KEY = 1024;

const NODE_NOUN = { map: 'mapping', seq: 'sequence', scalar: 'scalar', alias: 'alias' } as const;

function coreName(tag: string | undefined): string | undefined {
  return tag?.startsWith(CORE_PREFIX) ? tag.slice(CORE_PREFIX.length) : undefined;
}

export class Composer {
  readonly findings: Finding[] = [];
  private readonly anchors = new Map<string, YNode>();
  private readonly merges: YPair[] = [];
  private readonly keys: YPair[] = [];
  private readonly aliases: YAlias[] = [];

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {}

  private report(start: number, end: number, message: string): void {
    this.findings.push({ code: 'yaml-syntax', message, span: { start, end: Math.max(end, start + 1) }, severity: 'error' });
  }

  /** Gives a scalar PyYAML's value; `source` is the scalar's text after YAML folding. */
  scalar(node: YScalar, source: string, isKey: boolean): void {
    const tag = node.tag;
    const name = coreName(tag);
    let result: Constructed;
    if (tag === undefined && node.style !== 'plain') result = { value: source };
    else if (isKey && (name === 'merge' || (tag === undefined && ['merge', 'value'].includes(resolvePlain(source))))) {
      // A merge key stays `<<` (to-value merges it); `=` as a key is the string "=".
      result = { value: source };
    } else if (tag === undefined || tag === '!') result = constructPlain(source);
    else if (name !== undefined && (SCALAR_TAGS.has(name) || name in COLLECTION_TAGS)) result = constructScalar(name as CoreTag, source);
    else result = cannotConstruct(source, tag);
    node.value = result.value;
    if (result.error) this.report(node.start, node.end, scalarMessage(node, source, result.error));
  }

  /** Tags on mappings and sequences: only the standard collection tags can be built. */
  collection(node: YNode): void {
    const tag = node.tag;
    if (tag === undefined || tag === '!' || node.kind === 'scalar' || node.kind === 'alias') return;
    const name = coreName(tag);
    const at = (message: string) => this.report(node.start, Math.min(node.end, node.start + 1), `${message}; Sinas (PyYAML) rejects the file as "Invalid YAML".`);
    if (name === undefined || (!SCALAR_TAGS.has(name) && !(name in COLLECTION_TAGS))) {
      at(`Sinas's YAML reader has no constructor for the tag \`${tag}\` ("could not determine a constructor for the tag")`);
    } else if (SCALAR_TAGS.has(name)) {
      at(`\`!!${name}\` needs a scalar, but this is a ${NODE_NOUN[node.kind]}`);
    } else if (COLLECTION_TAGS[name] !== node.kind) {
      at(`\`!!${name}\` needs a ${NODE_NOUN[COLLECTION_TAGS[name]]}, but this is a ${NODE_NOUN[node.kind]}`);
    } else if ((name === 'omap' || name === 'pairs') && node.kind === 'seq') {
      const bad = node.items.find((item) => item.kind !== 'map' || item.pairs.length !== 1);
      if (bad) at(`\`!!${name}\` needs a list of single-key mappings`);
    }
  }

  /** PyYAML 6 refuses a second anchor of the same name, and names outside `[-0-9A-Za-z_]`. */
  anchor(node: YNode): void {
    const name = node.anchor!;
    const at = this.text.lastIndexOf(`&${name}`, node.start - this.base);
    const start = at === -1 ? node.start : this.base + at;
    const end = at === -1 ? node.start : start + name.length + 1;
    if (!ANCHOR_NAME.test(name)) {
      this.report(start, end, `Sinas's YAML reader (PyYAML) only accepts anchor names of letters, digits, \`-\` and \`_\`; \`&${name}\` makes the file invalid.`);
    } else if (this.anchors.has(name)) {
      this.report(start, end, `The anchor \`&${name}\` is defined twice; Sinas's YAML reader (PyYAML 6) rejects the file ("found duplicate anchor"). Rename one of them.`);
    } else this.anchors.set(name, node);
  }

  alias(node: YAlias): void {
    this.aliases.push(node);
    if (!ANCHOR_NAME.test(node.name)) {
      this.report(node.start, node.end, `Sinas's YAML reader (PyYAML) only accepts alias names of letters, digits, \`-\` and \`_\`; \`*${node.name}\` makes the file invalid.`);
    }
  }

  /** Keys are checked once aliases are resolved (an alias key may stand for a list). */
  pair(pair: YPair, flow: boolean): void {
    const key = pair.key;
    if (key) this.keys.push(pair);
    if (isMergeKey(key)) this.merges.push(pair);
    if (!key || key.kind !== 'scalar') return;
    // An empty key without `?`: `yaml` puts it where its line's content starts, before the `:`.
    let colon = key.start - this.base;
    while (this.text[colon] === ' ') colon++;
    if (key.start === key.end && this.text[colon] === ':') {
      this.report(this.base + colon, this.base + colon + 1, 'A `:` without a key: Sinas\'s YAML reader (PyYAML) rejects it ("expected the node content" / "expected <block end>"). Write a key, or `? ` for an empty one.');
      return;
    }
    this.checkSimpleKey(key, flow);
  }

  /**
   * A key without `?` (a "simple key") must end with its `:` on the same line, within 1024
   * characters (`yaml` checks the length in block mappings itself).
   */
  private checkSimpleKey(key: YScalar, flow: boolean): void {
    let colon = key.end - this.base;
    while (this.text[colon] === ' ') colon++;
    if (this.text[colon] !== ':') return;
    let before = key.start - this.base - 1;
    while (before >= 0 && /[ \t\r\n]/.test(this.text[before])) before--;
    if (this.text[before] === '?') return;
    const span = this.text.slice(key.start - this.base, colon);
    if (/[\r\n]/.test(span)) {
      this.report(key.start, key.end, 'This key spans lines; Sinas\'s YAML reader (PyYAML) needs a key and its `:` on one line ("mapping values are not allowed here"). A missing `:` or quote on the line before is the usual cause.');
    } else if (flow && colon - (key.start - this.base) > MAX_SIMPLE_KEY) {
      this.report(key.start, key.end, 'The `:` is more than 1024 characters after the start of its key; Sinas\'s YAML reader (PyYAML) then rejects the file. Use `? ` for a long key.');
    }
  }

  /** Checks that need alias targets: undefined aliases, unhashable keys and merges. */
  finish(): void {
    for (const alias of this.aliases) {
      if (!alias.target && ANCHOR_NAME.test(alias.name)) {
        this.report(alias.start, alias.end, `\`*${alias.name}\` refers to no anchor before it; Sinas's YAML reader (PyYAML) rejects the file ("found undefined alias").`);
      }
    }
    for (const pair of this.keys) {
      const key = resolve(pair.key);
      if (key && (key.kind === 'map' || key.kind === 'seq')) {
        const at = pair.key!;
        this.report(at.start, at.kind === 'alias' ? at.end : Math.min(at.end, at.start + 1), `A ${NODE_NOUN[key.kind]} used as a key: Sinas's YAML reader (PyYAML) rejects it ("found unhashable key"). Keys must be scalars.`);
      }
    }
    for (const pair of this.merges) {
      const value = resolve(pair.value);
      const sources = value?.kind === 'seq' ? value.items.map((item) => [item, resolve(item)] as const) : [[pair.value, value] as const];
      for (const [written, source] of sources) {
        if (source?.kind === 'map') continue;
        const at = written ?? pair.key!;
        const found = source ? NODE_NOUN[source.kind] : 'nothing';
        this.report(at.start, at.end, `\`<<\` merges mappings only, but this is ${found === 'nothing' ? 'empty' : `a ${found}`}; Sinas's YAML reader (PyYAML) rejects the file ("expected a mapping${value?.kind === 'seq' ? '' : ' or list of mappings'} for merging").`);
        break;
      }
    }
  }
}

function scalarMessage(node: YScalar, source: string, error: string): string {
  const shown = source.length > 40 ? `${source.slice(0, 40)}…` : source;
  const tag = node.tag;
  if (error.startsWith('could not determine a constructor')) {
    if (tag === undefined && source === '=') return 'A plain `=` is YAML 1.1\'s "value" indicator, which Sinas\'s YAML reader (PyYAML) cannot build as a value; the file is rejected. Quote it: "=".';
    if (tag === undefined && source === '<<') return 'A plain `<<` is YAML 1.1\'s merge key, which Sinas\'s YAML reader (PyYAML) cannot build as a value; the file is rejected. Quote it: "<<".';
    return `Sinas's YAML reader (PyYAML safe_load) has no constructor for the tag \`${tag}\`, so the file is rejected as "Invalid YAML". Remove the tag.`;
  }
  if (error.startsWith('expected a')) return `\`${tag}\` ${error.replace(/^expected/, 'needs').replace(' node, but found scalar', ', but this is a scalar')}; Sinas's YAML reader (PyYAML) rejects the file.`;
  const written = tag && tag !== '!' ? `\`${tag.replace(CORE_PREFIX, '!!')} ${shown}\`` : `\`${shown}\``;
  return `Sinas's YAML reader (PyYAML) cannot build ${written}: ${error}. The install fails; ${tag ? 'fix the value or drop the tag' : 'quote it to keep it as text'}.`;
}
